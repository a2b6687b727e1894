package nl.ouderportaal.core.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Student;

/**
 * An independent statement of the visibility rules, written from SPEC.md sentence by sentence as
 * questions about one student or module at a time, without looking at how {@link VisibilityPolicy}
 * is written. The generated-worlds test compares the two.
 */
final class VisibilityOracle {

    private VisibilityOracle() {
    }

    static Visibility expected(VisibilityFacts facts) {
        boolean active = facts.account() == AccountStatus.ACTIVE;
        List<Student> visible = facts.students().values().stream()
                .filter(s -> childVisible(facts, s))
                .sorted(Comparator.comparing((Student s) -> s.personalData().birthDate())
                        .thenComparing(s -> s.name().sortName())
                        .thenComparing(s -> s.id().value()))
                .toList();
        Map<StudentId, Set<String>> modules = visible.stream().collect(Collectors.toMap(Student::id,
                s -> facts.installedModules().stream().filter(m -> moduleShown(facts, s, m)).collect(Collectors.toSet())));
        Map<StudentId, Set<String>> dashboard = visible.stream().collect(Collectors.toMap(Student::id,
                s -> facts.installedModules().stream()
                        .filter(m -> moduleShown(facts, s, m))
                        .filter(m -> facts.dashboardCapableModules().contains(m))
                        .filter(m -> facts.moduleSwitch(s.schoolId(), m).onDashboard())
                        .collect(Collectors.toSet())));
        Set<SchoolId> schools = visible.stream().map(Student::schoolId).collect(Collectors.toSet());
        Set<SchoolId> notices = facts.students().values().stream()
                .filter(s -> wouldBeVisibleButForMaintenance(facts, s))
                .map(Student::schoolId)
                .collect(Collectors.toSet());
        return new Visibility(active, visible.stream().map(Student::id).toList(), modules, dashboard, schools, notices);
    }

    /** R-ACC-4, R-ACC-5, R-ACC-9, R-ACC-10, R-SET-4, R-TEN-2. */
    private static boolean childVisible(VisibilityFacts facts, Student student) {
        return wouldBeVisibleIgnoringMaintenance(facts, student) && !facts.maintenanceSchools().contains(student.schoolId());
    }

    private static boolean wouldBeVisibleButForMaintenance(VisibilityFacts facts, Student student) {
        return wouldBeVisibleIgnoringMaintenance(facts, student) && facts.maintenanceSchools().contains(student.schoolId());
    }

    private static boolean wouldBeVisibleIgnoringMaintenance(VisibilityFacts facts, Student student) {
        boolean accountActive = facts.account() == AccountStatus.ACTIVE;
        boolean ownLinkWithRight = facts.links().stream().anyMatch(l -> l.guardianId().equals(facts.guardian())
                && l.studentId().equals(student.id()) && l.viewingRight());
        boolean inEducation = student.enrolmentStatus() == EnrolmentStatus.IN_EDUCATION;
        boolean inScope = facts.schoolScope().map(scope -> scope.contains(student.schoolId())).orElse(true);
        return accountActive && ownLinkWithRight && inEducation && inScope;
    }

    /** R-MOD-2: installed and active at the child's school. */
    private static boolean moduleShown(VisibilityFacts facts, Student student, String module) {
        return childVisible(facts, student) && facts.installedModules().contains(module)
                && facts.moduleSwitch(student.schoolId(), module).active();
    }

    /** R-POR-4. */
    static boolean maySeeYear(VisibilityFacts facts, World.YearQuestion q) {
        Student student = facts.students().get(q.child());
        if (student == null || !moduleShown(facts, student, q.moduleId())) {
            return false;
        }
        if (q.requested().equals(q.current())) {
            return true;
        }
        boolean earlier = q.requested().startYear() < q.current().startYear();
        return earlier && q.supportsEarlierYears() && q.hostYears().contains(q.requested());
    }

    /** R-MOD-5 activities: at a school of a visible child, for all groups or for a visible child's group there. */
    static boolean activityVisible(VisibilityFacts facts, World world, Activity activity) {
        return facts.students().values().stream()
                .filter(s -> childVisible(facts, s))
                .filter(s -> s.schoolId().equals(activity.schoolId()))
                .anyMatch(s -> activity.groups().isEmpty() || (world.currentGroups().containsKey(s.id())
                        && activity.groups().contains(world.currentGroups().get(s.id()))));
    }

    /** R-NEWS-1/2: on its days (inclusive), for all groups or a visible child's group at that school. */
    static boolean newsVisible(VisibilityFacts facts, World world, nl.ouderportaal.core.news.NewsMessage message) {
        boolean onItsDays = !world.today().isBefore(message.publishFrom()) && !world.today().isAfter(message.publishUntil());
        return onItsDays && facts.students().values().stream()
                .filter(s -> childVisible(facts, s))
                .filter(s -> s.schoolId().equals(message.school()))
                .anyMatch(s -> message.groups().isEmpty() || (world.currentGroups().containsKey(s.id())
                        && message.groups().contains(world.currentGroups().get(s.id()))));
    }
}
