package nl.ouderportaal.web.worlds;

import static nl.ouderportaal.web.worlds.World.CURRENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import nl.ouderportaal.modules.nationaltests.Presentation;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;

/**
 * Compares, world by world and guardian by guardian, what the portal shows with what the {@link Oracle}
 * says it must show: through the public Java API ({@code portal.guardians()}) and through the JSON API
 * over HTTP. Every page is compared on the exact set of markers it contains, so that a datum shown where
 * it may not be and a datum withheld where it must be shown are both disagreements; module pages also on
 * the school year shown and the years offered. Disagreements are collected, not thrown, so that a broken
 * oracle can be shown to produce them.
 *
 * <p>Per visible child, both APIs ask for the about page and the page of every module the oracle shows in
 * the current year, and for one more page in turn ({@link #probe}): of a module the oracle refuses, of an
 * earlier year the oracle shows, or of any other year (21 a child: every page of the child menu in the two
 * years before and the next), listed by the host or not. Each asks the portal as much as a page shown, so
 * one a child and world; over the worlds every kind is asked for thousands of times. A report's PDF is
 * refused wherever its page does not show it; a shown one is made in one world of {@value #LOCKED_PDF_EVERY}.
 */
final class Comparison implements AutoCloseable {

    /** A shown report is also fetched as a PDF in one world of this many: rendering one costs some 40 ms of CPU. */
    static final int LOCKED_PDF_EVERY = 500;
    /** Every page of the child menu in every other school year: 21 pages a child. */
    private static final List<PageYear> OTHER_YEAR_PAGES = World.CHILD_MENU.stream()
            .flatMap(m -> World.OTHER_YEARS.stream().map(y -> new PageYear(m, y))).toList();

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

    private record PageYear(String page, SchoolYear year) {
    }

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

    /** Every page of a child: the child menu's module pages and the about page. */
    static List<String> pagesOfAChild() {
        List<String> pages = new ArrayList<>(World.CHILD_MENU);
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

    /**
     * The one other page asked for about a visible child, besides its pages of the current year: in turn
     * (over worlds, guardians and children) the current page of a module the oracle refuses, an
     * earlier-year page the oracle shows (one with data where there is one), or any of the 21 other-year
     * pages. Each asks the portal as much as a page shown, so one a child; over the worlds every kind
     * is asked for thousands of times.
     */
    private static PageYear probe(World world, GuardianId guardian, String child, Oracle.Expectation expected, int offset) {
        int turn = Math.floorMod(world.number() + 3 * guardian.value().hashCode() + child.hashCode() + offset, 3);
        if (turn == 0) {
            List<PageYear> refused = World.CHILD_MENU.stream().filter(m -> !expected.pages().containsKey(Oracle.page(child, m, CURRENT)))
                    .map(m -> new PageYear(m, CURRENT)).toList();
            if (!refused.isEmpty()) {
                return inTurn(refused, world, guardian, child);
            }
        }
        if (turn <= 1) {
            List<PageYear> earlier = new ArrayList<>();
            for (String module : World.CHILD_MENU) {
                expected.years().getOrDefault(Oracle.page(child, module, CURRENT), List.of()).stream()
                        .filter(year -> !year.equals(CURRENT)).forEach(year -> earlier.add(new PageYear(module, year)));
            }
            List<PageYear> withData = earlier.stream()
                    .filter(p -> expected.pages().get(Oracle.page(child, p.page(), p.year())).size() > 1).toList();
            if (!earlier.isEmpty()) {
                return inTurn(withData.isEmpty() ? earlier : withData, world, guardian, child);
            }
        }
        return inTurn(OTHER_YEAR_PAGES, world, guardian, child);
    }

    /** One of a non-empty list, in turn over worlds, guardians and children. */
    private static <T> T inTurn(List<T> items, World world, GuardianId guardian, String child) {
        return items.get(Math.floorMod(world.number() / 3 + guardian.value().hashCode() + child.hashCode(), items.size()));
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
            javaPage(where, child, GuardianPortal.ABOUT, CURRENT, guardians.aboutChild(viewer, id), expected);
            for (String module : World.CHILD_MENU) {
                if (expected.pages().containsKey(Oracle.page(child, module, CURRENT))) {
                    javaPage(where, child, module, CURRENT, guardians.modulePage(viewer, id, module, Optional.empty()), expected);
                }
            }
            PageYear probe = probe(world, guardian, child, expected, 0);
            javaPage(where, child, probe.page(), probe.year(), guardians.modulePage(viewer, id, probe.page(),
                    probe.year().equals(CURRENT) ? Optional.empty() : Optional.of(probe.year())), expected);
            // A report's PDF exists exactly for a report its page shows.
            Set<String> reports = expected.pages().get(Oracle.page(child, World.REPORTS, CURRENT));
            if (reports != null) {
                for (World.ReportData r : world.reports()) {
                    boolean shown = reports.contains(r.id());
                    if (r.child().equals(child) && CURRENT.contains(r.date()) && (!shown || world.number() % LOCKED_PDF_EVERY == 0)) {
                        boolean pdf = guardians.sectionPdf(viewer, id, World.REPORTS, Optional.empty(), r.id(), Locale.ROOT)
                                .filter(bytes -> bytes.length > 0).isPresent();
                        report.javaCalls.incrementAndGet();
                        same(where + "PDF of report " + r.id() + " of " + child, pdf, shown);
                        report.count(shown ? "report PDFs made" : "report PDFs refused");
                    }
                }
            }
        }
        // Actions (R-ACT): offered exactly for the children the oracle shows, and a module's only where its page is.
        // (In every fourth world: the forms cost as much as a page each.)
        for (String child : world.number() % 4 == 0 ? expected.children() : Set.<String>of()) {
            var offered = fixture.portal.actions().forChild(viewer, StudentId.of(child));
            report.javaCalls.incrementAndGet();
            same(where + "actions of " + child + " offered", offered.isPresent(), true);
            Set<String> modules = new LinkedHashSet<>();
            offered.orElse(List.of()).stream().map(a -> a.module()).filter(m -> !m.equals("about")).forEach(modules::add);
            Set<String> shownModules = expected.modules().getOrDefault(child, Set.of());
            // No module acts where the oracle hides its page; reporting absence is on wherever the absences page is.
            Set<String> beyond = new LinkedHashSet<>(modules);
            beyond.removeAll(shownModules);
            same(where + "modules acting for " + child + " without a page", beyond, Set.of());
            same(where + "absences acting for " + child, modules.contains(World.ABSENCES), shownModules.contains(World.ABSENCES));
            if (modules.contains(World.ABSENCES)) {
                report.count("children with absence actions offered");
            }
        }
        // ... and never for a child the oracle hides: nothing is offered, and running one changes nothing.
        for (String child : expected.hidden()) {
            StudentId id = StudentId.of(child);
            same(where + "actions of hidden " + child + " offered", fixture.portal.actions().forChild(viewer, id).isPresent(), false);
            report.javaCalls.incrementAndGet();
            if (World.ACCOUNTS.contains(guardian) && Math.floorMod(world.number() + child.hashCode(), 4) == 0) {
                int before = fixture.host.leaveRequests.size();
                var ran = fixture.portal.actions().run(fixture.permit(guardian), id, World.ABSENCES, "request-leave",
                        java.util.Map.of("from", "2026-03-09", "until", "2026-03-09", "category", "family", "explanation", "Bruiloft"));
                same(where + "request-leave for hidden " + child + " ran", ran.isPresent(), false);
                same(where + "leave requests after one for hidden " + child, fixture.host.leaveRequests.size(), before);
                report.count("actions for a hidden child refused");
            }
        }
        // The School page of one of the two schools (in turn): shown exactly for a school of a visible child.
        SchoolId school = World.SCHOOLS.get(Math.floorMod(world.number() + guardian.value().hashCode(), World.SCHOOLS.size()));
        var schoolPage = guardians.schoolPage(viewer, school);
        report.javaCalls.incrementAndGet();
        Set<String> expectedSchool = expected.schoolPages().get(school);
        same(where + "school page of " + school + " shown", schoolPage.isPresent(), expectedSchool != null);
        if (schoolPage.isPresent() && expectedSchool != null) {
            markers(where + "school page of " + school, PortalJson.write(schoolPage.get()), expectedSchool);
        }
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

    private void javaPage(String where, String child, String pageId, SchoolYear year, Optional<ChildPage> page,
                          Oracle.Expectation expected) {
        report.javaCalls.incrementAndGet();
        String key = Oracle.page(child, pageId, year);
        Set<String> markers = expected.pages().get(key);
        same(where + key + " shown", page.isPresent(), markers != null);
        if (page.isPresent() && markers != null) {
            markers(where + key, PortalJson.write(page.get()), markers);
            same(where + key + " school year", page.get().schoolYear(), year);
            same(where + key + " school years offered", page.get().selectableYears(),
                    expected.years().get(Oracle.page(child, pageId, CURRENT)));
            report.pagesCompared.incrementAndGet();
        }
        countYear(year, markers);
    }

    private void countYear(SchoolYear year, Set<String> markers) {
        if (year.equals(CURRENT) && markers == null) {
            report.count("pages of an inactive module refused");
        } else if (!year.equals(CURRENT)) {
            report.count(markers != null ? "pages of an earlier year compared" : "pages of another year refused");
            if (markers != null && markers.size() > 1) {
                report.count("pages of an earlier year with data compared");
            }
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
        Set<String> schoolMarkers = new LinkedHashSet<>();
        expected.schoolPages().forEach((id, markers) -> {
            expectedSchools.add(id.value());
            schoolMarkers.addAll(markers);
        });
        same(where + "/api/school schools", schools, expectedSchools);
        markers(where + "/api/school", school.body(), schoolMarkers);
        for (String child : expected.children()) {
            for (String page : pagesOfAChild()) {
                if (expected.pages().containsKey(Oracle.page(child, page, CURRENT))) {
                    jsonPage(where, client, child, page, CURRENT, expected);
                }
            }
            PageYear probe = probe(world, guardian, child, expected, 1);
            jsonPage(where, client, child, probe.page(), probe.year(), expected);
            Set<String> reports = expected.pages().get(Oracle.page(child, World.REPORTS, CURRENT));
            if (reports != null) {
                world.reports().stream().filter(r -> r.child().equals(child) && CURRENT.contains(r.date())
                        && !reports.contains(r.id())).forEach(r -> same(where + "PDF of hidden report " + r.id(),
                        get(client, "/api/children/" + child + "/reports/sections/" + r.id() + ".pdf").statusCode(), 404));
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

    /** A page of a visible child through JSON: 200 with exactly its markers, year and years offered; else 404. */
    private void jsonPage(String where, ApiClient client, String child, String page, SchoolYear year,
                          Oracle.Expectation expected) {
        String key = Oracle.page(child, page, year);
        Set<String> markers = expected.pages().get(key);
        HttpResponse<String> response = get(client, "/api/children/" + child + "/" + page
                + (year.equals(CURRENT) ? "" : "?schoolYear=" + year));
        // A page with no earlier years refuses another year with 400 (issue 19), but only where it is shown at all.
        boolean yearRefused = !year.equals(CURRENT) && !World.EARLIER_YEARS.contains(page)
                && expected.pages().containsKey(Oracle.page(child, page, CURRENT));
        same(where + "status of " + key, response.statusCode(), yearRefused ? 400 : markers == null ? 404 : 200);
        if (markers != null && response.statusCode() == 200) {
            markers(where + key, response.body(), markers);
            JsonNode body = ApiClient.parse(response);
            same(where + key + " school year", body.get("schoolYear").asText(), year.toString());
            List<String> offered = new ArrayList<>();
            body.get("selectableYears").forEach(y -> offered.add(y.asText()));
            same(where + key + " school years offered", offered,
                    expected.years().get(Oracle.page(child, page, CURRENT)).stream().map(SchoolYear::toString).toList());
            report.pagesCompared.incrementAndGet();
        }
        countYear(year, markers);
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
                    && world.schools().get(child.school()).active().contains(World.GROUPS)) {
                secretShownAround = true;
            }
        }
        if (secretShownAround) {
            report.count("worlds with a secret address in a group whose school shows addresses");
        }
    }

    /**
     * Counts what the guardian's view exercises, so that the test can require that the worlds reach every
     * rule, not only "nothing visible". Counted from the world and the oracle's answer, never from the portal.
     */
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
            World.Child own = world.child(child);
            World.SchoolState school = world.schools().get(own.school());
            Set<String> page = expected.pages().get(Oracle.page(child, World.GROUPS, CURRENT));
            if (page != null) {
                for (World.Child mate : world.children()) {
                    if (own.group() >= 0 && mate.group() == own.group() && !mate.id().equals(child)) {
                        if (page.contains(mate.address())) {
                            report.count("classmate addresses shown");
                        } else if (mate.addressSecret() && school.showClassmateAddresses()) {
                            report.count("secret classmate addresses withheld");
                        }
                        if (mate.family() != own.family()) {
                            report.count("classmates of another family shown by name");
                        }
                    }
                }
            }
            Set<String> reports = expected.pages().get(Oracle.page(child, World.REPORTS, CURRENT));
            if (reports != null) {
                world.reports().stream().filter(r -> r.child().equals(child) && CURRENT.contains(r.date()))
                        .forEach(r -> report.count(reports.contains(r.id()) ? "locked reports shown" : "unlocked reports withheld"));
            }
            Set<String> notes = expected.pages().get(Oracle.page(child, World.NOTES, CURRENT));
            if (notes != null && school.notesFrom() != null) {
                world.notes().stream().filter(n -> n.child().equals(child) && n.categoryPublished() && CURRENT.contains(n.date())
                        && n.date().isBefore(school.notesFrom())).forEach(n -> report.count("notes before the start date withheld"));
            }
            Set<String> plans = expected.pages().get(Oracle.page(child, World.PLANS, CURRENT));
            if (plans != null && plans.contains(school.planLabel()) && !school.planLabel().equals(World.SchoolState.DEFAULT_PLAN_LABEL)) {
                report.count("plan pages under the school's own label");
            }
            if (plans != null && school.plansFrom() != null) {
                world.plans().stream().filter(p -> p.child().equals(child) && CURRENT.contains(p.start())
                        && p.start().isBefore(school.plansFrom())).forEach(p -> report.count("plans before the start date withheld"));
            }
            Set<String> national = expected.pages().get(Oracle.page(child, World.NATIONAL_TESTS, CURRENT));
            if (national != null) {
                world.nationalTests().stream().filter(t -> t.child().equals(child) && CURRENT.contains(t.date())).forEach(t -> {
                    Presentation chosen = school.presentations().getOrDefault(t.family().toUpperCase(Locale.ROOT), school.fallback());
                    boolean any = t.level() != null || t.adjustedLevel() != null || t.levelValue() != null;
                    if (t.in(chosen) == null && any) {
                        report.count("national test results without the chosen presentation");
                    } else if (t.in(chosen) != null && chosen != Presentation.LEVEL) {
                        report.count("national test results in a chosen presentation other than the level");
                    }
                });
            }
            world.methodTests().stream().filter(t -> t.child().equals(child) && expected.dashboard().contains(t.score()))
                    .forEach(t -> report.count("method test results on the dashboard"));
        }
        for (Map.Entry<SchoolId, Set<String>> entry : expected.schoolPages().entrySet()) {
            for (World.StaffData member : world.staff()) {
                if (!member.school().equals(entry.getKey()) || !entry.getValue().contains(member.name())) {
                    continue;
                }
                report.count("staff members shown");
                if (member.email() != null && !entry.getValue().contains(member.email())
                        || member.phone() != null && !entry.getValue().contains(member.phone())) {
                    report.count("staff members with contact details withheld");
                }
            }
        }
        for (World.ActivityData activity : world.activities()) {
            if (expected.dashboard().contains(activity.title())) {
                report.count(activity.groups().isEmpty() ? "school activities shown" : "group activities shown");
            } else if (schools.contains(activity.school()) && !activity.groups().isEmpty()
                    && !activity.end().isBefore(World.TODAY) && !activity.start().isAfter(World.TODAY.plusDays(Oracle.ACTIVITY_DAYS_AHEAD))) {
                report.count("upcoming group activities of another group withheld");
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

        synchronized long counter(String name) {
            return counters.getOrDefault(name, 0L);
        }

        synchronized long disagreements() {
            return disagreements;
        }

        String examples() {
            return String.join(System.lineSeparator(), examples);
        }

        @Override
        public synchronized String toString() {
            return "worlds " + worlds + " (JSON API: " + jsonWorlds + "), ms loading " + loadNanos / 1_000_000 + ", ms checking " + checkNanos / 1_000_000 + ", process CPU ms "
                    + cpuNanos / 1_000_000 + ", Java API calls " + javaCalls + ", JSON requests "
                    + jsonRequests + ", child pages compared " + pagesCompared + ", hidden-child probes " + hiddenProbes
                    + ", disagreements " + disagreements + ", " + counters;
        }
    }
}
