package nl.ouderportaal.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import nl.ouderportaal.demo.DemoSis;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.Student;

/**
 * The floor of B1 and of B6's second floor: what {@code GuardianPortal.dashboard} asks of the host, in the
 * same order, made directly on the demo SIS without the portal. Each answer goes to the sink with a name,
 * so that B1 can consume it and B6 can write it as JSON.
 */
final class DashboardFloor {

    private DashboardFloor() {
    }

    static void read(DemoSis sis, GuardianId guardian, SchoolYear year, BiConsumer<String, Object> sink) {
        List<GuardianLink> links = sis.linksOfGuardian(guardian);
        List<Student> students = sis.students(links.stream().map(GuardianLink::studentId).distinct().toList());
        Set<StudentId> visible = links.stream().filter(GuardianLink::viewingRight).map(GuardianLink::studentId)
                .collect(Collectors.toSet());
        List<Student> children = students.stream()
                .filter(s -> visible.contains(s.id()) && s.enrolmentStatus() == EnrolmentStatus.IN_EDUCATION).toList();
        Set<SchoolId> schools = children.stream().map(Student::schoolId).collect(Collectors.toSet());
        sink.accept("schools", sis.schools(schools));
        for (Student child : children) {
            StudentId id = child.id();
            String prefix = id.value() + ".";
            sink.accept(prefix + "absences", sis.absences(id, year));
            sink.accept(prefix + "methodTests", sis.methodTestResults(id, year));
            sink.accept(prefix + "nationalTests", sis.nationalTestResults(id, year));
            sink.accept(prefix + "notes", sis.notes(id, year));
            sink.accept(prefix + "plans", sis.plans(id, year));
            sink.accept(prefix + "reports", sis.reports(id, year));
            Group group = sis.groupsOfStudents(List.of(id), year).get(id);
            if (group != null) {
                sink.accept(prefix + "homework", sis.homework(group.id(), year));
            }
        }
        sink.accept("groups", sis.groupsOfStudents(children.stream().map(Student::id).toList(), year));
        for (SchoolId school : schools) {
            sink.accept(school.value() + ".activities", sis.publishedActivities(school, year));
        }
    }
}
