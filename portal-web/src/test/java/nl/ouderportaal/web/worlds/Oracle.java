package nl.ouderportaal.web.worlds;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.web.worlds.World.Child;
import nl.ouderportaal.web.worlds.World.SchoolState;

/**
 * An independent statement of what a guardian may see in a {@link World}, written from the SPEC and not
 * from the portal's code (it calls nothing of {@code VisibilityPolicy}). It answers, per page, the exact
 * set of markers the page must show: every marker not in that set is a leak, every one missing is a datum
 * the guardian was denied.
 *
 * <p>The rules:
 * <ul>
 *   <li>A child is visible to a guardian with an active account when one of THIS guardian's links to it
 *       has the viewing right (R-ACC-5), it is in education (R-ACC-10), and its school is not in
 *       maintenance (R-SET-4); a child that would be visible but for maintenance gives a notice.</li>
 *   <li>A visible child shows the modules active at its school (R-MOD-2); absences and notes reach the
 *       dashboard where the school switched them on (R-MOD-3).</li>
 *   <li>News is shown on its publication days, from a school of a visible child, when it is for all
 *       groups or for the current group of a visible child at that school (R-NEWS-2).</li>
 *   <li>Where each marker may appear:
 *     <ul>
 *       <li>the own visible child's id, name, address (also a secret one, R-POR-3) and group name: the
 *           home (the JSON child list without the address); the about page (name, address, group, medical
 *           record where the medical module is active);</li>
 *       <li>notes (id, subject, text) of published categories: the notes page; their subjects on the
 *           dashboard; absence reasons: the absences page and the dashboard;</li>
 *       <li>a classmate's name: only on the group page of a child in the same group (any family, any
 *           enrolment status: the class list is the host's); a classmate's address only there, only when
 *           the school shows classmates' addresses, and never a secret one (R-MOD-4);</li>
 *       <li>news subjects: the dashboard and the news list; news texts: the news list;</li>
 *       <li>the School page shows no family's data at all.</li>
 *     </ul></li>
 * </ul>
 *
 * <p>{@link Rules} switches single rules off, to make broken oracles that the comparison must catch.
 */
final class Oracle {

    /** Which rules the oracle applies; {@link #ALL} is the real oracle, the others are deliberately broken. */
    record Rules(String name, boolean viewingRight, boolean enrolment, boolean maintenance, boolean account,
                 boolean secretAddresses, boolean newsTargets) {
        static final Rules ALL = new Rules("applies every rule", true, true, true, true, true, true);

        static List<Rules> broken() {
            return List.of(
                    new Rules("ignores the viewing right", false, true, true, true, true, true),
                    new Rules("ignores the enrolment status", true, false, true, true, true, true),
                    new Rules("ignores maintenance mode", true, true, false, true, true, true),
                    new Rules("ignores the account status", true, true, true, false, true, true),
                    new Rules("shows secret classmate addresses", true, true, true, true, false, true),
                    new Rules("ignores the target groups of news", true, true, true, true, true, false));
        }

        /**
         * The broken oracles the JSON API can catch: every one but the account rule, because a guardian
         * without an active account cannot log in to ask the API anything (the Java API covers that rule).
         */
        static List<Rules> brokenForJson() {
            return broken().stream().filter(Rules::account).toList();
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
     * @param modules per visible child, the modules shown
     * @param hidden the world's children that are not visible (linked to this guardian or not)
     * @param home markers of the home page of the Java API (the full student records)
     * @param childList markers of {@code GET /api/children}
     * @param dashboard markers of the dashboard
     * @param news markers of the news list
     * @param pages per visible child and page ({@code childId + "/" + moduleId}, {@code about}), the markers;
     *     a key is present exactly when the page is
     * @param visibleNews how many news messages the guardian reads
     */
    record Expectation(Set<String> children, Set<SchoolId> notices, Map<String, Set<String>> modules, List<String> hidden,
                       Set<String> home, Set<String> childList, Set<String> dashboard, Set<String> news,
                       Map<String, Set<String>> pages, int visibleNews) {
    }

    private final Rules rules;

    Oracle(Rules rules) {
        this.rules = rules;
    }

    Expectation expect(World world, GuardianId guardian, boolean activeAccount) {
        boolean active = activeAccount || !rules.account();
        Set<String> visible = new LinkedHashSet<>();
        Set<SchoolId> notices = new LinkedHashSet<>();
        for (Child child : world.children()) {
            boolean linked = world.links().stream().anyMatch(l -> l.guardian().equals(guardian) && l.child().equals(child.id())
                    && (l.viewingRight() || !rules.viewingRight()));
            boolean inEducation = child.status() == EnrolmentStatus.IN_EDUCATION || !rules.enrolment();
            if (!active || !linked || !inEducation) {
                continue;
            }
            if (world.schools().get(child.school()).maintenance() && rules.maintenance()) {
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
        Set<SchoolId> schools = new LinkedHashSet<>();
        for (String id : visible) {
            Child child = world.child(id);
            SchoolState school = world.schools().get(child.school());
            schools.add(child.school());
            modules.put(id, new LinkedHashSet<>(school.active()));
            String groupName = child.group() < 0 ? null : world.groups().get(child.group()).name();
            childList.add(id);
            childList.add(child.name());
            if (groupName != null) {
                childList.add(groupName);
            }
            home.addAll(childList);
            home.add(child.address());

            Set<String> about = new LinkedHashSet<>(List.of(id, child.name(), child.address()));
            if (groupName != null) {
                about.add(groupName);
            }
            if (school.active().contains("medical") && child.medical() != null) {
                about.add(child.medical());
            }
            pages.put(id + "/about", about);
            if (school.active().contains("notes")) {
                Set<String> page = new LinkedHashSet<>(List.of(id));
                world.notes().stream().filter(n -> n.child().equals(id) && n.categoryPublished())
                        .forEach(n -> page.addAll(List.of(n.id(), n.subject(), n.text())));
                pages.put(id + "/notes", page);
                if (school.onDashboard().contains("notes")) {
                    world.notes().stream().filter(n -> n.child().equals(id) && n.categoryPublished())
                            .forEach(n -> dashboard.addAll(List.of(id, n.subject())));
                }
            }
            if (school.active().contains("absences")) {
                Set<String> page = new LinkedHashSet<>(List.of(id));
                world.absences().stream().filter(a -> a.child().equals(id)).forEach(a -> page.add(a.reason()));
                pages.put(id + "/absences", page);
                if (school.onDashboard().contains("absences")) {
                    world.absences().stream().filter(a -> a.child().equals(id))
                            .forEach(a -> dashboard.addAll(List.of(id, a.reason())));
                }
            }
            if (school.active().contains("groups")) {
                Set<String> page = new LinkedHashSet<>(List.of(id));
                if (groupName != null) {
                    page.add(groupName);
                    for (Child classmate : world.children()) {
                        if (classmate.group() == child.group() && !classmate.id().equals(id)) {
                            page.add(classmate.name());
                            if (school.showClassmateAddresses() && (!classmate.addressSecret() || !rules.secretAddresses())) {
                                page.add(classmate.address());
                            }
                        }
                    }
                }
                pages.put(id + "/groups", page);
            }
        }
        Set<String> news = new LinkedHashSet<>();
        int visibleNews = 0;
        for (World.NewsData message : world.news()) {
            if (!message.publishedToday() || !schools.contains(message.school())) {
                continue;
            }
            boolean targeted = message.groups().isEmpty() || !rules.newsTargets() || visible.stream()
                    .map(world::child)
                    .anyMatch(c -> c.school().equals(message.school()) && message.groups().contains(c.group()));
            if (targeted) {
                visibleNews++;
                dashboard.add(message.subject());
                news.add(message.subject());
                news.add(message.text());
            }
        }
        List<String> hidden = world.children().stream().map(Child::id).filter(id -> !visible.contains(id)).toList();
        return new Expectation(visible, notices, modules, hidden, home, childList, dashboard, news, pages, visibleNews);
    }
}
