package nl.ouderportaal.web.worlds;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.ouderportaal.core.guardian.ChildPage;
import nl.ouderportaal.core.guardian.GuardianHome;
import nl.ouderportaal.core.guardian.GuardianPortal;
import nl.ouderportaal.core.guardian.MaintenanceNotice;
import nl.ouderportaal.core.guardian.ModuleLink;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.guardian.VisibleChild;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;

/**
 * Compares, world by world and guardian by guardian, what the portal shows with what the {@link Oracle}
 * says it must show: through the public Java API ({@code portal.guardians()}) and through the JSON API
 * over HTTP. Every page is compared on the exact set of markers it contains, so that a datum shown where
 * it may not be and a datum withheld where it must be shown are both disagreements. Disagreements are
 * collected, not thrown, so that a broken oracle can be shown to produce them.
 */
final class Comparison implements AutoCloseable {

    /** The pages of a child that have a URL of their own: the modules placed in the child menu. */
    static final List<String> CHILD_MENU_MODULES = List.of("absences", "groups", "notes");

    private final WorldsPortal fixture;
    private final Oracle oracle;
    private final Map<GuardianId, ApiClient> clients;
    private final Map<String, String> unknownChildBodies = new LinkedHashMap<>();
    final Report report = new Report();
    /** Guardians are checked two at a time: the portal is thread-safe and the host is only read while checking. */
    private final ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "worlds-check");
        thread.setDaemon(true);
        return thread;
    });

    Comparison(WorldsPortal fixture, Oracle oracle, Map<GuardianId, ApiClient> clients) {
        this.fixture = fixture;
        this.oracle = oracle;
        this.clients = clients;
        ApiClient any = clients.values().iterator().next();
        for (String page : pagesOfAChild()) {
            HttpResponse<String> unknown = any.get("/api/children/no-such-child/" + page);
            if (unknown.statusCode() != 404) {
                throw new IllegalStateException("An unknown child answers " + unknown.statusCode());
            }
            unknownChildBodies.put(page, unknown.body());
        }
    }

    static List<String> pagesOfAChild() {
        List<String> pages = new ArrayList<>(CHILD_MENU_MODULES);
        pages.add(GuardianPortal.ABOUT);
        return pages;
    }

    /** Loads the world into the portal and compares every guardian's view through the chosen APIs. */
    void check(World world, boolean javaApi, boolean jsonApi) {
        long start = System.nanoTime();
        fixture.load(world);
        report.loadNanos += System.nanoTime() - start;
        report.worlds++;
        count(world);
        long checking = System.nanoTime();
        List<Future<?>> checks = new ArrayList<>();
        for (GuardianId guardian : World.GUARDIANS) {
            checks.add(threads.submit(() -> check(world, guardian, javaApi, jsonApi)));
        }
        for (Future<?> check : checks) {
            try {
                check.get();
            } catch (ExecutionException e) {
                throw new AssertionError("Checking world " + world.number() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        report.checkNanos += System.nanoTime() - checking;
        if (jsonApi) {
            report.jsonWorlds++;
        }
    }

    private void check(World world, GuardianId guardian, boolean javaApi, boolean jsonApi) {
        boolean account = World.ACCOUNTS.contains(guardian);
        Oracle.Expectation expected = oracle.expect(world, guardian, account);
        countExpectation(world, guardian, expected);
        if (javaApi) {
            checkJava(world, guardian, expected);
        }
        if (jsonApi && account) {
            checkJson(world, guardian, expected, clients.get(guardian));
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private void checkJava(World world, GuardianId guardian, Oracle.Expectation expected) {
        String where = "world " + world.number() + ", " + guardian + ", Java API, ";
        Viewer viewer = Viewer.guardian(guardian);
        var guardians = fixture.portal.guardians();
        GuardianHome home = guardians.home(viewer);
        report.javaCalls.incrementAndGet();
        Set<String> children = new LinkedHashSet<>();
        for (VisibleChild child : home.children()) {
            children.add(child.student().id().value());
            Set<String> modules = new LinkedHashSet<>();
            child.modules().stream().map(ModuleLink::moduleId).forEach(modules::add);
            same(where + "modules of " + child.student().id(), modules, expected.modules().get(child.student().id().value()));
        }
        same(where + "visible children", children, expected.children());
        Set<SchoolId> notices = new LinkedHashSet<>();
        home.maintenanceNotices().stream().map(MaintenanceNotice::school).forEach(notices::add);
        same(where + "maintenance notices", notices, expected.notices());
        markers(where + "home", PortalJson.write(home), expected.home());
        markers(where + "dashboard", PortalJson.write(guardians.dashboard(viewer, Optional.empty())), expected.dashboard());
        markers(where + "news", PortalJson.write(guardians.news(viewer)), expected.news());
        report.javaCalls.addAndGet(2);
        for (String child : expected.children()) {
            StudentId id = StudentId.of(child);
            page(where, child, GuardianPortal.ABOUT, guardians.aboutChild(viewer, id), expected);
            for (String module : CHILD_MENU_MODULES) {
                page(where, child, module, guardians.modulePage(viewer, id, module, Optional.empty()), expected);
            }
        }
        // The School page of one of the two schools (in turn): shown exactly for a school of a visible child.
        Set<SchoolId> schools = new LinkedHashSet<>();
        expected.children().forEach(c -> schools.add(world.child(c).school()));
        SchoolId school = World.SCHOOLS.get(Math.floorMod(world.number() + guardian.value().hashCode(), World.SCHOOLS.size()));
        var schoolPage = guardians.schoolPage(viewer, school);
        report.javaCalls.incrementAndGet();
        same(where + "school page of " + school + " shown", schoolPage.isPresent(), schools.contains(school));
        schoolPage.ifPresent(p -> markers(where + "school page of " + school, PortalJson.write(p), Set.of()));
        // Every hidden child linked to the guardian, and one of another family: one of its pages (about and
        // the modules in turn) is empty, as for an unknown id.
        List<String> probes = new ArrayList<>(expected.hidden().stream().filter(c -> linked(world, guardian, c)).toList());
        expected.hidden().stream().filter(c -> !linked(world, guardian, c)).skip(world.number() % 3).findFirst()
                .ifPresent(probes::add);
        int i = world.number();
        for (String child : probes) {
            StudentId id = StudentId.of(child);
            String page = pagesOfAChild().get(i++ % pagesOfAChild().size());
            boolean shown = page.equals(GuardianPortal.ABOUT) ? guardians.aboutChild(viewer, id).isPresent()
                    : guardians.modulePage(viewer, id, page, Optional.empty()).isPresent();
            same(where + page + " page of hidden " + child + " shown", shown, false);
            report.javaCalls.incrementAndGet();
            report.hiddenProbes.incrementAndGet();
        }
    }

    private static boolean linked(World world, GuardianId guardian, String child) {
        return world.links().stream().anyMatch(l -> l.guardian().equals(guardian) && l.child().equals(child));
    }

    private void page(String where, String child, String pageId, Optional<ChildPage> page, Oracle.Expectation expected) {
        report.javaCalls.incrementAndGet();
        Set<String> markers = expected.pages().get(child + "/" + pageId);
        same(where + pageId + " page of " + child + " shown", page.isPresent(), markers != null);
        if (page.isPresent() && markers != null) {
            markers(where + pageId + " page of " + child, PortalJson.write(page.get()), markers);
            report.pagesCompared.incrementAndGet();
        }
    }

    private void checkJson(World world, GuardianId guardian, Oracle.Expectation expected, ApiClient client) {
        String where = "world " + world.number() + ", " + guardian + ", JSON API, ";
        HttpResponse<String> list = get(client, "/api/children");
        Set<String> children = new LinkedHashSet<>();
        for (JsonNode item : ApiClient.parse(list).get("items")) {
            String id = item.get("id").asText();
            children.add(id);
            Set<String> modules = new LinkedHashSet<>();
            item.get("modules").forEach(m -> modules.add(m.get("id").asText()));
            same(where + "modules of " + id, modules, expected.modules().get(id));
        }
        same(where + "visible children", children, expected.children());
        markers(where + "/api/children", list.body(), expected.childList());
        Set<String> dashboardAndNews = new LinkedHashSet<>(expected.dashboard());
        dashboardAndNews.addAll(expected.news());
        markers(where + "/api/dashboard", get(client, "/api/dashboard").body(), dashboardAndNews);
        HttpResponse<String> school = get(client, "/api/school");
        Set<String> schools = new LinkedHashSet<>();
        ApiClient.parse(school).get("items").forEach(s -> schools.add(s.get("school").get("id").asText()));
        Set<String> expectedSchools = new LinkedHashSet<>();
        expected.children().forEach(c -> expectedSchools.add(world.child(c).school().value()));
        same(where + "/api/school schools", schools, expectedSchools);
        markers(where + "/api/school", school.body(), Set.of());
        for (String child : expected.children()) {
            for (String page : pagesOfAChild()) {
                Set<String> markers = expected.pages().get(child + "/" + page);
                if (markers == null) {
                    continue;
                }
                HttpResponse<String> response = get(client, "/api/children/" + child + "/" + page);
                same(where + "status of " + page + " page of " + child, response.statusCode(), 200);
                markers(where + page + " page of " + child, response.body(), markers);
                report.pagesCompared.incrementAndGet();
            }
        }
        // One child the guardian may not see (preferably one linked to them): answers exactly as an unknown id.
        List<String> hidden = expected.hidden();
        if (!hidden.isEmpty()) {
            String child = hidden.stream().filter(c -> linked(world, guardian, c)).findFirst()
                    .orElse(hidden.get(world.number() % hidden.size()));
            List<String> pages = pagesOfAChild();
            String page = pages.get(Math.floorMod(world.number() + guardian.value().hashCode(), pages.size()));
            HttpResponse<String> response = get(client, "/api/children/" + child + "/" + page);
            same(where + "status of hidden " + child + "/" + page, response.statusCode(), 404);
            same(where + "body of hidden " + child + "/" + page, response.body(), unknownChildBodies.get(page));
            report.hiddenProbes.incrementAndGet();
        }
    }

    private HttpResponse<String> get(ApiClient client, String path) {
        report.jsonRequests.incrementAndGet();
        return client.get(path);
    }

    private void markers(String where, String text, Set<String> allowed) {
        Set<String> found = World.markersIn(text);
        // The oracle names data ("kid-MK..Q", "Groep MK..Q"); the page is compared on their markers.
        Set<String> expected = new LinkedHashSet<>();
        allowed.forEach(datum -> expected.addAll(World.markersIn(datum)));
        if (!found.equals(expected)) {
            Set<String> leaked = new LinkedHashSet<>(found);
            leaked.removeAll(expected);
            Set<String> missing = new LinkedHashSet<>(expected);
            missing.removeAll(found);
            report.disagree(where + ": shown but not allowed " + leaked + ", allowed but not shown " + missing);
        }
    }

    private void same(String where, Object actual, Object expected) {
        if (!java.util.Objects.equals(actual, expected)) {
            report.disagree(where + ": portal " + actual + ", oracle " + expected);
        }
    }

    private void count(World world) {
        if (world.schools().values().stream().filter(World.SchoolState::used).count() > 1) {
            report.count("worlds with two schools");
        }
        if (world.schools().values().stream().anyMatch(s -> s.used() && s.maintenance())) {
            report.count("worlds with a school in maintenance");
        }
        if (world.children().stream().anyMatch(c -> world.links().stream().filter(l -> l.child().equals(c.id()))
                .map(World.Link::viewingRight).distinct().count() > 1)) {
            report.count("worlds with two guardians of one child with different viewing rights");
        }
        boolean secretShownAround = false;
        for (World.Child child : world.children()) {
            if (child.addressSecret() && child.group() >= 0 && world.schools().get(child.school()).showClassmateAddresses()
                    && world.schools().get(child.school()).active().contains("groups")) {
                secretShownAround = true;
            }
        }
        if (secretShownAround) {
            report.count("worlds with a secret address in a group whose school shows addresses");
        }
    }

    private void countExpectation(World world, GuardianId guardian, Oracle.Expectation expected) {
        if (!expected.children().isEmpty()) {
            report.count("guardian views with visible children");
        }
        if (!expected.notices().isEmpty()) {
            report.count("guardian views with a maintenance notice");
        }
        boolean linkedButHidden = world.links().stream().anyMatch(l -> l.guardian().equals(guardian)
                && !expected.children().contains(l.child()));
        if (linkedButHidden) {
            report.count("guardian views with an own linked child hidden");
        }
        Set<SchoolId> schools = new LinkedHashSet<>();
        expected.children().forEach(c -> schools.add(world.child(c).school()));
        if (schools.size() > 1) {
            report.count("guardian views with visible children at two schools");
        }
        report.add("news messages shown", expected.visibleNews());
        long hiddenNews = world.news().stream().filter(World.NewsData::publishedToday).count() - expected.visibleNews();
        report.add("news messages published but hidden", hiddenNews);
        for (String child : expected.children()) {
            Set<String> page = expected.pages().get(child + "/groups");
            if (page == null) {
                continue;
            }
            World.Child own = world.child(child);
            for (World.Child mate : world.children()) {
                if (own.group() >= 0 && mate.group() == own.group() && !mate.id().equals(child)) {
                    if (page.contains(mate.address())) {
                        report.count("classmate addresses shown");
                    } else if (mate.addressSecret() && world.schools().get(own.school()).showClassmateAddresses()) {
                        report.count("secret classmate addresses withheld");
                    }
                    if (mate.family() != own.family()) {
                        report.count("classmates of another family shown by name");
                    }
                }
            }
        }
    }

    /** What the comparison found: disagreements with the first examples, and counters. */
    static final class Report {
        int worlds;
        int jsonWorlds;
        final AtomicLong javaCalls = new AtomicLong();
        final AtomicLong jsonRequests = new AtomicLong();
        final AtomicLong pagesCompared = new AtomicLong();
        final AtomicLong hiddenProbes = new AtomicLong();
        final Map<String, Long> counters = new TreeMap<>();
        long disagreements;
        long loadNanos;
        long checkNanos;
        long cpuNanos;
        final List<String> examples = new ArrayList<>();

        synchronized void disagree(String message) {
            disagreements++;
            if (examples.size() < 20) {
                examples.add(message);
            }
        }

        synchronized void count(String counter) {
            add(counter, 1);
        }

        synchronized void add(String counter, long amount) {
            counters.merge(counter, amount, Long::sum);
        }

        long counter(String name) {
            return counters.getOrDefault(name, 0L);
        }

        String examples() {
            return String.join(System.lineSeparator(), examples);
        }

        @Override
        public String toString() {
            return "worlds " + worlds + " (JSON API: " + jsonWorlds + "), ms loading " + loadNanos / 1_000_000 + ", ms checking " + checkNanos / 1_000_000 + ", process CPU ms "
                    + cpuNanos / 1_000_000 + ", Java API calls " + javaCalls + ", JSON requests "
                    + jsonRequests + ", child pages compared " + pagesCompared + ", hidden-child probes " + hiddenProbes
                    + ", disagreements " + disagreements + ", " + counters;
        }
    }
}
