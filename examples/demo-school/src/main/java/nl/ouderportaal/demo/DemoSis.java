package nl.ouderportaal.demo;

import java.sql.ResultSet;
import nl.ouderportaal.modules.absences.AbsenceReportSink;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.modules.absences.Absence;
import nl.ouderportaal.modules.absences.AbsenceSource;
import nl.ouderportaal.examples.homework.Assignment;
import nl.ouderportaal.examples.homework.HomeworkSource;
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
import nl.ouderportaal.modules.notes.NoteReply;
import nl.ouderportaal.modules.notes.NoteReplySink;
import nl.ouderportaal.modules.notes.NoteSource;
import nl.ouderportaal.modules.plans.Plan;
import nl.ouderportaal.modules.plans.PlanSource;
import nl.ouderportaal.modules.reports.Report;
import nl.ouderportaal.modules.reports.ReportSource;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.Board;
import nl.ouderportaal.spi.host.Branch;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EmergencyContact;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.FamilyData;
import nl.ouderportaal.spi.host.Gender;
import nl.ouderportaal.spi.host.GeneralPractitioner;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GroupTeacher;
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
import nl.ouderportaal.spi.host.StaffMember;
import nl.ouderportaal.spi.host.StaffSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentPersonalData;
import nl.ouderportaal.spi.host.StudentSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo SIS serving its own database to the portal through the SPI, as a real host would: plain
 * SQL, one query (or one per related table) per call, never one per row.
 */
public final class DemoSis implements SchoolSource, StudentSource, GuardianSource, GroupSource, ActivitySource,
        StaffSource, AbsenceSource, NoteSource, PlanSource, ReportSource, MethodTestSource, NationalTestSource,
        MedicalSource, ClassmateSource, HomeworkSource, NoteReplySink, AbsenceReportSink,
        nl.ouderportaal.spi.host.ViewingRightSink, nl.ouderportaal.modules.consent.ConsentSink {

    private final Jdbi jdbi;

    public DemoSis(Jdbi jdbi) {
        this.jdbi = jdbi;
        // Added in 0.2: a demo database made by 0.1 gets the tables the first time it runs again.
        jdbi.useHandle(h -> h.createScript("""
                create table if not exists leave_request (id varchar(64) primary key, student_id varchar(64) not null,
                    from_date date not null, until_date date not null, category varchar(40) not null,
                    explanation varchar(1000) not null, requested_by varchar(200), status varchar(20) not null,
                    decision_reason varchar(500));
                create table if not exists school_closed_day (school_id varchar(64) not null, closed_day date not null,
                    primary key (school_id, closed_day));
                """).execute());
        // The SIS's mirror of the portal's consent (R-CONS-6); also in a demo database made before it existed.
        jdbi.useHandle(h -> h.execute("create table if not exists consent_mirror ("
                + "student_id varchar(64) not null, purpose varchar(64) not null, version integer not null, "
                + "consent boolean not null, cause varchar(16) not null, changed_at timestamp with time zone not null, "
                + "primary key (student_id, purpose))"));
    }

    /** The portal's effective consent answers, as the SIS keeps them for the school's publications. */
    @Override
    public void effectiveAnswerChanged(nl.ouderportaal.modules.consent.ConsentChange change) {
        jdbi.useHandle(h -> h.createUpdate("merge into consent_mirror key (student_id, purpose) values (:s, :p, :v, :c, :cause, :at)")
                .bind("s", change.child().value()).bind("p", change.purpose()).bind("v", change.version())
                .bind("c", change.consent()).bind("cause", change.cause())
                .bind("at", java.time.OffsetDateTime.ofInstant(change.at(), java.time.ZoneOffset.UTC)).execute());
    }

    /** Whether the SIS's mirror says the pupil may appear in the purpose's publications. */
    public boolean mirroredConsent(StudentId student, String purpose) {
        return jdbi.withHandle(h -> h.createQuery("select consent from consent_mirror where student_id = :s and purpose = :p")
                .bind("s", student.value()).bind("p", purpose).mapTo(Boolean.class).findOne().orElse(false));
    }

    @Override
    public List<School> schools(Collection<SchoolId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            Map<String, List<Branch>> branches = new HashMap<>();
            h.createQuery("select * from branch where school_id in (<ids>)").bindList("ids", values(ids))
                    .map((rs, ctx) -> Map.entry(rs.getString("school_id"), new Branch(rs.getString("name"),
                            address(rs), rs.getString("phone"))))
                    .forEach(e -> branches.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return h.createQuery("select * from school where id in (<ids>)").bindList("ids", values(ids))
                    .map((rs, ctx) -> new School(SchoolId.of(rs.getString("id")), rs.getString("name"), address(rs),
                            rs.getString("email"), rs.getString("phone"), rs.getString("website"),
                            new Board(rs.getString("board_name"), null, rs.getString("board_email"), rs.getString("board_website")),
                            branches.getOrDefault(rs.getString("id"), List.of())))
                    .list();
        });
    }

    @Override
    public List<SchoolYear> schoolYears(SchoolId school) {
        return jdbi.withHandle(h -> h.createQuery("select start_year from school_year where school_id = :s")
                .bind("s", school.value()).mapTo(Integer.class).map(SchoolYear::new).list());
    }

    @Override
    public List<Student> students(Collection<StudentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        boolean scan = ids.size() > LARGE_SELECTION;
        Set<String> wanted = new HashSet<>(values(ids));
        return jdbi.withHandle(h -> {
            Map<String, List<EmergencyContact>> contacts = new HashMap<>();
            selectByIds(h, "select * from emergency_contact where student_id in (<ids>) order by position",
                    "select * from emergency_contact order by position", ids, scan)
                    .map((rs, ctx) -> Map.entry(rs.getString("student_id"), new EmergencyContact(rs.getString("name"),
                            rs.getString("relation"), rs.getString("phone"))))
                    .filter(e -> wanted.contains(e.getKey()))
                    .forEach(e -> contacts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<String, List<SchoolCareerEntry>> careers = new HashMap<>();
            String career = """
                    select sg.student_id, sg.from_date, sg.until_date, g.start_year, g.name, g.year_level
                    from student_group sg join class_group g on g.id = sg.group_id""";
            selectByIds(h, career + " where sg.student_id in (<ids>) order by g.start_year", career + " order by g.start_year",
                    ids, scan)
                    .map((rs, ctx) -> Map.entry(rs.getString("student_id"), new SchoolCareerEntry(
                            new SchoolYear(rs.getInt("start_year")), rs.getString("name"), rs.getInt("year_level"),
                            date(rs, "from_date"), date(rs, "until_date"))))
                    .filter(e -> wanted.contains(e.getKey()))
                    .forEach(e -> careers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return selectByIds(h, "select * from student where id in (<ids>)", "select * from student", ids, scan)
                    .map((rs, ctx) -> wanted.contains(rs.getString("id")) ? student(rs,
                            contacts.getOrDefault(rs.getString("id"), List.of()), careers.getOrDefault(rs.getString("id"), List.of()))
                            : null)
                    .stream().filter(java.util.Objects::nonNull).toList();
        });
    }

    private static Student student(ResultSet rs, List<EmergencyContact> contacts, List<SchoolCareerEntry> career)
            throws SQLException {
        return new Student(StudentId.of(rs.getString("id")), SchoolId.of(rs.getString("school_id")), name(rs),
                EnrolmentStatus.valueOf(rs.getString("status")),
                new StudentPersonalData(date(rs, "birth_date"), rs.getString("birth_place"), gender(rs.getString("gender")),
                        rs.getString("nationality"), null, null, null),
                rs.getString("street") == null ? null : address(rs), rs.getBoolean("address_secret"), contacts,
                rs.getString("remark"), new Registration(date(rs, "registration_date"), date(rs, "first_school_day"),
                        rs.getString("previous_school")), career);
    }

    @Override
    public Optional<Guardian> guardian(GuardianId id) {
        return jdbi.withHandle(h -> h.createQuery("select * from guardian where id = :id").bind("id", id.value())
                .map((rs, ctx) -> guardian(rs))
                .findOne());
    }

    @Override
    public List<nl.ouderportaal.spi.host.GuardianWithLinks> guardiansOfSchool(SchoolId school) {
        // One pass over links joined with their guardians, grouped here: no ORDER BY, DISTINCT or IN (subquery),
        // which make H2 spill a school of 100,000 guardians to a temporary store (the portal sorts itself).
        return jdbi.withHandle(h -> {
            Map<String, Guardian> guardians = new java.util.LinkedHashMap<>();
            Map<String, List<GuardianLink>> links = new java.util.HashMap<>();
            h.createQuery("""
                            select g.*, l.student_id, l.relation, l.viewing_right from guardian_link l
                            join student s on s.id = l.student_id join guardian g on g.id = l.guardian_id
                            where s.school_id = :school""")
                    .bind("school", school.value())
                    .map((rs, ctx) -> {
                        String id = rs.getString("id");
                        if (!guardians.containsKey(id)) {
                            guardians.put(id, guardian(rs));
                        }
                        links.computeIfAbsent(id, k -> new ArrayList<>()).add(new GuardianLink(GuardianId.of(id),
                                StudentId.of(rs.getString("student_id")), GuardianRelation.valueOf(rs.getString("relation")),
                                rs.getBoolean("viewing_right")));
                        return id;
                    })
                    .forEach(id -> { });
            return guardians.values().stream()
                    .map(g -> new nl.ouderportaal.spi.host.GuardianWithLinks(g, links.get(g.id().value())))
                    .toList();
        });
    }

    private static Guardian guardian(ResultSet rs) throws SQLException {
        return new Guardian(GuardianId.of(rs.getString("id")), name(rs),
                        new GuardianPersonalData(date(rs, "birth_date"), gender(rs.getString("gender")),
                                rs.getString("country_of_birth"), rs.getString("nationality"), rs.getString("education_level")),
                        rs.getString("street") == null ? null : address(rs),
                        new ContactData(rs.getString("email"), rs.getString("mobile_phone"), null, null),
                        rs.getString("gp_name") == null ? null : new GeneralPractitioner(rs.getString("gp_name"),
                                rs.getString("gp_practice"), rs.getString("gp_phone"), null),
                        new FamilyData(rs.getString("family_name"), rs.getString("marital_status"),
                                (Integer) rs.getObject("children_in_family")));
    }

    @Override
    public List<GuardianLink> linksOfGuardian(GuardianId id) {
        return jdbi.withHandle(h -> h.createQuery("select * from guardian_link where guardian_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> new GuardianLink(GuardianId.of(rs.getString("guardian_id")),
                        StudentId.of(rs.getString("student_id")), GuardianRelation.valueOf(rs.getString("relation")),
                        rs.getBoolean("viewing_right")))
                .list());
    }

    @Override
    public List<Group> groups(SchoolId school, SchoolYear year) {
        return jdbi.withHandle(h -> groups(h, "g.school_id = :school and g.start_year = :year", school.value(), year, null)
                .values().stream().distinct().toList());
    }

    @Override
    public Map<StudentId, Group> groupsOfStudents(Collection<StudentId> students, SchoolYear year) {
        if (students.isEmpty()) {
            return Map.of();
        }
        boolean scan = students.size() > LARGE_SELECTION;
        Set<String> wanted = new HashSet<>(values(students));
        return jdbi.withHandle(h -> groups(h, scan ? "g.start_year = :year" : "g.start_year = :year and sg.student_id in (<ids>)",
                        null, year, scan ? List.of() : values(students))
                .entrySet().stream().filter(e -> e.getKey() != null && wanted.contains(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(e -> StudentId.of(e.getKey()), Map.Entry::getValue)));
    }

    /** Groups with their teachers, keyed by student id when selecting by students, by group id otherwise. */
    private Map<String, Group> groups(Handle h, String where, String school, SchoolYear year, List<String> studentIds) {
        boolean byStudent = studentIds != null;
        var query = h.createQuery("select distinct g.*, " + (byStudent ? "sg.student_id" : "null as student_id")
                + " from class_group g " + (byStudent ? "join student_group sg on sg.group_id = g.id " : "") + "where " + where)
                .bind("year", year.startYear());
        if (school != null) {
            query.bind("school", school);
        }
        if (byStudent && !studentIds.isEmpty()) {
            query.bindList("ids", studentIds);
        }
        Map<String, String> keyToGroup = new HashMap<>();
        Map<String, String[]> rows = new HashMap<>();
        query.map((rs, ctx) -> new String[] {byStudent ? rs.getString("student_id") : rs.getString("id"), rs.getString("id"),
                rs.getString("school_id"), rs.getString("name"), rs.getString("year_level"), rs.getString("classroom")})
                .forEach(r -> {
                    keyToGroup.put(r[0], r[1]);
                    rows.put(r[1], r);
                });
        Map<String, List<GroupTeacher>> teachers = new HashMap<>();
        if (!rows.isEmpty()) {
            h.createQuery("""
                            select gt.group_id, s.* from group_teacher gt join staff s on s.id = gt.staff_id
                            where gt.group_id in (<groups>)""")
                    .bindList("groups", List.copyOf(rows.keySet()))
                    .map((rs, ctx) -> Map.entry(rs.getString("group_id"), new GroupTeacher(StaffId.of(rs.getString("id")),
                            name(rs))))
                    .forEach(e -> teachers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        Map<String, Group> groupsById = new HashMap<>();
        rows.forEach((id, r) -> groupsById.put(id, new Group(GroupId.of(id), SchoolId.of(r[2]), year, r[3],
                Integer.parseInt(r[4]), r[5], teachers.getOrDefault(id, List.of()))));
        Map<String, Group> result = new HashMap<>();
        keyToGroup.forEach((key, group) -> result.put(key, groupsById.get(group)));
        return result;
    }

    @Override
    public List<Activity> publishedActivities(SchoolId school, SchoolYear year) {
        return jdbi.withHandle(h -> {
            Map<String, Set<GroupId>> groups = new HashMap<>();
            h.createQuery("""
                            select ag.* from activity_group ag join activity a on a.id = ag.activity_id
                            where a.school_id = :school""")
                    .bind("school", school.value())
                    .map((rs, ctx) -> Map.entry(rs.getString("activity_id"), GroupId.of(rs.getString("group_id"))))
                    .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
            return h.createQuery("""
                            select * from activity where school_id = :school and published = true
                            and end_date >= :first and start_date <= :last""")
                    .bind("school", school.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                    .map((rs, ctx) -> new Activity(rs.getString("id"), SchoolId.of(rs.getString("school_id")),
                            rs.getString("title"), rs.getString("description"), date(rs, "start_date"), date(rs, "end_date"),
                            groups.getOrDefault(rs.getString("id"), Set.of())))
                    .list();
        });
    }

    @Override
    public List<StaffMember> staff(SchoolId school) {
        return jdbi.withHandle(h -> h.createQuery("select * from staff where school_id = :school order by id")
                .bind("school", school.value())
                .map((rs, ctx) -> new StaffMember(StaffId.of(rs.getString("id")), school, name(rs), rs.getString("role"),
                        rs.getString("email"), rs.getString("phone")))
                .list());
    }

    @Override
    public List<Absence> absences(StudentId student, SchoolYear year) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from absence where student_id = :student and until_date >= :first and from_date <= :last""")
                .bind("student", student.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                .map((rs, ctx) -> new Absence(rs.getString("id"), student, date(rs, "from_date"), date(rs, "until_date"),
                        rs.getString("reason"), rs.getBoolean("authorised")))
                .list());
    }

    @Override
    public List<Note> notes(StudentId student, SchoolYear year) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from note where student_id = :s and note_date between :first and :last""")
                .bind("s", student.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                .map((rs, ctx) -> new Note(rs.getString("id"), student, date(rs, "note_date"), rs.getString("category"),
                        rs.getBoolean("category_published"), rs.getString("subject"), rs.getString("text"),
                        rs.getString("author")))
                .list());
    }

    /** A reply becomes a new, unread note in the child's file, as the seed describes (R-NOTE-1). */
    @Override
    public void addReply(StudentId student, NoteReply reply) {
        jdbi.useHandle(h -> h.execute("insert into note values (?, ?, ?, ?, ?, ?, ?, ?)",
                "reply-" + java.util.UUID.randomUUID(), student.value(), reply.date(), "Reactie verzorger", false,
                reply.subject(), reply.text(), reply.createdBy()));
    }

    /** A sick report through the portal is an absence in the SIS at once, authorised: the school sees it in its lists. */
    @Override
    public String reportSick(SickReport report) {
        String id = "report-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String reason = report.reason() == nl.ouderportaal.modules.absences.SickReason.OTHER ? report.reasonText()
                : report.reason().label().nl();
        String period = report.fromTime() == null ? "" : " " + report.fromTime() + "-" + report.untilTime();
        jdbi.useHandle(h -> h.execute("insert into absence values (?, ?, ?, ?, ?, ?)", id, report.student().value(),
                report.from(), report.until(), (reason + period + " (ziekgemeld door verzorger)"), true));
        return id;
    }

    /** The child is back: the absence ends the day before (or is gone, when the child never missed a day). */
    @Override
    public void reportRecovered(StudentId student, String reference, LocalDate from, GuardianId reportedBy) {
        jdbi.useHandle(h -> {
            h.createUpdate("delete from absence where id = :id and student_id = :s and from_date >= :from")
                    .bind("id", reference).bind("s", student.value()).bind("from", from).execute();
            h.createUpdate("update absence set until_date = :last where id = :id and student_id = :s and until_date >= :from")
                    .bind("last", from.minusDays(1)).bind("id", reference).bind("s", student.value()).bind("from", from).execute();
        });
    }

    @Override
    public String requestLeave(LeaveRequest request) {
        String id = "leave-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbi.useHandle(h -> h.execute("insert into leave_request values (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', null)", id,
                request.student().value(), request.from(), request.until(), request.category().name(), request.explanation(),
                request.requestedByName()));
        return id;
    }

    @Override
    public Map<String, LeaveDecision> leaveDecisions(StudentId student, Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, status, decision_reason from leave_request
                        where student_id = :s and id in (<ids>) and status <> 'REQUESTED'""")
                .bind("s", student.value()).bindList("ids", List.copyOf(references))
                .map((rs, ctx) -> Map.entry(rs.getString("id"), new LeaveDecision(LeaveStatus.valueOf(rs.getString("status")),
                        rs.getString("decision_reason"))))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The school decides on a leave request in its SIS (the demo's control does this for a tester). */
    public void decideLeave(String reference, boolean granted, String reason) {
        jdbi.useHandle(h -> h.createUpdate("update leave_request set status = :status, decision_reason = :reason where id = :id")
                .bind("status", granted ? "GRANTED" : "REFUSED").bind("reason", reason).bind("id", reference).execute());
    }

    @Override
    public Set<LocalDate> closedDays(SchoolId school, LocalDate from, LocalDate until) {
        return Set.copyOf(jdbi.withHandle(h -> h.createQuery("""
                        select closed_day from school_closed_day where school_id = :school and closed_day between :from and :until""")
                .bind("school", school.value()).bind("from", from).bind("until", until)
                .map((rs, ctx) -> rs.getObject("closed_day", LocalDate.class)).list()));
    }

    /** A day the school is closed (a study day), as the SIS's calendar has it. */
    public void closeSchool(SchoolId school, LocalDate day) {
        jdbi.useHandle(h -> h.execute("merge into school_closed_day key (school_id, closed_day) values (?, ?)", school.value(), day));
    }

    /** Inzage ouderportaal changed in the portal's administration: the SIS keeps it on the link (R-ACC-5). */
    @Override
    public void setViewingRight(GuardianId guardian, StudentId child, boolean on, nl.ouderportaal.spi.StaffActor changedBy) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update guardian_link set viewing_right = :on where guardian_id = :g and student_id = :s")
                .bind("on", on).bind("g", guardian.value()).bind("s", child.value()).execute());
    }

    @Override
    public List<Plan> plans(StudentId student, SchoolYear year) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from plan where student_id = :s and start_date between :first and :last""")
                .bind("s", student.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                .map((rs, ctx) -> new Plan(rs.getString("id"), student, rs.getString("title"), date(rs, "start_date"),
                        date(rs, "end_date"), rs.getString("problem"), rs.getString("goals"), rs.getString("approach"),
                        rs.getString("execution"), rs.getString("evaluation")))
                .list());
    }

    @Override
    public List<Report> reports(StudentId student, SchoolYear year) {
        return jdbi.withHandle(h -> {
            Map<String, Map<String, List<Report.Line>>> parts = new HashMap<>();
            h.createQuery("""
                            select l.* from report_line l join report r on r.id = l.report_id
                            where r.student_id = :s and r.report_date between :first and :last order by l.position""")
                    .bind("s", student.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                    .map((rs, ctx) -> new String[] {rs.getString("report_id"), rs.getString("part"), rs.getString("label"),
                            rs.getString("mark")})
                    .forEach(r -> parts.computeIfAbsent(r[0], k -> new java.util.LinkedHashMap<>())
                            .computeIfAbsent(r[1], k -> new ArrayList<>()).add(new Report.Line(r[2], r[3])));
            return h.createQuery("select * from report where student_id = :s and report_date between :first and :last")
                    .bind("s", student.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                    .map((rs, ctx) -> new Report(rs.getString("id"), student, rs.getString("title"), date(rs, "report_date"),
                            rs.getBoolean("locked"), parts.getOrDefault(rs.getString("id"), Map.of()).entrySet().stream()
                                    .map(e -> new Report.Part(e.getKey(), e.getValue())).toList(), rs.getString("remark")))
                    .list();
        });
    }

    @Override
    public List<MethodTestResult> methodTestResults(StudentId student, SchoolYear year) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from method_test where student_id = :s and test_date between :first and :last""")
                .bind("s", student.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                .map((rs, ctx) -> new MethodTestResult(rs.getString("id"), student, rs.getString("subject"),
                        rs.getString("method"), rs.getString("test"), date(rs, "test_date"), rs.getString("score"),
                        rs.getString("remark")))
                .list());
    }

    @Override
    public List<NationalTestResult> nationalTestResults(StudentId student, SchoolYear year) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from national_test where student_id = :s and test_date between :first and :last""")
                .bind("s", student.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                .map((rs, ctx) -> new NationalTestResult(rs.getString("id"), student, rs.getString("family"),
                        rs.getString("test"), date(rs, "test_date"), rs.getString("level"), rs.getString("adjusted_level"),
                        rs.getString("level_value")))
                .list());
    }

    @Override
    public Optional<MedicalRecord> medical(StudentId student) {
        return jdbi.withHandle(h -> h.createQuery("select * from medical where student_id = :s")
                .bind("s", student.value())
                .map((rs, ctx) -> new MedicalRecord(rs.getString("gp_name") == null ? null
                        : new GeneralPractitioner(rs.getString("gp_name"), rs.getString("gp_practice"), rs.getString("gp_phone"), null),
                        rs.getString("medicines"), rs.getString("limitations"), rs.getString("allergies"), rs.getString("other")))
                .findOne());
    }

    @Override
    public List<Classmate> members(GroupId group) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.* from student s join student_group sg on sg.student_id = s.id
                        where sg.group_id = :g and s.status = 'IN_EDUCATION'""")
                .bind("g", group.value())
                .map((rs, ctx) -> new Classmate(StudentId.of(rs.getString("id")), name(rs),
                        rs.getString("street") == null ? null : address(rs), rs.getBoolean("address_secret")))
                .list());
    }

    @Override
    public List<Lesson> timetable(GroupId group) {
        return jdbi.withHandle(h -> h.createQuery("select * from lesson where group_id = :g")
                .bind("g", group.value())
                .map((rs, ctx) -> new Lesson(java.time.DayOfWeek.of(rs.getInt("day_of_week")),
                        java.time.LocalTime.parse(rs.getString("start_time")), java.time.LocalTime.parse(rs.getString("end_time")),
                        rs.getString("subject"), rs.getString("teacher"), rs.getString("classroom")))
                .list());
    }

    @Override
    public List<Assignment> homework(GroupId group, SchoolYear year) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from homework where group_id = :g and due_date between :first and :last""")
                .bind("g", group.value()).bind("first", year.firstDay()).bind("last", year.lastDay())
                .map((rs, ctx) -> new Assignment(rs.getString("id"), group, rs.getString("subject"),
                        rs.getString("description"), date(rs, "due_date")))
                .list());
    }

    /**
     * Above this many ids a query reads the whole table and keeps the wanted rows in Java: H2 looks up a long
     * list of ids one by one (about 0.1 ms each) and refuses more than 100,000 parameters, while a scan of a
     * school board's table takes well under a second.
     */
    static final int LARGE_SELECTION = 1_000;

    private static org.jdbi.v3.core.statement.Query selectByIds(Handle h, String byIds, String all,
                                                                Collection<? extends Record> ids, boolean scan) {
        return scan ? h.createQuery(all) : h.createQuery(byIds).bindList("ids", values(ids));
    }

    private static List<String> values(Collection<? extends Record> ids) {
        return ids.stream().map(Object::toString).distinct().toList();
    }

    private static PersonName name(ResultSet rs) throws SQLException {
        String given = hasColumn(rs, "given_names") ? rs.getString("given_names") : null;
        return new PersonName(given, rs.getString("preferred_name"), rs.getString("infix"), rs.getString("surname"));
    }

    private static Address address(ResultSet rs) throws SQLException {
        return new Address(rs.getString("street"), rs.getString("house_number"), rs.getString("postal_code"),
                rs.getString("city"), null);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Gender gender(String code) {
        return code == null ? Gender.UNSPECIFIED : switch (code) {
            case "F" -> Gender.FEMALE;
            case "M" -> Gender.MALE;
            default -> Gender.UNSPECIFIED;
        };
    }

    private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
        var meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    // The demo's control page (/demo/control): what a tester changes in "the school's records" by hand.

    /** Locks or unlocks a report, as the school does in its SIS; false when there is no such report. */
    public boolean setReportLocked(String reportId, boolean locked) {
        return jdbi.withHandle(h -> h.createUpdate("update report set locked = :l where id = :id")
                .bind("l", locked).bind("id", reportId).execute()) == 1;
    }

    /** Whether the SIS knows this pupil. */
    public boolean hasStudent(StudentId student) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from student where id = :id")
                .bind("id", student.value()).mapTo(Integer.class).one()) == 1;
    }

    /** Adds a note to a pupil's file, as a teacher does in the SIS; returns its id. */
    public String addNote(StudentId student, LocalDate date, String category, boolean categoryPublished, String subject,
                          String text, String author) {
        String id = "demo-note-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbi.useHandle(h -> h.execute("insert into note values (?, ?, ?, ?, ?, ?, ?, ?)", id, student.value(), date,
                category, categoryPublished, subject, text, author));
        return id;
    }

    /** Adds an absence, as the school records one in the SIS; returns its id. */
    public String addAbsence(StudentId student, LocalDate from, LocalDate until, String reason, boolean authorised) {
        String id = "demo-absence-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbi.useHandle(h -> h.execute("insert into absence values (?, ?, ?, ?, ?, ?)", id, student.value(), from, until,
                reason, authorised));
        return id;
    }

    /**
     * A report's lock state, for the demo's control page.
     *
     * @param id the report's id
     * @param title its title
     * @param date its date
     * @param locked whether the school locked (finalised) it: guardians see locked reports only
     */
    public record ReportState(String id, String title, LocalDate date, boolean locked) {
    }

    /** A pupil's reports with their lock state, newest first, for the control page. */
    public List<ReportState> reportStates(StudentId student) {
        return jdbi.withHandle(h -> h.createQuery("select id, title, report_date, locked from report where student_id = :s"
                        + " order by report_date desc")
                .bind("s", student.value())
                .map((rs, ctx) -> new ReportState(rs.getString("id"), rs.getString("title"), date(rs, "report_date"),
                        rs.getBoolean("locked")))
                .list());
    }
}
