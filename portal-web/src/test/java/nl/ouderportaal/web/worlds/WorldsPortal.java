package nl.ouderportaal.web.worlds;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.mail.MailTransport;
import nl.ouderportaal.core.mail.OutgoingMail;
import nl.ouderportaal.core.news.NewsCommand;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.modules.absences.Absence;
import nl.ouderportaal.modules.groups.GroupsModule;
import nl.ouderportaal.modules.groups.GroupsOptions;
import nl.ouderportaal.modules.groups.Lesson;
import nl.ouderportaal.modules.medical.MedicalRecord;
import nl.ouderportaal.modules.methodtests.MethodTestResult;
import nl.ouderportaal.modules.nationaltests.NationalTestResult;
import nl.ouderportaal.modules.nationaltests.NationalTestsModule;
import nl.ouderportaal.modules.nationaltests.NationalTestsOptions;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.modules.notes.NotesOptions;
import nl.ouderportaal.modules.plans.Plan;
import nl.ouderportaal.modules.plans.PlansModule;
import nl.ouderportaal.modules.plans.PlansOptions;
import nl.ouderportaal.modules.reports.Report;
import nl.ouderportaal.modules.staff.StaffModule;
import nl.ouderportaal.modules.staff.StaffOptions;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.EmergencyContact;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Gender;
import nl.ouderportaal.spi.host.GeneralPractitioner;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupTeacher;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianRelation;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.host.Registration;
import nl.ouderportaal.spi.host.SchoolCareerEntry;
import nl.ouderportaal.spi.host.StaffMember;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentPersonalData;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.web.PortalWeb;

/**
 * ONE long-lived portal (H2 in memory, the web layer on a free port) with all built-in modules over
 * ONE in-memory host, into which worlds are loaded one after the other. The portal reads the host on demand
 * and keeps no cache of it, nor of settings, switches, options or news (SchoolConfiguration: "nothing is
 * cached"), so refilling the host and changing the portal's settings between worlds is the same as a new
 * portal per world. Settings are changed only where the next world differs, through the administrator's
 * API; the previous world's news is deleted through it too.
 */
final class WorldsPortal implements AutoCloseable {

    static final StaffActor ADMIN = new StaffActor(StaffId.of("beheer-1"), "Beheerder Worlds", Set.of(StaffActor.Role.ADMIN),
            Set.copyOf(World.SCHOOLS));
    static final String PASSWORD = "een lang wachtwoord voor de werelden";
    static final SchoolYear CURRENT = World.CURRENT;
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static int instances;

    final InMemoryHost host = new InMemoryHost();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    final PortalStore store = PortalStore.h2InMemory("worlds-" + (++instances) + "-" + System.nanoTime());
    final List<OutgoingMail> mails = new CopyOnWriteArrayList<>();
    final Portal portal;
    final PortalWeb web;
    final String base;

    private final Map<SchoolId, World.SchoolState> applied = new HashMap<>();
    /** How many settings changes the worlds made through the administrator's API: the bulk of loading a world. */
    final AtomicLong settingsWrites = new AtomicLong();
    /** Per school and module, the options the portal holds now. */
    private final Map<SchoolId, Map<String, Object>> appliedOptions = new HashMap<>();
    private final Map<SchoolId, List<Long>> newsIds = new HashMap<>();

    WorldsPortal() {
        for (SchoolId school : World.SCHOOLS) {
            host.addSchool(school.value(), "Basisschool " + school.value());
            host.schoolYears.put(school, List.of(CURRENT));
        }
        for (GuardianId guardian : World.GUARDIANS) {
            host.addGuardian(guardian.value(), "Ouder", guardian.value());
        }
        MailTransport transport = () -> new MailTransport.Connection() {
            @Override
            public void send(nl.ouderportaal.core.mail.QueuedMail mail) {
                mails.add(mail.mail());
            }

            @Override
            public void close() {
            }
        };
        portal = host.registerAll(Portal.builder()).store(store).clock(clock)
                .install(BuiltInModules.all().toArray(ContentModule[]::new))
                .accounts(AccountSettings.defaults(URI.create("http://localhost/")))
                .mail(transport)
                .build();
        for (SchoolId school : World.SCHOOLS) {
            applied.put(school, new World.SchoolState(false, false, Set.of(), Set.of(), false, false, false, Set.of(), null, null,
                    World.SchoolState.DEFAULT_PLAN_LABEL, Map.of(), null));
            appliedOptions.put(school, new HashMap<>());
        }
        activateAccounts();
        web = PortalWeb.builder(portal).build().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
    }

    /** Invites every guardian of the pool with an account and sets the password from the mailed link, once. */
    private void activateAccounts() {
        SchoolId school = World.SCHOOLS.get(0);
        for (GuardianId guardian : World.ACCOUNTS) {
            StudentId child = StudentId.of("bootstrap-" + guardian.value());
            host.students.put(child, student(child, school, "Start", "Startstraat", false, EnrolmentStatus.IN_EDUCATION));
            host.link(guardian, child, true);
            portal.invitations().inviteOne(ADMIN, school, guardian);
            portal.mailDispatcher().orElseThrow().drainOnce();
            OutgoingMail mail = mails.get(mails.size() - 1);
            Matcher matcher = TOKEN.matcher(mail.text());
            if (!mail.recipient().contains(guardian.value()) || !matcher.find()) {
                throw new IllegalStateException("No invitation link for " + guardian + ": " + mail);
            }
            portal.authentication().acceptInvitation(matcher.group(1), PASSWORD);
            portal.mailDispatcher().orElseThrow().drainOnce();
        }
        host.students.clear();
        host.links.clear();
    }

    /** Makes the host and the portal's settings and news those of the world. */
    void load(World world) {
        host.students.clear();
        host.links.clear();
        host.groups.clear();
        host.timetables.clear();
        host.notes.clear();
        host.absences.clear();
        host.medical.clear();
        host.plans.clear();
        host.reports.clear();
        host.methodTests.clear();
        host.nationalTests.clear();
        host.staff.clear();
        host.activities.clear();
        List<Group> groups = new ArrayList<>();
        for (World.GroupData group : world.groups()) {
            Group hosted = new Group(GroupId.of(group.id()), group.school(), group.year(), group.name(), 5, "Lokaal 5",
                    List.of(new GroupTeacher(StaffId.of("t-" + group.id()), new PersonName(null, group.teacher(), null, "Visser"))));
            groups.add(hosted);
            host.timetables.put(hosted.id(), List.of(new Lesson(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(9, 15),
                    group.lesson(), null, null)));
        }
        for (World.Child child : world.children()) {
            StudentId id = StudentId.of(child.id());
            host.students.put(id, student(id, child.school(), child.name(), child.address(), child.addressSecret(), child.status()));
            if (child.group() >= 0) {
                host.placeInGroup(id, CURRENT, groups.get(child.group()));
            }
            if (child.earlierGroup() >= 0) {
                host.placeInGroup(id, World.PREVIOUS, groups.get(child.earlierGroup()));
            }
            World.MedicalData medical = child.medical();
            if (medical != null) {
                host.medical.put(id, new MedicalRecord(medical.gp() == null ? null
                        : new GeneralPractitioner(medical.gp(), medical.gpPractice(), medical.gpPhone(), null),
                        medical.medicines(), medical.limitations(), medical.allergies(), medical.other()));
            }
        }
        for (World.Link link : world.links()) {
            host.links.add(new GuardianLink(link.guardian(), StudentId.of(link.child()), GuardianRelation.PARENT, link.viewingRight()));
        }
        for (World.NoteData note : world.notes()) {
            host.notes.add(new Note(note.id(), StudentId.of(note.child()), note.date(), "Gesprek", note.categoryPublished(),
                    note.subject(), note.text(), "Juf Ineke"));
        }
        for (World.AbsenceData absence : world.absences()) {
            host.absences.add(new Absence(absence.id(), StudentId.of(absence.child()), absence.from(), absence.from(),
                    absence.reason(), true));
        }
        for (World.PlanData plan : world.plans()) {
            host.plans.add(new Plan(plan.id(), StudentId.of(plan.child()), plan.title(), plan.start(), null,
                    plan.problemStatement(), plan.goals(), plan.approach(), plan.execution(), plan.evaluation()));
        }
        for (World.ReportData report : world.reports()) {
            host.reports.add(new Report(report.id(), StudentId.of(report.child()), report.title(), report.date(), report.locked(),
                    List.of(new Report.Part(report.part(), List.of(new Report.Line(report.label(), report.mark())))),
                    report.remark()));
        }
        for (World.MethodTestData test : world.methodTests()) {
            host.methodTests.add(new MethodTestResult(test.id(), StudentId.of(test.child()), test.subject(), test.method(),
                    test.test(), test.date(), test.score(), test.remark()));
        }
        for (World.NationalTestData test : world.nationalTests()) {
            host.nationalTests.add(new NationalTestResult(test.id(), StudentId.of(test.child()), test.family(), test.test(),
                    test.date(), test.level(), test.adjustedLevel(), test.levelValue()));
        }
        for (World.StaffData member : world.staff()) {
            host.staff.add(new StaffMember(StaffId.of(member.id()), member.school(), new PersonName(null, member.name(), null, "Bakker"),
                    "Leerkracht", member.email(), member.phone()));
        }
        for (World.ActivityData activity : world.activities()) {
            Set<GroupId> targets = new LinkedHashSet<>();
            activity.groups().forEach(i -> targets.add(GroupId.of(world.groups().get(i).id())));
            host.activities.add(new Activity(activity.id(), activity.school(), activity.title(), "Voor alle ouders.",
                    activity.start(), activity.end(), targets));
        }
        for (Map.Entry<SchoolId, World.SchoolState> entry : world.schools().entrySet()) {
            List<SchoolYear> years = new ArrayList<>(List.of(CURRENT));
            years.addAll(entry.getValue().hostYears());
            host.schoolYears.put(entry.getKey(), years);
            if (entry.getValue().used()) {
                configure(entry.getKey(), entry.getValue());
            }
        }
        for (SchoolId school : World.SCHOOLS) {
            for (long id : newsIds.getOrDefault(school, List.of())) {
                portal.news().delete(ADMIN, school, id);
            }
            newsIds.put(school, new ArrayList<>());
        }
        for (World.NewsData message : world.news()) {
            Set<GroupId> targets = new LinkedHashSet<>();
            message.groups().forEach(i -> targets.add(GroupId.of(world.groups().get(i).id())));
            // The portal takes only groups the host has at the school this year (issue 19, item 16). A message
            // aimed only at other groups reaches nobody, exactly as a message that is not there.
            Set<GroupId> known = new LinkedHashSet<>();
            host.groups(message.school(), CURRENT).forEach(g -> known.add(g.id()));
            boolean aimed = !targets.isEmpty();
            targets.retainAll(known);
            if (aimed && targets.isEmpty()) {
                continue;
            }
            newsIds.get(message.school()).add(portal.news().create(ADMIN, message.school(), new NewsCommand(message.subject(),
                    message.from(), "<p>Bericht <b>" + message.text() + "</b></p>", message.from(), message.until(), targets)));
        }
    }

    /**
     * Changes a used school's maintenance mode, module switches and module options where they differ from
     * now. The options of a module inactive in the world are left as they are: an inactive module shows
     * nothing, so they cannot matter, and every write costs (a transaction and an audit event).
     */
    private void configure(SchoolId school, World.SchoolState wanted) {
        World.SchoolState now = applied.get(school);
        var configuration = portal.configuration();
        if (wanted.maintenance() != now.maintenance()) {
            configuration.updateSettings(school, new SchoolSettingsUpdate(null, null, wanted.maintenance()), "worlds");
            settingsWrites.incrementAndGet();
        }
        for (String module : World.MODULES) {
            boolean active = wanted.active().contains(module);
            boolean onDashboard = wanted.onDashboard().contains(module);
            boolean wasActive = now.active().contains(module);
            boolean wasOnDashboard = now.onDashboard().contains(module);
            if (active && !wasActive) {
                configuration.activate(school, module, "worlds");
                settingsWrites.incrementAndGet();
            } else if (!active && wasActive) {
                configuration.deactivate(school, module, "worlds");
                settingsWrites.incrementAndGet();
                wasOnDashboard = false;
            }
            if (active && onDashboard != wasOnDashboard) {
                configuration.showOnDashboard(school, module, onDashboard, "worlds");
                settingsWrites.incrementAndGet();
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(GroupsModule.ID, new GroupsOptions(wanted.showClassmateAddresses()));
        options.put(StaffModule.ID, new StaffOptions(wanted.staffEmail(), wanted.staffPhone()));
        options.put(NotesModule.ID, new NotesOptions(wanted.notesFrom(), false));
        options.put(PlansModule.ID, new PlansOptions(wanted.plansFrom(), wanted.planLabel()));
        options.put(NationalTestsModule.ID, new NationalTestsOptions(wanted.presentations(), wanted.fallback()));
        // Reporting absence is on wherever the module is: its actions are offered exactly where its page is.
        options.put(nl.ouderportaal.modules.absences.AbsencesModule.ID, new nl.ouderportaal.modules.absences.AbsencesOptions(
                true, true, true, java.time.LocalTime.of(8, 30), java.util.EnumSet.allOf(nl.ouderportaal.modules.absences.SickReason.class),
                7, 5, "verzuim@school.example.org"));
        Map<String, Object> held = appliedOptions.get(school);
        options.forEach((module, value) -> {
            if (wanted.active().contains(module) && !value.equals(held.get(module))) {
                configuration.setOptions(school, module, value, "worlds");
                settingsWrites.incrementAndGet();
                held.put(module, value);
            }
        });
        applied.put(school, wanted);
    }

    private static Student student(StudentId id, SchoolId school, String name, String street, boolean secret,
                                   EnrolmentStatus status) {
        LocalDate birth = LocalDate.of(2016, 4, 1);
        return new Student(id, school, new PersonName(null, name, null, "Jansen"), status,
                new StudentPersonalData(birth, "Utrecht", Gender.FEMALE, "Nederlandse", null, null, null),
                new Address(street, "12", "1234 AB", "Utrecht", null), secret,
                List.of(new EmergencyContact("Oma Jansen", "oma", "06-12345678")), null,
                new Registration(birth.plusYears(4).minusMonths(2), birth.plusYears(4), null),
                List.of(new SchoolCareerEntry(CURRENT, "Groep 5", 5, LocalDate.of(2025, 8, 18), null)));
    }

    @Override
    public void close() {
        nl.ouderportaal.web.ApiContract.forget(base);
        web.stop();
        portal.close();
        store.close();
    }

    private final java.util.Map<GuardianId, String> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    /** A write permit of the guardian's own session (made once, without a login's hash). */
    nl.ouderportaal.core.account.WritePermit permit(GuardianId guardian) {
        String token = sessions.computeIfAbsent(guardian, g -> nl.ouderportaal.core.account.TestSessions.start(portal, store, clock, g));
        return portal.authentication().writePermit(token);
    }
}
