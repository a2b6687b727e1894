package nl.ouderportaal.web.worlds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.spi.GuardianId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy oracle test of portal-core ({@code GeneratedWorldsTest}), now through the public Java API and
 * the JSON API, with all nine built-in modules: in every generated world, every guardian sees exactly the
 * children, module pages (of the current school year and of earlier ones), dashboard entries, activities,
 * news, classmates, addresses and staff the {@link Oracle} allows, and no marker of any other datum of any
 * family.
 *
 * <p>All worlds run on ONE portal and ONE in-memory host, refilled per world; the guardians' accounts are
 * activated and logged in once. Seeds are fixed, so a failure names a world that can be replayed.
 *
 * <p>Sizes: {@value #WORLDS} worlds through the Java API, the first {@value #JSON_WORLDS} of them also through
 * the JSON API. Checking a world through JSON took about three times as long as through the Java API
 * (measured with four modules: 160 ms against 53 ms a world, under load; each request is an HTTP round trip,
 * a session lookup and the child list before the page), so 10,000 JSON worlds would add several minutes: the
 * JSON API runs 1,000 worlds, which still check every visible child's every page of the current year, one
 * more page a child (another year, or a refused module) and one hidden child per guardian per world; the
 * Java API checks the same rules in all 10,000. Guardians of a world are checked two at a time (the portal is
 * thread-safe, the host is only read while checking).
 *
 * <p>Measured on the shared 2-core machine, back to back with the class as it was with four modules (other
 * builds running, load average 2-5), in two runs: the 10,000 worlds took 153-157 s wall and 224-248 s of
 * process CPU (15-16 s of the wall time loading worlds; 679,189 Java API calls and 51,447 HTTP requests)
 * against 124 s and 189 s with four modules, and the whole class 162-168 s against 147 s: the broken oracles
 * now stop at their first disagreement, which saves some 15 s. Of the CPU, a fifth went to compiling (the JIT
 * keeps compiling for the first two minutes); each portal call costs mostly its fresh reads of accounts,
 * settings and switches, so the cost follows the number of calls: that is why the other years and refused
 * modules are asked for in turn rather than all, and why a school's module switches and options hold for
 * {@value World#SETTINGS_EPOCH} worlds. Under heavy load from other builds (load average 12-15) the 10,000
 * worlds took 235 s with four modules.
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

    /**
     * Checks worlds one after the other; a broken oracle's run stops at the first world with a
     * disagreement, as that is all it has to show.
     */
    private static Comparison.Report run(Oracle.Rules rules, long seed, int worlds, int jsonWorlds, boolean javaApi,
                                         boolean untilFirstDisagreement) {
        try (Comparison comparison = new Comparison(fixture, new Oracle(rules), clients)) {
            Random random = new Random(seed);
            long cpu = processCpuNanos();
            for (int i = 0; i < worlds && !(untilFirstDisagreement && comparison.report.disagreements() > 0); i++) {
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
    @DisplayName("in 10,000 worlds no child, datum of any module or school year, classmate address, staff contact, "
            + "activity or news message reaches a guardian the rules do not allow, through the Java API and the JSON API")
    void everyGuardianSeesExactlyWhatTheOracleAllows() {
        long start = System.nanoTime();
        Comparison.Report report = run(Oracle.Rules.ALL, SEED, WORLDS, JSON_WORLDS, true, false);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Generated worlds through the APIs in " + millis + " ms (settings changes " + fixture.settingsWrites
                + "): " + report);

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
        // ... and every module's rules, the school years and the activities.
        assertThat(report.counter("locked reports shown")).isGreaterThan(WORLDS / 4);
        assertThat(report.counter("unlocked reports withheld")).isGreaterThan(WORLDS / 10);
        assertThat(report.counter("report PDFs refused")).isGreaterThan(WORLDS / 10);
        assertThat(report.counter("report PDFs made")).isGreaterThan(WORLDS / 1000);
        assertThat(report.counter("notes before the start date withheld")).isGreaterThan(WORLDS / 50);
        assertThat(report.counter("plans before the start date withheld")).isGreaterThan(WORLDS / 50);
        assertThat(report.counter("plan pages under the school's own label")).isGreaterThan(WORLDS / 20);
        assertThat(report.counter("national test results without the chosen presentation")).isGreaterThan(WORLDS / 10);
        assertThat(report.counter("national test results in a chosen presentation other than the level")).isGreaterThan(WORLDS / 10);
        assertThat(report.counter("method test results on the dashboard")).isGreaterThan(WORLDS / 50);
        assertThat(report.counter("staff members shown")).isGreaterThan(WORLDS / 2);
        assertThat(report.counter("staff members with contact details withheld")).isGreaterThan(WORLDS / 4);
        assertThat(report.counter("school activities shown")).isGreaterThan(WORLDS / 4);
        assertThat(report.counter("group activities shown")).isGreaterThan(WORLDS / 10);
        assertThat(report.counter("upcoming group activities of another group withheld")).isGreaterThan(WORLDS / 20);
        assertThat(report.counter("pages of an inactive module refused")).isGreaterThan(WORLDS / 2);
        assertThat(report.counter("pages of an earlier year compared")).isGreaterThan(WORLDS / 2);
        assertThat(report.counter("pages of an earlier year with data compared")).isGreaterThan(WORLDS / 4);
        assertThat(report.counter("pages of another year refused")).isGreaterThan(WORLDS / 2);
        assertThat(report.counter("children with absence actions offered")).isGreaterThan(WORLDS / 8);
        assertThat(report.counter("actions for a hidden child refused")).isGreaterThan(WORLDS / 10);
        assertThat(report.hiddenProbes.get()).isGreaterThan(WORLDS);
        assertThat(report.pagesCompared.get()).as("child pages compared").isGreaterThan(WORLDS * 5L);
        assertThat(report.jsonRequests.get()).as("JSON requests").isGreaterThan(JSON_WORLDS * 20L);
    }

    @Test
    @DisplayName("a marker is found wherever it stands in an answer, exactly as the marker pattern finds it")
    void markersAreFoundWhereverTheyStand() {
        String text = "MKMK000010002Q\"MK000010003QMK000010004Q MK00001000Q MK0000100005Q xMK000010006Qy MK00001000aQ MK000010007";
        Set<String> byPattern = new LinkedHashSet<>();
        Matcher matcher = World.MARKER.matcher(text);
        while (matcher.find()) {
            byPattern.add(matcher.group());
        }

        assertThat(World.markersIn(text)).containsExactlyElementsOf(byPattern)
                .containsExactly("MK000010002Q", "MK000010003Q", "MK000010004Q", "MK000010006Q");
        // A generated world's markers are of that form, numbered by the world.
        assertThat(World.generate(new Random(SEED), 42).children().get(0).id()).matches("kid-MK00042\\d{4}Q");
    }

    @Test
    @DisplayName("the worlds switch every built-in module, and the portal installs them all")
    void theWorldsCoverEveryBuiltInModule() {
        List<String> builtIn = BuiltInModules.all().stream().map(m -> m.descriptor().id()).toList();

        assertThat(World.MODULES).containsExactlyInAnyOrderElementsOf(builtIn);
        assertThat(fixture.portal.configuration().modules(World.SCHOOLS.get(0)))
                .extracting(state -> state.descriptor().id()).containsExactlyInAnyOrderElementsOf(builtIn);
    }

    @ParameterizedTest(name = "an oracle that {0} disagrees with the portal through the Java API")
    @MethodSource("nl.ouderportaal.web.worlds.Oracle$Rules#broken")
    @DisplayName("a deliberately broken oracle is caught through the Java API")
    void aBrokenOracleIsCaughtThroughTheJavaApi(Oracle.Rules rules) {
        Comparison.Report report = run(rules, SEED + 1, 100, 0, true, true);

        assertThat(report.disagreements).as("disagreements of an oracle that %s", rules).isPositive();
    }

    @ParameterizedTest(name = "an oracle that {0} disagrees with the portal through the JSON API")
    @MethodSource("nl.ouderportaal.web.worlds.Oracle$Rules#brokenForJson")
    @DisplayName("a deliberately broken oracle is caught through the JSON API alone")
    void aBrokenOracleIsCaughtThroughTheJsonApi(Oracle.Rules rules) {
        Comparison.Report report = run(rules, SEED + 2, 50, 50, false, true);

        assertThat(report.disagreements).as("disagreements of an oracle that %s", rules).isPositive();
    }
}
