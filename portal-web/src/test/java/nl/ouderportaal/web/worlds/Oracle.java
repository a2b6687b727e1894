package nl.ouderportaal.web.worlds;

import static nl.ouderportaal.web.worlds.World.ABSENCES;
import static nl.ouderportaal.web.worlds.World.CURRENT;
import static nl.ouderportaal.web.worlds.World.GROUPS;
import static nl.ouderportaal.web.worlds.World.MEDICAL;
import static nl.ouderportaal.web.worlds.World.METHOD_TESTS;
import static nl.ouderportaal.web.worlds.World.NATIONAL_TESTS;
import static nl.ouderportaal.web.worlds.World.NOTES;
import static nl.ouderportaal.web.worlds.World.PLANS;
import static nl.ouderportaal.web.worlds.World.REPORTS;
import static nl.ouderportaal.web.worlds.World.STAFF;
import static nl.ouderportaal.web.worlds.World.TODAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.modules.nationaltests.Presentation;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.web.worlds.World.Child;
import nl.ouderportaal.web.worlds.World.SchoolState;

/**
 * An independent statement of what a guardian may see in a {@link World}, written from the SPEC and the
 * modules' documented rules, not from the portal's code (it calls nothing of {@code VisibilityPolicy} nor
 * of the modules). It answers, per page, the exact set of markers the page must show: every marker not in
 * that set is a leak, every one missing is a datum the guardian was denied.
 *
 * <p>The rules:
 * <ul>
 *   <li>A child is visible to a guardian with an active account when one of THIS guardian's links to it
 *       has the viewing right (R-ACC-5), it is in education (R-ACC-10), and its school is not in
 *       maintenance (R-SET-4); a child that would be visible but for maintenance gives a notice.</li>
 *   <li>A visible child shows the modules active at its school (R-MOD-2), in its menu all but staff,
 *       which is on the School page; a module reaches the dashboard where the school switched it on
 *       (R-MOD-3). An inactive module shows nothing anywhere.</li>
 *   <li>School years (R-POR-4): group and about show the current year only; every other page shows the
 *       current year, and may switch to an earlier year the host lists at the child's school, never to a
 *       year the host does not list nor to a future one. A page of a year shows only data of that year.</li>
 *   <li>Module rules (R-POR-2, R-MOD-4): a report only once the school locked it; notes only of published
 *       categories and plans and notes only from the school's start date on; the plan's first part under
 *       the school's label; a national test in the presentation the school chose for its family (IEP and
 *       CITO by name, others by the fallback), or when the result lacks it the first it has (level,
 *       adjusted level, level value); staff email and phone only where the school shows them.</li>
 *   <li>The dashboard (R-POR-1) shows, of the current year, absences and notes (those the page shows)
 *       of the last 30 days, plans started and locked reports dated in the last 30 days, method and
 *       national test results of the last 14 days, each up to today; the school's published activities
 *       running or starting in the next 60 days, for the whole school or the current group of a visible
 *       child at that school (R-MOD-5), whatever the modules; and news. (The absences and notes modules
 *       show at most five a child there; the worlds give a child at most two, so the limit never bites.)</li>
 *   <li>News is shown on its publication days, from a school of a visible child, when it is for all
 *       groups or for the current group of a visible child at that school (R-NEWS-2).</li>
 *   <li>Where each marker may appear:
 *     <ul>
 *       <li>the own visible child's id, name, address (also a secret one, R-POR-3) and group name: the
 *           home (the JSON child list without the address; never the group's teachers, which belong to the
 *           groups module); the about page (name, address, group, the medical
 *           record's fields where the medical module is active);</li>
 *       <li>each module's data of the own visible child: its page of the datum's year, and the dashboard
 *           as above;</li>
 *       <li>a classmate's name: only on the group page of a child in the same group (any family, any
 *           enrolment status: the class list is the host's), with the group's teacher and timetable; a
 *           classmate's address only there, only when the school shows classmates' addresses, and never a
 *           secret one (R-MOD-4);</li>
 *       <li>staff names, and their email and phone where the school shows them: the School page of a
 *           school with a visible child where the staff module is active (R-POR-5);</li>
 *       <li>news subjects: the dashboard and the news list; news texts: the news list.</li>
 *     </ul></li>
 * </ul>
 *
 * <p>{@link Rules} switches single rules off, to make broken oracles that the comparison must catch.
 */
final class Oracle {

    /** How far back the dashboard looks, per module, as the modules document it. */
    static final Map<String, Integer> DASHBOARD_DAYS = Map.of(ABSENCES, 30, NOTES, 30, PLANS, 30, REPORTS, 30,
            METHOD_TESTS, 14, NATIONAL_TESTS, 14);
    /** How far ahead the dashboard looks for activities. */
    static final int ACTIVITY_DAYS_AHEAD = 60;

    /** A rule of the oracle, named by what an oracle without it does. */
    enum Rule {
        VIEWING_RIGHT("ignores the viewing right"),
        ENROLMENT("ignores the enrolment status"),
        MAINTENANCE("ignores maintenance mode"),
        ACCOUNT("ignores the account status"),
        SECRET_ADDRESSES("shows secret classmate addresses"),
        NEWS_TARGETS("ignores the target groups of news"),
        LOCKED_REPORTS("shows reports the school has not locked"),
        HOST_YEARS("offers every earlier school year, also one the host has no data for"),
        YEAR_OF_DATA("shows every school year's data on the current year's page"),
        START_DATES("ignores the start dates of notes and plans"),
        PRESENTATION("shows national tests by level whatever the school chose"),
        STAFF_CONTACT("shows staff email and phone whatever the school chose"),
        ACTIVITY_TARGETS("ignores the target groups of activities");

        private final String brokenName;

        Rule(String brokenName) {
            this.brokenName = brokenName;
        }
    }

    /** Which rules the oracle applies; {@link #ALL} is the real oracle, the others are deliberately broken. */
    record Rules(String name, Set<Rule> ignored) {
        static final Rules ALL = new Rules("applies every rule", Set.of());

        boolean applies(Rule rule) {
            return !ignored.contains(rule);
        }

        /** One broken oracle per rule, each without that one rule. */
        static List<Rules> broken() {
            return Arrays.stream(Rule.values()).map(r -> new Rules(r.brokenName, EnumSet.of(r))).toList();
        }

        /**
         * The broken oracles the JSON API must catch as well: those of the portal's own rules, and those
         * of reports and school years, which show that the module pages and the year switch are compared
         * through JSON too. Not the account rule: a guardian without an active account cannot log in to
         * ask the API anything (the Java API covers that rule).
         */
        static List<Rules> brokenForJson() {
            Set<Rule> json = EnumSet.of(Rule.VIEWING_RIGHT, Rule.ENROLMENT, Rule.MAINTENANCE, Rule.SECRET_ADDRESSES,
                    Rule.NEWS_TARGETS, Rule.LOCKED_REPORTS, Rule.HOST_YEARS);
            return broken().stream().filter(r -> json.containsAll(r.ignored())).toList();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What one guardian may see.
     *
     * @param children the visible children's ids
     * @param notices the schools with a maintenance notice
     * @param modules per visible child, the modules in its menu (child pages and about)
     * @param hidden the world's children that are not visible (linked to this guardian or not)
     * @param home markers of the home page of the Java API (the full student and group records)
     * @param childList markers of {@code GET /api/children}
     * @param dashboard markers of the dashboard
     * @param news markers of the news list
     * @param pages per visible child, page and school year ({@link #page}), the markers; a key is present
     *     exactly when the page is shown for that year
     * @param years per visible child and page shown ({@link #page} of the current year), the school years
     *     the guardian can switch to, newest first
     * @param schoolPages per school whose School page is shown, its markers
     * @param visibleNews how many news messages the guardian reads
     */
    record Expectation(Set<String> children, Set<SchoolId> notices, Map<String, Set<String>> modules, List<String> hidden,
                       Set<String> home, Set<String> childList, Set<String> dashboard, Set<String> news,
                       Map<String, Set<String>> pages, Map<String, List<SchoolYear>> years,
                       Map<SchoolId, Set<String>> schoolPages, int visibleNews) {
    }

    /** The key of a child's page ({@code about} or a module id) in a school year. */
    static String page(String child, String pageId, SchoolYear year) {
        return year.equals(CURRENT) ? child + "/" + pageId : child + "/" + pageId + "@" + year;
    }

    private final Rules rules;

    Oracle(Rules rules) {
        this.rules = rules;
    }

    Expectation expect(World world, GuardianId guardian, boolean activeAccount) {
        boolean active = activeAccount || !rules.applies(Rule.ACCOUNT);
        Set<String> visible = new LinkedHashSet<>();
        Set<SchoolId> notices = new LinkedHashSet<>();
        for (Child child : world.children()) {
            boolean linked = world.links().stream().anyMatch(l -> l.guardian().equals(guardian) && l.child().equals(child.id())
                    && (l.viewingRight() || !rules.applies(Rule.VIEWING_RIGHT)));
            boolean inEducation = child.status() == EnrolmentStatus.IN_EDUCATION || !rules.applies(Rule.ENROLMENT);
            if (!active || !linked || !inEducation) {
                continue;
            }
            if (world.schools().get(child.school()).maintenance() && rules.applies(Rule.MAINTENANCE)) {
                notices.add(child.school());
            } else {
                visible.add(child.id());
            }
        }
        Map<String, Set<String>> modules = new LinkedHashMap<>();
        Set<String> home = new LinkedHashSet<>();
        Set<String> childList = new LinkedHashSet<>();
        Set<String> dashboard = new LinkedHashSet<>();
        Map<String, Set<String>> pages = new LinkedHashMap<>();
        Map<String, List<SchoolYear>> years = new LinkedHashMap<>();
        Set<SchoolId> schools = new LinkedHashSet<>();
        for (String id : visible) {
            Child child = world.child(id);
            SchoolState school = world.schools().get(child.school());
            schools.add(child.school());
            Set<String> menu = new LinkedHashSet<>(school.active());
            menu.remove(STAFF);
            modules.put(id, menu);
            World.GroupData group = child.group() < 0 ? null : world.groups().get(child.group());
            childList.add(id);
            childList.add(child.name());
            if (group != null) {
                childList.add(group.name());
            }
            home.addAll(childList);
            home.add(child.address());

            Set<String> about = new LinkedHashSet<>(List.of(id, child.name(), child.address()));
            if (group != null) {
                about.add(group.name());
            }
            if (school.active().contains(MEDICAL) && child.medical() != null) {
                about.addAll(child.medical().markers());
            }
            pages.put(page(id, "about", CURRENT), about);
            years.put(page(id, "about", CURRENT), List.of(CURRENT));
            if (school.active().contains(GROUPS)) {
                pages.put(page(id, GROUPS, CURRENT), groupPage(world, child, school));
                years.put(page(id, GROUPS, CURRENT), List.of(CURRENT));
            }
            if (school.active().contains(World.CONSENT)) {
                // The worlds' schools ask no consent: the page names the child and its purposes, none.
                pages.put(page(id, World.CONSENT, CURRENT), new LinkedHashSet<>(List.of(id)));
                years.put(page(id, World.CONSENT, CURRENT), List.of(CURRENT));
            }
            List<SchoolYear> selectable = selectableYears(school);
            for (String module : World.EARLIER_YEARS) {
                if (!school.active().contains(module)) {
                    continue;
                }
                years.put(page(id, module, CURRENT), selectable);
                for (SchoolYear year : selectable) {
                    Set<String> page = new LinkedHashSet<>(List.of(id));
                    shown(world, child, school, module, year).forEach(datum -> page.addAll(datum.markers()));
                    if (module.equals(PLANS) && page.size() > 1) {
                        page.add(school.planLabel());
                    }
                    pages.put(page(id, module, year), page);
                }
                if (school.onDashboard().contains(module)) {
                    LocalDate since = TODAY.minusDays(DASHBOARD_DAYS.get(module));
                    for (Datum datum : shown(world, child, school, module, CURRENT)) {
                        if (!datum.date().isBefore(since) && !datum.date().isAfter(TODAY)) {
                            dashboard.add(id);
                            dashboard.addAll(datum.onDashboard());
                        }
                    }
                }
            }
        }
        Map<SchoolId, Set<String>> schoolPages = new LinkedHashMap<>();
        for (SchoolId id : schools) {
            SchoolState school = world.schools().get(id);
            Set<String> page = new LinkedHashSet<>();
            if (school.active().contains(STAFF)) {
                boolean contact = !rules.applies(Rule.STAFF_CONTACT);
                for (World.StaffData member : world.staff()) {
                    if (member.school().equals(id)) {
                        page.add(member.name());
                        if (member.email() != null && (school.staffEmail() || contact)) {
                            page.add(member.email());
                        }
                        if (member.phone() != null && (school.staffPhone() || contact)) {
                            page.add(member.phone());
                        }
                    }
                }
            }
            schoolPages.put(id, page);
        }
        for (World.ActivityData activity : world.activities()) {
            boolean upcoming = !activity.end().isBefore(TODAY) && !activity.start().isAfter(TODAY.plusDays(ACTIVITY_DAYS_AHEAD));
            if (upcoming && schools.contains(activity.school()) && forVisibleGroup(world, visible, activity.school(),
                    activity.groups(), rules.applies(Rule.ACTIVITY_TARGETS))) {
                dashboard.add(activity.title());
            }
        }
        Set<String> news = new LinkedHashSet<>();
        int visibleNews = 0;
        for (World.NewsData message : world.news()) {
            if (message.publishedToday() && schools.contains(message.school()) && forVisibleGroup(world, visible,
                    message.school(), message.groups(), rules.applies(Rule.NEWS_TARGETS))) {
                visibleNews++;
                dashboard.add(message.subject());
                news.add(message.subject());
                news.add(message.text());
            }
        }
        List<String> hidden = world.children().stream().map(Child::id).filter(id -> !visible.contains(id)).toList();
        return new Expectation(visible, notices, modules, hidden, home, childList, dashboard, news, pages, years, schoolPages,
                visibleNews);
    }

    /** For the whole school, or for the current group of a visible child at that school. */
    private static boolean forVisibleGroup(World world, Set<String> visible, SchoolId school, Set<Integer> groups,
                                           boolean targetsApply) {
        return groups.isEmpty() || !targetsApply || visible.stream().map(world::child)
                .anyMatch(c -> c.school().equals(school) && groups.contains(c.group()));
    }

    private Set<String> groupPage(World world, Child child, SchoolState school) {
        Set<String> page = new LinkedHashSet<>(List.of(child.id()));
        if (child.group() < 0) {
            return page;
        }
        World.GroupData group = world.groups().get(child.group());
        page.addAll(List.of(group.name(), group.teacher(), group.lesson()));
        for (Child classmate : world.children()) {
            if (classmate.group() == child.group() && !classmate.id().equals(child.id())) {
                page.add(classmate.name());
                if (school.showClassmateAddresses() && (!classmate.addressSecret() || !rules.applies(Rule.SECRET_ADDRESSES))) {
                    page.add(classmate.address());
                }
            }
        }
        return page;
    }

    /** The current year, and the earlier years the host lists for the school; newest first. */
    private List<SchoolYear> selectableYears(SchoolState school) {
        Set<SchoolYear> listed = rules.applies(Rule.HOST_YEARS) ? school.hostYears()
                : Set.of(World.PREVIOUS, World.TWO_BACK);
        List<SchoolYear> selectable = new ArrayList<>(List.of(CURRENT));
        listed.stream().filter(y -> y.compareTo(CURRENT) < 0).forEach(selectable::add);
        selectable.sort(Comparator.reverseOrder());
        return List.copyOf(selectable);
    }

    /** One datum as a module shows it: its date, the markers of its page and those of its dashboard entry. */
    private record Datum(LocalDate date, List<String> markers, List<String> onDashboard) {
    }

    /** The child's data of the module that the module's rules show on its page of the year. */
    private List<Datum> shown(World world, Child child, SchoolState school, String module, SchoolYear year) {
        List<Datum> shown = new ArrayList<>();
        switch (module) {
            case ABSENCES -> world.absences().stream().filter(a -> a.child().equals(child.id()) && inYear(a.from(), year))
                    .forEach(a -> shown.add(new Datum(a.from(), List.of(a.reason()), List.of(a.reason()))));
            case NOTES -> world.notes().stream().filter(n -> n.child().equals(child.id()) && inYear(n.date(), year)
                            && n.categoryPublished() && from(n.date(), school.notesFrom()))
                    .forEach(n -> shown.add(new Datum(n.date(), List.of(n.id(), n.subject(), n.text()), List.of(n.subject()))));
            case PLANS -> world.plans().stream().filter(p -> p.child().equals(child.id()) && inYear(p.start(), year)
                            && from(p.start(), school.plansFrom()))
                    .forEach(p -> shown.add(new Datum(p.start(), p.markers(), List.of(p.title()))));
            case REPORTS -> world.reports().stream().filter(r -> r.child().equals(child.id()) && inYear(r.date(), year)
                            && (r.locked() || !rules.applies(Rule.LOCKED_REPORTS)))
                    .forEach(r -> shown.add(new Datum(r.date(), r.markers(), List.of(r.title()))));
            case METHOD_TESTS -> world.methodTests().stream().filter(t -> t.child().equals(child.id()) && inYear(t.date(), year))
                    .forEach(t -> shown.add(new Datum(t.date(), t.markers(), List.of(t.subject(), t.test(), t.score()))));
            case NATIONAL_TESTS -> world.nationalTests().stream().filter(t -> t.child().equals(child.id()) && inYear(t.date(), year))
                    .forEach(t -> {
                        List<String> markers = new ArrayList<>(List.of(t.id(), t.test()));
                        String value = presented(t, school);
                        if (value != null) {
                            markers.add(value);
                        }
                        shown.add(new Datum(t.date(), markers, List.of(t.test())));
                    });
            default -> throw new IllegalArgumentException("No data of module " + module);
        }
        return shown;
    }

    private boolean inYear(LocalDate date, SchoolYear year) {
        return year.contains(date) || !rules.applies(Rule.YEAR_OF_DATA);
    }

    private boolean from(LocalDate date, LocalDate startDate) {
        return startDate == null || !date.isBefore(startDate) || !rules.applies(Rule.START_DATES);
    }

    /** The value of the presentation the school chose for the family, or else the first the result has. */
    private String presented(World.NationalTestData result, SchoolState school) {
        Presentation chosen = rules.applies(Rule.PRESENTATION)
                ? school.presentations().getOrDefault(result.family().toUpperCase(Locale.ROOT), school.fallback())
                : Presentation.LEVEL;
        if (result.in(chosen) != null) {
            return result.in(chosen);
        }
        for (Presentation other : List.of(Presentation.LEVEL, Presentation.ADJUSTED_LEVEL, Presentation.LEVEL_VALUE)) {
            if (result.in(other) != null) {
                return result.in(other);
            }
        }
        return null;
    }
}
