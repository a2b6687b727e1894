package nl.ouderportaal.benchmarks;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.demo.DemoSchool;
import nl.ouderportaal.demo.DemoSchoolGenerator;
import nl.ouderportaal.demo.DemoSize;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.module.ModuleDescriptor;

/**
 * The demo worlds the benchmarks run on. Each is generated once per run into a pristine directory
 * (all modules active and on the dashboard at every school, the benchmark guardian's account active),
 * and every benchmark works on a copy of its own, so that no benchmark sees another's writes.
 */
public final class BenchmarkWorlds {

    /** A fixed "now", so that every run generates and reads the same data. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final String BENCHMARK_PASSWORD = "benchmark-ouder-2026";
    /** Where worlds live; BenchmarkMain passes it to the forked JVMs. */
    public static final String DATA_PROPERTY = "benchmarks.data";

    private static final Pattern ACTIVATION_LINK = Pattern.compile("activate\\?token=([A-Za-z0-9_-]+)");

    private BenchmarkWorlds() {
    }

    public static Path dataRoot() {
        return Path.of(System.getProperty(DATA_PROPERTY, "target/benchmark-data")).toAbsolutePath();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(CLOCK.instant(), ZONE);
    }

    public static DemoSize size(String name) {
        return switch (name) {
            case "small" -> DemoSize.SMALL;
            case "large" -> DemoSize.LARGE;
            default -> throw new IllegalArgumentException("Unknown world size: " + name);
        };
    }

    /** Generates and configures the pristine world of this size, unless this run already did. */
    public static synchronized Path pristine(DemoSize size) {
        Path directory = dataRoot().resolve("pristine-" + size.name());
        Path done = directory.resolve("benchmark.ready");
        if (Files.exists(done)) {
            return directory;
        }
        deleteTree(directory);
        long start = System.nanoTime();
        try (DemoSchool demo = DemoSchool.open(directory, CLOCK, size)) {
            configureEverySchool(demo.portal(), size);
            activateBenchmarkGuardian(demo);
        }
        write(done, "configured\n");
        System.out.printf("# World %s (%d schools, %d pupils) generated in %.1f s%n", size.name(), size.schools(),
                size.pupils(), (System.nanoTime() - start) / 1e9);
        return directory;
    }

    /** A private copy of the pristine world, opened. */
    public static DemoSchool openCopy(DemoSize size, String purpose) {
        Path copy = copyOf(pristine(size), dataRoot().resolve("work-" + purpose + "-" + size.name()));
        return DemoSchool.open(copy, CLOCK, size);
    }

    /** Every module active, and on the dashboard where it can be, at every school: "all modules active". */
    private static void configureEverySchool(Portal portal, DemoSize size) {
        for (String school : DemoSchoolGenerator.schoolIds(size)) {
            SchoolId id = SchoolId.of(school);
            for (ModuleDescriptor<?> module : portal.installedModules()) {
                portal.configuration().activate(id, module.id(), DemoSchool.ADMIN_NAME);
                if (module.dashboardCapable()) {
                    portal.configuration().showOnDashboard(id, module.id(), true, DemoSchool.ADMIN_NAME);
                }
            }
        }
    }

    /** The benchmark guardian answers her invitation, as the demo guardian does on the demo's first start. */
    private static void activateBenchmarkGuardian(DemoSchool demo) {
        Portal portal = demo.portal();
        portal.invitations().inviteOne(DemoSchool.ADMIN, SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL),
                GuardianId.of(DemoSchoolGenerator.BENCHMARK_GUARDIAN));
        portal.mailDispatcher().orElseThrow().drainOnce();
        MimeMessage invitation = Arrays.stream(demo.mailbox().getReceivedMessages())
                .filter(m -> recipients(m).contains(DemoSchoolGenerator.BENCHMARK_EMAIL))
                .findFirst().orElseThrow(() -> new IllegalStateException("No invitation for the benchmark guardian"));
        Matcher link = ACTIVATION_LINK.matcher(DemoSchool.plainText(invitation));
        if (!link.find()) {
            throw new IllegalStateException("The benchmark guardian's invitation holds no activation link");
        }
        portal.authentication().acceptInvitation(link.group(1), BENCHMARK_PASSWORD);
        portal.mailDispatcher().orElseThrow().drainOnce();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path copyOf(Path source, Path target) {
        deleteTree(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
