package nl.ouderportaal.core.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.modules.absences.Absence;
import nl.ouderportaal.modules.absences.AbsenceSource;
import nl.ouderportaal.modules.groups.Classmate;
import nl.ouderportaal.modules.groups.ClassmateSource;
import nl.ouderportaal.modules.groups.Lesson;
import nl.ouderportaal.modules.medical.MedicalRecord;
import nl.ouderportaal.modules.medical.MedicalSource;
import nl.ouderportaal.modules.methodtests.MethodTestResult;
import nl.ouderportaal.modules.methodtests.MethodTestSource;
import nl.ouderportaal.modules.nationaltests.NationalTestResult;
import nl.ouderportaal.modules.nationaltests.NationalTestSource;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.notes.NoteSource;
import nl.ouderportaal.modules.plans.Plan;
import nl.ouderportaal.modules.plans.PlanSource;
import nl.ouderportaal.modules.reports.Report;
import nl.ouderportaal.modules.reports.ReportSource;
import nl.ouderportaal.spi.host.StaffMember;
import nl.ouderportaal.spi.host.StaffSource;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EmergencyContact;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Gender;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianPersonalData;
import nl.ouderportaal.spi.host.GuardianRelation;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.host.Registration;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.SchoolCareerEntry;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentPersonalData;
import nl.ouderportaal.spi.host.StudentSource;

/**
 * A host held in memory, whose data tests change between requests, and which counts the calls the
 * portal makes to each source.
 */
public final class InMemoryHost implements SchoolSource, StudentSource, GuardianSource, GroupSource, ActivitySource,
        AbsenceSource, NoteSource, PlanSource, ReportSource, MethodTestSource, NationalTestSource, MedicalSource,
        ClassmateSource, StaffSource, nl.ouderportaal.modules.notes.NoteReplySink,
        nl.ouderportaal.spi.host.ViewingRightSink, nl.ouderportaal.modules.absences.AbsenceReportSink {

    public final Map<SchoolId, School> schools = new LinkedHashMap<>();
    public final Map<SchoolId, List<SchoolYear>> schoolYears = new HashMap<>();
    public final Map<StudentId, Student> students = new LinkedHashMap<>();
    public final Map<GuardianId, Guardian> guardians = new LinkedHashMap<>();
    public final List<GuardianLink> links = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final Map<SchoolYear, Map<StudentId, Group>> groups = new HashMap<>();
    public final List<Activity> activities = new ArrayList<>();
    public final List<Absence> absences = new ArrayList<>();
    public final List<Note> notes = new ArrayList<>();
    public final List<Plan> plans = new ArrayList<>();
    public final List<Report> reports = new ArrayList<>();
    public final List<MethodTestResult> methodTests = new ArrayList<>();
    public final List<NationalTestResult> nationalTests = new ArrayList<>();
    public final Map<StudentId, MedicalRecord> medical = new HashMap<>();
    public final Map<GroupId, List<Lesson>> timetables = new HashMap<>();
    public final List<StaffMember> staff = new ArrayList<>();
    public final List<Map.Entry<StudentId, nl.ouderportaal.modules.notes.NoteReply>> replies = new ArrayList<>();
    public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    public final List<SickReport> sickReports = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final Map<String, LocalDate> recoveries = new ConcurrentHashMap<>();
    public final List<LeaveRequest> leaveRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final Map<String, LeaveDecision> leaveDecisions = new ConcurrentHashMap<>();
    public final Set<LocalDate> closedDays = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Registers every source of this host with the builder. */
    public Portal.Builder register(Portal.Builder builder) {
        return builder.source(SchoolSource.class, this)
                .source(StudentSource.class, this)
                .source(GuardianSource.class, this)
                .source(GroupSource.class, this)
                .source(ActivitySource.class, this)
                .source(AbsenceSource.class, this)
                .source(nl.ouderportaal.modules.absences.AbsenceReportSink.class, this)
                .source(nl.ouderportaal.spi.host.ViewingRightSink.class, this);
    }

    /** Registers every source, core and module, with the builder. */
    public Portal.Builder registerAll(Portal.Builder builder) {
        return register(builder)
                .source(NoteSource.class, this)
                .source(PlanSource.class, this)
                .source(ReportSource.class, this)
                .source(MethodTestSource.class, this)
                .source(NationalTestSource.class, this)
                .source(MedicalSource.class, this)
                .source(ClassmateSource.class, this)
                .source(StaffSource.class, this)
                .source(nl.ouderportaal.modules.notes.NoteReplySink.class, this);
    }

    @Override
    public void addReply(StudentId student, nl.ouderportaal.modules.notes.NoteReply reply) {
        count("addReply");
        replies.add(Map.entry(student, reply));
    }

    /** A sick report's reference is its index: "sick-1", "sick-2", ... */
    @Override
    public String reportSick(SickReport report) {
        count("reportSick");
        sickReports.add(report);
        return "sick-" + sickReports.size();
    }

    @Override
    public void reportRecovered(StudentId student, String reference, LocalDate from, GuardianId reportedBy) {
        count("reportRecovered");
        recoveries.put(reference, from);
    }

    @Override
    public String requestLeave(LeaveRequest request) {
        count("requestLeave");
        leaveRequests.add(request);
        return "leave-" + leaveRequests.size();
    }

    @Override
    public Map<String, LeaveDecision> leaveDecisions(StudentId student, Collection<String> references) {
        Map<String, LeaveDecision> decided = new HashMap<>();
        references.forEach(r -> {
            if (leaveDecisions.containsKey(r)) {
                decided.put(r, leaveDecisions.get(r));
            }
        });
        return decided;
    }

    @Override
    public Set<LocalDate> closedDays(SchoolId school, LocalDate from, LocalDate until) {
        return closedDays.stream().filter(d -> !d.isBefore(from) && !d.isAfter(until)).collect(java.util.stream.Collectors.toSet());
    }

    public int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    private void count(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    public School addSchool(String id, String name) {
        School school = new School(SchoolId.of(id), name, new Address("Schoolstraat", "1", "1234 AB", "Utrecht", null),
                "info@" + id + ".example.org", "030-1234567", "https://" + id + ".example.org", null, List.of());
        schools.put(school.id(), school);
        return school;
    }

    public Guardian addGuardian(String id, String preferredName, String surname) {
        Guardian guardian = new Guardian(GuardianId.of(id), new PersonName(null, preferredName, null, surname),
                new GuardianPersonalData(null, Gender.UNSPECIFIED, "Nederland", "Nederlandse", "hbo"), null,
                new ContactData(id + "@example.org", null, null, null), null, null);
        guardians.put(guardian.id(), guardian);
        return guardian;
    }

    public Student addStudent(String id, SchoolId school, String preferredName, LocalDate birthDate, EnrolmentStatus status) {
        Student student = new Student(StudentId.of(id), school, new PersonName(preferredName, preferredName, null, "Jansen"),
                status, new StudentPersonalData(birthDate, "Utrecht", Gender.FEMALE, "Nederlandse", null, null, null),
                new Address("Kerkstraat", "12", "1234 AB", "Utrecht", null), false,
                List.of(new EmergencyContact("Oma Jansen", "oma", "06-12345678")), null,
                new Registration(birthDate.plusYears(4).minusMonths(2), birthDate.plusYears(4), null),
                List.of(new SchoolCareerEntry(new SchoolYear(2025), "Groep 5", 5, LocalDate.of(2025, 8, 18), null)));
        students.put(student.id(), student);
        return student;
    }

    public void replaceStudent(Student student) {
        students.put(student.id(), student);
    }

    public void link(GuardianId guardian, StudentId student, boolean viewingRight) {
        links.add(new GuardianLink(guardian, student, GuardianRelation.PARENT, viewingRight));
    }

    public void setViewingRight(GuardianId guardian, StudentId student, boolean viewingRight) {
        links.replaceAll(l -> l.guardianId().equals(guardian) && l.studentId().equals(student)
                ? new GuardianLink(guardian, student, l.relation(), viewingRight) : l);
    }

    @Override
    public void setViewingRight(GuardianId guardian, StudentId child, boolean on, nl.ouderportaal.spi.StaffActor changedBy) {
        count("setViewingRight");
        setViewingRight(guardian, child, on);
    }

    public void placeInGroup(StudentId student, SchoolYear year, Group group) {
        groups.computeIfAbsent(year, y -> new HashMap<>()).put(student, group);
    }

    @Override
    public List<School> schools(Collection<SchoolId> ids) {
        count("schools");
        return ids.stream().map(schools::get).filter(s -> s != null).toList();
    }

    @Override
    public List<SchoolYear> schoolYears(SchoolId school) {
        count("schoolYears");
        return schoolYears.getOrDefault(school, List.of());
    }

    @Override
    public List<Student> students(Collection<StudentId> ids) {
        count("students");
        return ids.stream().map(students::get).filter(s -> s != null).toList();
    }

    @Override
    public Optional<Guardian> guardian(GuardianId id) {
        count("guardian");
        return Optional.ofNullable(guardians.get(id));
    }

    @Override
    public List<GuardianLink> linksOfGuardian(GuardianId id) {
        count("linksOfGuardian");
        return links.stream().filter(l -> l.guardianId().equals(id)).toList();
    }

    @Override
    public List<nl.ouderportaal.spi.host.GuardianWithLinks> guardiansOfSchool(SchoolId school) {
        count("guardiansOfSchool");
        Map<GuardianId, List<GuardianLink>> bySchool = new LinkedHashMap<>();
        for (GuardianLink link : links) {
            Student student = students.get(link.studentId());
            if (student != null && student.schoolId().equals(school) && guardians.containsKey(link.guardianId())) {
                bySchool.computeIfAbsent(link.guardianId(), g -> new ArrayList<>()).add(link);
            }
        }
        return bySchool.entrySet().stream()
                .map(e -> new nl.ouderportaal.spi.host.GuardianWithLinks(guardians.get(e.getKey()), e.getValue())).toList();
    }

    @Override
    public List<Group> groups(SchoolId school, SchoolYear year) {
        count("groups");
        return groups.getOrDefault(year, Map.of()).values().stream().filter(g -> g.schoolId().equals(school)).distinct().toList();
    }

    @Override
    public Map<StudentId, Group> groupsOfStudents(Collection<StudentId> ids, SchoolYear year) {
        count("groupsOfStudents");
        Map<StudentId, Group> result = new HashMap<>();
        Map<StudentId, Group> ofYear = groups.getOrDefault(year, Map.of());
        for (StudentId id : ids) {
            if (ofYear.containsKey(id)) {
                result.put(id, ofYear.get(id));
            }
        }
        return result;
    }

    @Override
    public List<Activity> publishedActivities(SchoolId school, SchoolYear year) {
        count("publishedActivities");
        return activities.stream().filter(a -> a.schoolId().equals(school)
                && !a.end().isBefore(year.firstDay()) && !a.start().isAfter(year.lastDay())).toList();
    }

    @Override
    public List<Absence> absences(StudentId student, SchoolYear year) {
        count("absences");
        return absences.stream().filter(a -> a.student().equals(student)
                && !a.until().isBefore(year.firstDay()) && !a.from().isAfter(year.lastDay())).toList();
    }

    @Override
    public List<Note> notes(StudentId student, SchoolYear year) {
        count("notes");
        return notes.stream().filter(n -> n.student().equals(student) && year.contains(n.date())).toList();
    }

    @Override
    public List<Plan> plans(StudentId student, SchoolYear year) {
        count("plans");
        return plans.stream().filter(p -> p.student().equals(student) && year.contains(p.start())).toList();
    }

    @Override
    public List<Report> reports(StudentId student, SchoolYear year) {
        count("reports");
        return reports.stream().filter(r -> r.student().equals(student) && year.contains(r.date())).toList();
    }

    @Override
    public List<MethodTestResult> methodTestResults(StudentId student, SchoolYear year) {
        count("methodTests");
        return methodTests.stream().filter(r -> r.student().equals(student) && year.contains(r.date())).toList();
    }

    @Override
    public List<NationalTestResult> nationalTestResults(StudentId student, SchoolYear year) {
        count("nationalTests");
        return nationalTests.stream().filter(r -> r.student().equals(student) && year.contains(r.date())).toList();
    }

    @Override
    public Optional<MedicalRecord> medical(StudentId student) {
        count("medical");
        return Optional.ofNullable(medical.get(student));
    }

    @Override
    public List<Classmate> members(GroupId group) {
        count("members");
        List<Classmate> members = new ArrayList<>();
        groups.values().forEach(byStudent -> byStudent.forEach((id, g) -> {
            Student student = students.get(id);
            if (g.id().equals(group) && student != null) {
                members.add(new Classmate(id, student.name(), student.address(), student.addressSecret()));
            }
        }));
        return members;
    }

    @Override
    public List<Lesson> timetable(GroupId group) {
        count("timetable");
        return timetables.getOrDefault(group, List.of());
    }

    @Override
    public List<StaffMember> staff(SchoolId school) {
        count("staff");
        return staff.stream().filter(m -> m.schoolId().equals(school)).toList();
    }

    public static Group group(String id, SchoolId school, SchoolYear year, String name, int level) {
        return new Group(GroupId.of(id), school, year, name, level, "Lokaal " + level, List.of());
    }

    public static Set<SchoolId> schoolSet(School... schools) {
        Set<SchoolId> ids = new java.util.HashSet<>();
        for (School school : schools) {
            ids.add(school.id());
        }
        return ids;
    }
}
