package nl.ouderportaal.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.demo.DemoSize;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the benchmarks, prints the table and, when all ran, rewrites {@code RESULTS.md} (keeping its
 * hand-written "What was made faster" section). The argument selects benchmarks: {@code all} (default)
 * or a comma-separated list such as {@code B1,B4}. B1 and B2 are one JMH benchmark class, so either
 * runs both.
 */
public final class BenchmarkMain {

    private static final List<String> ALL = List.of("B1", "B2", "B3", "B4", "B5", "B6");
    private static final String KEPT_SECTION = "## What was made faster";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> selected = selection(args.length == 0 ? "all" : args[0]);
        long start = System.nanoTime();
        Path root = BenchmarkWorlds.dataRoot();
        // Each run generates its worlds afresh, so that they always follow the current generator and schema.
        BenchmarkWorlds.deleteTree(root);
        System.setProperty(BenchmarkWorlds.DATA_PROPERTY, root.toString());
        System.out.println("# Benchmarks " + selected + "; worlds in " + root);

        boolean dashboard = selected.contains("B1") || selected.contains("B2");
        if (dashboard || selected.contains("B5")) {
            BenchmarkWorlds.pristine(DemoSize.SMALL);
        }
        if (dashboard || selected.contains("B3") || selected.contains("B6")) {
            BenchmarkWorlds.pristine(DemoSize.LARGE);
        }
        if (selected.contains("B4")) {
            AccountExportWorld.pristine();
        }

        List<String> classes = new ArrayList<>();
        if (dashboard) {
            classes.add(DashboardBenchmark.class.getSimpleName());
        }
        if (selected.contains("B4")) {
            classes.add(ExcelExportBenchmark.class.getSimpleName());
        }
        if (selected.contains("B5")) {
            classes.add(LoginBenchmark.class.getSimpleName());
        }
        Collection<RunResult> jmh = List.of();
        if (!classes.isEmpty()) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    // Prepend, so that a benchmark's own jvmArgsAppend (B4's -Xmx256m) still applies.
                    .jvmArgsPrepend("-D" + BenchmarkWorlds.DATA_PROPERTY + "=" + root)
                    .shouldFailOnError(true);
            classes.forEach(c -> options.include("\\." + c + "\\."));
            jmh = new Runner(options.build()).run();
        }
        Optional<BulkInvitationHarness.Result> invitations = Optional.empty();
        if (selected.contains("B3")) {
            System.out.println("# B3: bulk invitation harness (" + BulkInvitationHarness.GUARDIANS + " guardians)");
            invitations = Optional.of(BulkInvitationHarness.run());
        }

        Optional<HttpLoadHarness.Result> http = Optional.empty();
        if (selected.contains("B6")) {
            System.out.println("# B6: HTTP load harness (" + HttpLoadHarness.SESSIONS + " sessions)");
            http = Optional.of(HttpLoadHarness.run());
        }

        String table = ResultsTable.markdown(selected, jmh, invitations, http);
        double minutes = (System.nanoTime() - start) / 60e9;
        System.out.println();
        System.out.println(table);
        System.out.printf(Locale.ROOT, "%nWhole run: %.1f minutes%n", minutes);
        String document = document(table, minutes);
        if (selected.containsAll(ALL)) {
            Path results = Path.of("RESULTS.md");
            Files.writeString(results, document + keptSection(results));
            System.out.println("Written: " + results.toAbsolutePath());
        } else {
            Path partial = Path.of("target", "benchmark-results.md");
            Files.writeString(partial, document);
            System.out.println("Only some benchmarks ran, so RESULTS.md is left alone; this run: " + partial.toAbsolutePath());
        }
        BenchmarkWorlds.deleteTree(root);
    }

    private static Set<String> selection(String argument) {
        if (argument.isBlank() || argument.equalsIgnoreCase("all")) {
            return new LinkedHashSet<>(ALL);
        }
        Set<String> selected = Arrays.stream(argument.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (selected.contains("B1") || selected.contains("B2")) {
            selected.addAll(List.of("B1", "B2"));
        }
        if (!ALL.containsAll(selected)) {
            throw new IllegalArgumentException("Benchmarks are " + ALL + ", not " + selected);
        }
        return selected;
    }

    private static String document(String table, double minutes) {
        return """
                # Benchmark results

                Written by the benchmarks module (see [README.md](README.md)); do not edit above the section
                "What was made faster", which a run keeps. Run: %s, %.1f minutes in all.

                Command: `./mvnw -q -pl benchmarks -am verify -DskipTests -Pbenchmarks`

                ## Machine

                %s

                ## Results

                Every ratio is the portal's cost per operation divided by the floor's, measured in the same run
                (1.0 = as fast as the floor; higher is slower). For rates, that is the floor's rate divided by the
                portal's. Figures are never asserted in tests.

                %s

                - **B1** JMH SampleTime, 1 fork, 3 x 2 s warm-up, 5 x 2 s measurement; the guardian `g-bench` has
                  exactly three visible children (groups 2, 5 and 7 of OBS De Regenboog); every module is active and
                  on the dashboard at every school. Floor: the host source calls the dashboard makes (links, students,
                  schools, per child absences, method tests, national tests, notes, plans, reports, group and homework,
                  the children's groups, the school's activities), made directly on `DemoSis`.
                - **B2** the same benchmark at both sizes: small = 1 school / 250 pupils, large = 40 schools /
                  10,000 pupils (plus the demo and benchmark families). Cost should follow the guardian, not the board.
                - **B3** a plain timed harness, run once per side after a 500-mail warm-up per side: 10,000 guardians
                  of the large world invited (outbox) and dispatched to GreenMail on loopback in the same JVM until the
                  outbox is empty; floor: Jakarta Mail (Angus) sending the same rendered messages over one reused
                  Transport. Heap used is measured after `System.gc()` with GreenMail's copies purged. "B3 dispatch":
                  the same 10,000 guardians invited again, and the dispatch alone timed with 1, 2 and 4 SMTP
                  connections (`Portal.Builder.mailConnections`), against the same raw floor.
                - **B4** JMH SingleShotTime in a forked JVM with `-Xmx256m`, 1 warm-up + 2 measured exports (mean) of
                  100,000 guardians with accounts; floor: POI SXSSF writing the same columns, styles and values, with
                  nothing to read.
                - **B5** JMH Throughput on one thread (so per core), 2 x 3 s warm-up, 3 x 5 s measurement, production
                  Argon2id parameters from `PasswordHasher.PRODUCTION`; floor: Bouncy Castle `Argon2BytesGenerator`
                  with the same parameters, salt and hash lengths.
                - **B6** a plain timed harness on the large world served by portal-web (Javalin, Jetty 12) on
                  loopback: 32 sessions of the benchmark guardian, each its own HTTP client, ask in a closed loop,
                  10 s warm-up, 20 s measured per endpoint. Floor: the harness's own endpoint
                  `GET /benchmark/dashboard-floor` on the same server (added by the harness, not a product route),
                  which makes the B1 floor's host calls and writes their answers as JSON; the ratio is its
                  requests/s divided by the dashboard's. "B6 trivial": `GET /api/csrf` of the same server (the same
                  filters, headers and JSON, no work at all). "CPU" is the JVM's CPU time (server and clients) over
                  the window per answer, which moves less than the rate when something else shares the machine.
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), minutes, MachineDescription.markdown(), table);
    }

    private static String keptSection(Path results) throws IOException {
        if (!Files.exists(results)) {
            return "";
        }
        String existing = Files.readString(results);
        int at = existing.indexOf(KEPT_SECTION);
        return at < 0 ? "" : "\n" + existing.substring(at);
    }

    static double percentile(RunResult result, double percentile) {
        Statistics statistics = result.getPrimaryResult().getStatistics();
        return statistics.getPercentile(percentile);
    }
}
