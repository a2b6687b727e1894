package nl.ouderportaal.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;

/** The table of a run, in Markdown, from JMH's results and the B3 harness. */
final class ResultsTable {

    private ResultsTable() {
    }

    static String markdown(Set<String> selected, Collection<RunResult> jmh, Optional<BulkInvitationHarness.Result> invitations,
                           Optional<HttpLoadHarness.Result> http) {
        List<String[]> rows = new ArrayList<>();
        if (selected.contains("B1")) {
            for (String size : List.of("small", "large")) {
                Optional<RunResult> portal = find(jmh, "DashboardBenchmark.portal", size);
                Optional<RunResult> floor = find(jmh, "DashboardBenchmark.floor", size);
                if (portal.isPresent() && floor.isPresent()) {
                    double pm = BenchmarkMain.percentile(portal.get(), 50);
                    double p99 = BenchmarkMain.percentile(portal.get(), 99);
                    double fm = BenchmarkMain.percentile(floor.get(), 50);
                    double f99 = BenchmarkMain.percentile(floor.get(), 99);
                    rows.add(new String[] {"B1", "Dashboard, guardian with 3 visible children, " + size + " world",
                        "median " + micros(pm) + ", p99 " + micros(p99), "median " + micros(fm) + ", p99 " + micros(f99),
                        ratio(pm / fm) + " (p99 " + ratio(p99 / f99) + ")"});
                }
            }
        }
        if (selected.contains("B2")) {
            Optional<RunResult> small = find(jmh, "DashboardBenchmark.portal", "small");
            Optional<RunResult> large = find(jmh, "DashboardBenchmark.portal", "large");
            Optional<RunResult> floorSmall = find(jmh, "DashboardBenchmark.floor", "small");
            Optional<RunResult> floorLarge = find(jmh, "DashboardBenchmark.floor", "large");
            if (small.isPresent() && large.isPresent() && floorSmall.isPresent() && floorLarge.isPresent()) {
                double portal = BenchmarkMain.percentile(large.get(), 50) / BenchmarkMain.percentile(small.get(), 50);
                double floor = BenchmarkMain.percentile(floorLarge.get(), 50) / BenchmarkMain.percentile(floorSmall.get(), 50);
                rows.add(new String[] {"B2", "Dashboard median, large world ÷ small world (40 vs 1 schools, 10,000 vs 250 pupils)",
                    "large ÷ small " + ratio(portal), "large ÷ small " + ratio(floor), ratio(portal) + " large ÷ small"});
            }
        }
        invitations.ifPresent(r -> rows.add(new String[] {"B3",
            "Bulk invitation of " + String.format(Locale.ROOT, "%,d", r.mails()) + " guardians to GreenMail, end to end",
            String.format(Locale.ROOT, "%.0f mails/s (%.1f s: queue %.1f s + dispatch %.1f s); heap used after GC %d MB (before %d MB, max %d MB)",
                    r.portalMailsPerSecond(), r.portalSeconds(), r.queueSeconds(), r.dispatchSeconds(),
                    r.heapAfterGcBytes() >> 20, r.heapBeforeBytes() >> 20, r.heapMaxBytes() >> 20),
            String.format(Locale.ROOT, "%.0f mails/s (raw Jakarta Mail, one Transport)", r.rawMailsPerSecond()),
            ratio(r.rawMailsPerSecond() / r.portalMailsPerSecond())}));
        invitations.ifPresent(r -> r.dispatchMailsPerSecondByConnections().forEach((connections, rate) -> rows.add(new String[] {
            "B3 dispatch", "The outbox of " + String.format(Locale.ROOT, "%,d", r.mails()) + " invitations sent over "
                    + connections + " SMTP connection" + (connections == 1 ? "" : "s"),
            String.format(Locale.ROOT, "%.0f mails/s", rate),
            String.format(Locale.ROOT, "%.0f mails/s (raw, one Transport)", r.rawMailsPerSecond()),
            ratio(r.rawMailsPerSecond() / rate)})));
        if (selected.contains("B4")) {
            Optional<RunResult> portal = find(jmh, "ExcelExportBenchmark.portal", null);
            Optional<RunResult> floor = find(jmh, "ExcelExportBenchmark.floor", null);
            if (portal.isPresent() && floor.isPresent()) {
                double p = portal.get().getPrimaryResult().getScore();
                double f = floor.get().getPrimaryResult().getScore();
                rows.add(new String[] {"B4", "Excel export of 100,000 accounts, JVM with -Xmx256m",
                    String.format(Locale.ROOT, "%,.0f ms (passes at -Xmx256m)", p), String.format(Locale.ROOT, "%,.0f ms (raw SXSSF)", f),
                    ratio(p / f)});
            }
        }
        if (selected.contains("B5")) {
            Optional<RunResult> portal = find(jmh, "LoginBenchmark.portal", null);
            Optional<RunResult> floor = find(jmh, "LoginBenchmark.floor", null);
            if (portal.isPresent() && floor.isPresent()) {
                double p = portal.get().getPrimaryResult().getScore();
                double f = floor.get().getPrimaryResult().getScore();
                rows.add(new String[] {"B5", "Logins per second per core, production Argon2id",
                    String.format(Locale.ROOT, "%.1f logins/s", p), String.format(Locale.ROOT, "%.1f hashes/s", f), ratio(f / p)});
            }
        }
        http.ifPresent(r -> {
            String what = "HTTP `GET /api/dashboard`, " + r.sessions() + " concurrent sessions on loopback, large world";
            rows.add(new String[] {"B6", what + ", against the host's own reads served as JSON", http(r.dashboard()),
                http(r.hostFloor()) + " (`GET " + HttpLoadHarness.HOST_FLOOR_PATH + "`: the B1 floor's host calls as JSON)",
                ratio(r.hostFloor().requestsPerSecond() / r.dashboard().requestsPerSecond())
                        + " (CPU " + ratio(r.dashboard().cpuMillisPerRequest() / r.hostFloor().cpuMillisPerRequest()) + ")"});
            rows.add(new String[] {"B6 trivial", what + ", against a trivial endpoint", http(r.dashboard()),
                http(r.trivial()) + " (`GET /api/csrf`)",
                ratio(r.trivial().requestsPerSecond() / r.dashboard().requestsPerSecond())
                        + " (CPU " + ratio(r.dashboard().cpuMillisPerRequest() / r.trivial().cpuMillisPerRequest()) + ")"});
        });

        StringBuilder out = new StringBuilder();
        out.append("| # | Benchmark | Portal | Floor | Ratio |\n|---|---|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    private static Optional<RunResult> find(Collection<RunResult> results, String benchmark, String size) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith(benchmark))
                .filter(r -> size == null || size.equals(r.getParams().getParam("size")))
                .findFirst();
    }

    private static String http(HttpLoadHarness.Endpoint e) {
        return String.format(Locale.ROOT, "%.0f requests/s, p50 %.1f ms, p99 %.1f ms, %d errors, CPU %.2f ms per request",
                e.requestsPerSecond(), e.p50Millis(), e.p99Millis(), e.errors(), e.cpuMillisPerRequest());
    }

    private static String micros(double value) {
        return value >= 1000 ? String.format(Locale.ROOT, "%.2f ms", value / 1000) : String.format(Locale.ROOT, "%.0f µs", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }
}
