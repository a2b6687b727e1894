package nl.ouderportaal.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.LocalDate;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.news.NewsMessage;
import nl.ouderportaal.core.settings.ModuleSwitch;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.Student;

/**
 * The one place that decides what a viewer may see (ARCHITECTURE.md principle 8). Pure functions of
 * their arguments: no I/O, no clock, no state. Nothing else in the portal decides visibility.
 *
 * <p>The rules, in SPEC terms:
 * <ol>
 *   <li>Without an active account nothing is shown, not even the own profile (R-ACC-4).</li>
 *   <li>The own profile is shown to an active account, also in maintenance and without children (R-ACC-5/6).</li>
 *   <li>A child is visible when at least one of the guardian's own links to it has the viewing right
 *       (R-ACC-5), the host knows the student, the student is in education (R-ACC-10), the child's school
 *       is not in maintenance (R-SET-4), and, in an impersonation, the school is one the administrator
 *       serves (R-TEN-2).</li>
 *   <li>A child that would be visible but for maintenance yields a maintenance notice for its school.</li>
 *   <li>A module is shown for a visible child when it is installed and active for the child's school
 *       (R-MOD-2); on the dashboard when, in addition, it is dashboard-capable and switched on for the
 *       dashboard (R-MOD-3).</li>
 *   <li>Always-visible data (R-MOD-5) follows the child (personal data, group data, school career) or the
 *       schools of visible children (contact data, board, branches, news, activities).</li>
 * </ol>
 */
public final class VisibilityPolicy {

    private static final Comparator<Student> OLDEST_FIRST = Comparator
            .comparing((Student s) -> s.personalData().birthDate())
            .thenComparing(s -> s.name().sortName())
            .thenComparing(Student::id);

    private VisibilityPolicy() {
    }

    /** Decides everything the viewer described by the facts may see. */
    public static Visibility decide(VisibilityFacts facts) {
        if (facts.account() != AccountStatus.ACTIVE) {
            return new Visibility(false, List.of(), Map.of(), Map.of(), Set.of(), Set.of());
        }
        Set<StudentId> withViewingRight = new HashSet<>();
        for (GuardianLink link : facts.links()) {
            // Only the viewer's own links count, whatever a source hands over (R-ACC-9).
            if (link.viewingRight() && link.guardianId().equals(facts.guardian())) {
                withViewingRight.add(link.studentId());
            }
        }
        List<Student> visible = new ArrayList<>();
        Set<SchoolId> maintenanceNotices = new HashSet<>();
        for (StudentId id : withViewingRight) {
            Student student = facts.students().get(id);
            if (student == null || student.enrolmentStatus() != EnrolmentStatus.IN_EDUCATION) {
                continue;
            }
            SchoolId school = student.schoolId();
            if (facts.schoolScope().isPresent() && !facts.schoolScope().get().contains(school)) {
                continue;
            }
            if (facts.maintenanceSchools().contains(school)) {
                maintenanceNotices.add(school);
                continue;
            }
            visible.add(student);
        }
        visible.sort(OLDEST_FIRST);

        Map<StudentId, Set<String>> childModules = new LinkedHashMap<>();
        Map<StudentId, Set<String>> dashboardModules = new LinkedHashMap<>();
        Set<SchoolId> schools = new HashSet<>();
        for (Student student : visible) {
            Set<String> shown = new HashSet<>();
            Set<String> onDashboard = new HashSet<>();
            for (String moduleId : facts.installedModules()) {
                ModuleSwitch moduleSwitch = facts.moduleSwitch(student.schoolId(), moduleId);
                if (moduleSwitch.active()) {
                    shown.add(moduleId);
                    if (moduleSwitch.onDashboard() && facts.dashboardCapableModules().contains(moduleId)) {
                        onDashboard.add(moduleId);
                    }
                }
            }
            childModules.put(student.id(), shown);
            dashboardModules.put(student.id(), onDashboard);
            schools.add(student.schoolId());
        }
        List<StudentId> children = visible.stream().map(Student::id).toList();
        return new Visibility(true, children, childModules, dashboardModules, schools, maintenanceNotices);
    }

    /**
     * Whether a module page of a visible child may be shown for the requested school year (R-POR-4): the
     * current year always; an earlier year only for modules that support earlier years and only when the
     * host has data for that year at the child's school. Never a future year.
     */
    public static boolean maySeeSchoolYear(Visibility visibility, StudentId child, String moduleId,
                                           boolean moduleSupportsEarlierYears, SchoolYear requested,
                                           SchoolYear current, Collection<SchoolYear> yearsWithHostData) {
        if (!visibility.isModuleVisible(child, moduleId)) {
            return false;
        }
        if (requested.equals(current)) {
            return true;
        }
        return moduleSupportsEarlierYears && requested.compareTo(current) < 0 && yearsWithHostData.contains(requested);
    }

    /**
     * Whether a published activity is shown (R-MOD-5): at a school of a visible child, for the whole
     * school or for the current group of a visible child at that school.
     *
     * @param currentGroups the current group of each visible child that has one
     */
    public static boolean isActivityVisible(Visibility visibility, Map<StudentId, Student> students,
                                            Map<StudentId, GroupId> currentGroups, Activity activity) {
        if (!visibility.schools().contains(activity.schoolId())) {
            return false;
        }
        if (activity.groups().isEmpty()) {
            return true;
        }
        for (StudentId child : visibility.children()) {
            Student student = students.get(child);
            GroupId group = currentGroups.get(child);
            if (student != null && student.schoolId().equals(activity.schoolId()) && group != null
                    && activity.groups().contains(group)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a module placed on the School page is shown for a school: the school is one of a visible
     * child's, and the module is shown for that child (modules are switched per school).
     */
    public static boolean isSchoolModuleVisible(Visibility visibility, Map<StudentId, Student> students, SchoolId school,
                                                String moduleId) {
        for (StudentId child : visibility.children()) {
            Student student = students.get(child);
            if (student != null && student.schoolId().equals(school) && visibility.isModuleVisible(child, moduleId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a news message is shown (R-NEWS-1/2): on its publication days (both ends inclusive), from a
     * school of a visible child, when it targets all groups or the current group of a visible child at
     * that school.
     */
    public static boolean isNewsVisible(Visibility visibility, Map<StudentId, Student> students,
                                        Map<StudentId, GroupId> currentGroups, NewsMessage message, LocalDate today) {
        if (!message.isPublishedOn(today) || !visibility.schools().contains(message.school())) {
            return false;
        }
        if (message.forAllGroups()) {
            return true;
        }
        for (StudentId child : visibility.children()) {
            Student student = students.get(child);
            GroupId group = currentGroups.get(child);
            if (student != null && student.schoolId().equals(message.school()) && group != null
                    && message.groups().contains(group)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The group every guardian of a visible child sees (R-MOD-5): its name, year level and classroom, without
     * its teachers, who are the groups module's to show and which a school may switch off.
     */
    public static nl.ouderportaal.spi.host.Group groupForEveryGuardian(nl.ouderportaal.spi.host.Group group) {
        return group == null || group.teachers().isEmpty() ? group : new nl.ouderportaal.spi.host.Group(group.id(),
                group.schoolId(), group.schoolYear(), group.name(), group.yearLevel(), group.classroom(), java.util.List.of());
    }
}
