package nl.ouderportaal.modules.consent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.ouderportaal.modules.consent.ConsentRecords.Purpose;
import nl.ouderportaal.modules.consent.ConsentRecords.PurposeText;
import nl.ouderportaal.modules.consent.Consents.State;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.GuardianWithLinks;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.module.ModuleContext;
import nl.ouderportaal.spi.record.ModuleRecords;
import nl.ouderportaal.spi.record.StoredRecord;

/** The school's children in education, their guardians with viewing right and groups; and a child's consents now. */
final class Families {

    private Families() {
    }

    /** A child of the school with the guardians who may see it. */
    record Family(Student child, List<GuardianId> guardians, Map<GuardianId, String> names, Group group) {

        String groupName() {
            return group == null ? "" : group.name();
        }
    }

    /** One purpose for one child now. */
    record Consent(Purpose purpose, PurposeText text, State state) {
    }

    /** The school's children in education (one host call per source), ordered by group and name. */
    static List<Family> ofSchool(ModuleContext<?> context, SchoolId school, SchoolYear year) {
        Map<StudentId, List<GuardianId>> guardians = new LinkedHashMap<>();
        Map<GuardianId, String> names = new LinkedHashMap<>();
        for (GuardianWithLinks g : context.source(GuardianSource.class).guardiansOfSchool(school)) {
            names.put(g.guardian().id(), g.guardian().name().displayName());
            for (GuardianLink link : g.links()) {
                List<GuardianId> of = guardians.computeIfAbsent(link.studentId(), s -> new ArrayList<>());
                if (link.viewingRight() && !of.contains(link.guardianId())) {
                    of.add(link.guardianId());
                }
            }
        }
        if (guardians.isEmpty()) {
            return List.of();
        }
        List<Student> students = context.source(StudentSource.class).students(guardians.keySet()).stream()
                .filter(s -> s.schoolId().equals(school) && s.enrolmentStatus() == EnrolmentStatus.IN_EDUCATION).toList();
        Map<StudentId, Group> groups = context.source(GroupSource.class)
                .groupsOfStudents(students.stream().map(Student::id).toList(), year);
        return students.stream()
                .map(s -> new Family(s, List.copyOf(guardians.get(s.id())), names, groups.get(s.id())))
                .sorted(Comparator.comparing(Family::groupName).thenComparing(f -> f.child().name().sortName()))
                .toList();
    }

    /** The guardians with viewing right of every child of the school (one host call). */
    static Map<StudentId, List<GuardianId>> guardiansByChild(ModuleContext<?> context, SchoolId school) {
        Map<StudentId, List<GuardianId>> of = new LinkedHashMap<>();
        for (GuardianWithLinks g : context.source(GuardianSource.class).guardiansOfSchool(school)) {
            for (GuardianLink link : g.links()) {
                List<GuardianId> list = of.computeIfAbsent(link.studentId(), s -> new ArrayList<>());
                if (link.viewingRight() && !list.contains(link.guardianId())) {
                    list.add(link.guardianId());
                }
            }
        }
        return of;
    }

    /** The guardians with viewing right of one child. */
    static List<GuardianId> guardiansOf(ModuleContext<?> context, SchoolId school, StudentId child) {
        Set<GuardianId> of = new LinkedHashSet<>();
        for (GuardianWithLinks g : context.source(GuardianSource.class).guardiansOfSchool(school)) {
            for (GuardianLink link : g.links()) {
                if (link.studentId().equals(child) && link.viewingRight()) {
                    of.add(link.guardianId());
                }
            }
        }
        return List.copyOf(of);
    }

    /** The purposes that apply now, with their current text and the child's effective answer. */
    static List<Consent> consents(ModuleRecords records, Student child, java.time.LocalDate today, ConsentOptions options,
                                  Supplier<List<GuardianId>> guardians) {
        SchoolYear year = SchoolYear.containing(today);
        List<StoredRecord<ConsentRecords.Answer>> answers = ConsentRecords.answers(records, child.id());
        boolean pupil = Consents.pupilDecides(child.personalData().birthDate(), today);
        List<GuardianId> withRight = options.everyGuardianMustAnswer() && !pupil ? guardians.get() : List.of();
        List<Consent> consents = new ArrayList<>();
        for (Purpose purpose : ConsentRecords.purposes(records)) {
            if (!purpose.appliesIn(year)) {
                continue;
            }
            PurposeText text = ConsentRecords.text(records, purpose.id(), purpose.version()).orElse(null);
            if (text == null) {
                continue;
            }
            consents.add(new Consent(purpose, text, Consents.effective(answers, purpose.id(), purpose.version(), pupil,
                    options.everyGuardianMustAnswer(), withRight)));
        }
        return consents;
    }
}
