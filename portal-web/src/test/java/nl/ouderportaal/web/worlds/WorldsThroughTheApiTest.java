package nl.ouderportaal.web.worlds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import nl.ouderportaal.spi.GuardianId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy oracle test of portal-core ({@code GeneratedWorldsTest}), now through the public Java API and
 * the JSON API: in every generated world, every guardian sees exactly the children, modules, news,
 * classmates and addresses the {@link Oracle} allows, and no marker of any other datum of any family.
 *
 * <p>All worlds run on ONE portal and ONE in-memory host, refilled per world; the guardians' accounts are
 * activated and logged in once. Seeds are fixed, so a failure names a world that can be replayed.
 *
 * <p>Sizes: {@value #WORLDS} worlds through the Java API, the first {@value #JSON_WORLDS} of them also through
 * the JSON API. Measured on the shared 2-core machine: with other builds lighter (load average 3-6), the
 * 10,000 worlds took 133 s wall and 166 s of process CPU (17 s of the wall time loading worlds; 559,376 Java
 * API calls and 35,714 HTTP requests), and the whole class with the broken oracles 160 s; under heavy load
 * from other builds (load average 12-15) the 10,000 worlds took 235 s. Checking a world through JSON took
 * about three times as long as through the Java API (measured: 160 ms against 53 ms a world, under load;
 * each request is an HTTP round trip, a session lookup and the child list before the page), so 10,000 JSON
 * worlds would add several minutes: the JSON API runs 1,000 worlds, which still check every
 * visible child's every page and one hidden child per guardian per world; the Java API checks the same
 * rules in all 10,000. Guardians of a world are checked two at a time (the portal is thread-safe, the host
 * is only read while checking).
 */
@DisplayName("Generated worlds through the public API and the JSON API")
class WorldsThroughTheApiTest {

    static final int WORLDS = 10_000;
    static final int JSON_WORLDS = 1_000;
    static final long SEED = 20_261_128L;

    private static WorldsPortal fixture;
    private static Map<GuardianId, ApiClient> clients;
    /** Numbers worlds across the tests of this class, so that no marker is ever used twice. */
    private static int worldNumber;

    @BeforeAll
    static void start() {
        fixture = new WorldsPortal();
        clients = new LinkedHashMap<>();
        for (GuardianId guardian : World.ACCOUNTS) {
            clients.put(guardian, new ApiClient(fixture.base).login(guardian.value() + "@example.org", WorldsPortal.PASSWORD));
        }
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Comparison.Report run(Oracle.Rules rules, long seed, int worlds, int jsonWorlds, boolean javaApi) {
        try (Comparison comparison = new Comparison(fixture, new Oracle(rules), clients)) {
            Random random = new Random(seed);
            long cpu = processCpuNanos();
            for (int i = 0; i < worlds; i++) {
                World world = World.generate(random, ++worldNumber);
                comparison.check(world, javaApi, i < jsonWorlds);
            }
            comparison.report.cpuNanos = processCpuNanos() - cpu;
            return comparison.report;
        }
    }

    /** CPU time of the whole test process (portal, web server and test), a cost measure that other load does not inflate. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Test
    @DisplayName("in 10,000 worlds no child, datum, classmate address, note or news message reaches another family, "
            + "through the Java API and the JSON API")
    void everyGuardianSeesExactlyWhatTheOracleAllows() {
        long start = System.nanoTime();
        Comparison.Report report = run(Oracle.Rules.ALL, SEED, WORLDS, JSON_WORLDS, true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Generated worlds through the APIs in " + millis + " ms: " + report);

        assertThat(report.disagreements).as("first disagreements:%n%s", report.examples()).isZero();
        assertThat(report.worlds).isEqualTo(WORLDS);
        assertThat(report.jsonWorlds).isEqualTo(JSON_WORLDS);
        // The worlds exercise every rule, not only "nothing visible".
        int views = WORLDS * World.GUARDIANS.size();
        assertThat(report.counter("guardian views with visible children")).isGreaterThan(views / 4);
        assertThat(report.counter("guardian views with an own linked child hidden")).isGreaterThan(views / 10);
        assertThat(report.counter("guardian views with a maintenance notice")).isGreaterThan(views / 100);
        assertThat(report.counter("guardian views with visible children at two schools")).isGreaterThan(views / 200);
        assertThat(report.counter("worlds with two guardians of one child with different viewing rights")).isGreaterThan(WORLDS / 10);
        assertThat(report.counter("news messages shown")).isGreaterThan(WORLDS);
        assertThat(report.counter("news messages published but hidden")).isGreaterThan(WORLDS);
        assertThat(report.counter("classmate addresses shown")).isGreaterThan(WORLDS / 4);
        assertThat(report.counter("secret classmate addresses withheld")).isGreaterThan(WORLDS / 20);
        assertThat(report.counter("classmates of another family shown by name")).isGreaterThan(WORLDS / 2);
        assertThat(report.hiddenProbes.get()).isGreaterThan(WORLDS);
        assertThat(report.pagesCompared.get()).as("child pages compared").isGreaterThan(WORLDS * 5L);
        assertThat(report.jsonRequests.get()).as("JSON requests").isGreaterThan(JSON_WORLDS * 20L);
    }

    @ParameterizedTest(name = "an oracle that {0} disagrees with the portal through the Java API")
    @MethodSource("nl.ouderportaal.web.worlds.Oracle$Rules#broken")
    @DisplayName("a deliberately broken oracle is caught through the Java API")
    void aBrokenOracleIsCaughtThroughTheJavaApi(Oracle.Rules rules) {
        Comparison.Report report = run(rules, SEED + 1, 100, 0, true);

        assertThat(report.disagreements).as("disagreements of an oracle that %s", rules).isPositive();
    }

    @ParameterizedTest(name = "an oracle that {0} disagrees with the portal through the JSON API")
    @MethodSource("nl.ouderportaal.web.worlds.Oracle$Rules#brokenForJson")
    @DisplayName("a deliberately broken oracle is caught through the JSON API alone")
    void aBrokenOracleIsCaughtThroughTheJsonApi(Oracle.Rules rules) {
        Comparison.Report report = run(rules, SEED + 2, 50, 50, false);

        assertThat(report.disagreements).as("disagreements of an oracle that %s", rules).isPositive();
    }
}
