package nl.ouderportaal.core.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.settings.ModuleSwitch;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Gender;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianRelation;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.host.Registration;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentPersonalData;

/**
 * Generates worlds from a seed: families with several guardians, separated parents who each have their
 * own links, links with and without the viewing right, children in and out of education, students the
 * host no longer knows, several schools with modules and maintenance on and off, impersonations limited
 * to some schools, and sources that sloppily hand over another guardian's links.
 */
final class WorldGenerator {

    static final GuardianId VIEWER = GuardianId.of("viewer");
    static final List<String> MODULES = List.of("absences", "notes", "reports", "custom-module");
    private static final SchoolYear CURRENT = new SchoolYear(2025);

    private WorldGenerator() {
    }

    static World generate(long seed) {
        Random random = new Random(seed);
        List<SchoolId> schools = new ArrayList<>();
        int schoolCount = 1 + random.nextInt(3);
        for (int i = 0; i < schoolCount; i++) {
            schools.add(SchoolId.of("school-" + i));
        }

        Set<String> installed = new HashSet<>();
        Set<String> capable = new HashSet<>();
        for (String module : MODULES) {
            if (random.nextDouble() < 0.8) {
                installed.add(module);
                if (random.nextBoolean()) {
                    capable.add(module);
                }
            }
        }

        Map<SchoolId, Map<String, ModuleSwitch>> switches = new HashMap<>();
        Set<SchoolId> maintenance = new HashSet<>();
        for (SchoolId school : schools) {
            if (random.nextDouble() < 0.2) {
                maintenance.add(school);
            }
            Map<String, ModuleSwitch> schoolSwitches = new HashMap<>();
            for (String module : List.of("absences", "notes", "reports", "custom-module", "uninstalled-module")) {
                if (random.nextDouble() < 0.7) {
                    // Inconsistent rows (on the dashboard but inactive) too: the policy must not trust the store.
                    schoolSwitches.put(module, new ModuleSwitch(random.nextBoolean(), random.nextBoolean()));
                }
            }
            switches.put(school, schoolSwitches);
        }

        List<GuardianLink> links = new ArrayList<>();
        Map<StudentId, Student> students = new HashMap<>();
        int families = 1 + random.nextInt(3);
        int childNumber = 0;
        for (int f = 0; f < families; f++) {
            GuardianId partner = GuardianId.of("partner-" + f);
            boolean separated = random.nextBoolean();
            int children = 1 + random.nextInt(4);
            for (int c = 0; c < children; c++) {
                StudentId child = StudentId.of("child-" + childNumber++);
                double linkKind = random.nextDouble();
                if (linkKind < 0.55) {
                    links.add(link(VIEWER, child, true));
                } else if (linkKind < 0.8) {
                    links.add(link(VIEWER, child, false));
                } else if (linkKind < 0.9) {
                    // The host may hold two links to one child (two relations), with different rights.
                    links.add(link(VIEWER, child, random.nextBoolean()));
                    links.add(link(VIEWER, child, random.nextBoolean()));
                }
                if (separated && random.nextDouble() < 0.3) {
                    // A sloppy source that also returns the ex-partner's link.
                    links.add(link(partner, child, true));
                }
                if (random.nextDouble() < 0.92) {
                    students.put(child, student(child, schools.get(random.nextInt(schools.size())), random));
                }
            }
        }

        AccountStatus account = random.nextDouble() < 0.75 ? AccountStatus.ACTIVE
                : AccountStatus.values()[random.nextInt(AccountStatus.values().length)];
        Optional<Set<SchoolId>> scope = Optional.empty();
        if (random.nextDouble() < 0.3) {
            Set<SchoolId> served = new HashSet<>();
            for (SchoolId school : schools) {
                if (random.nextBoolean()) {
                    served.add(school);
                }
            }
            scope = Optional.of(served);
        }
        VisibilityFacts facts = new VisibilityFacts(VIEWER, account, scope, links, students, maintenance, switches,
                installed, capable);

        List<StudentId> allChildren = new ArrayList<>();
        for (int i = 0; i < childNumber; i++) {
            allChildren.add(StudentId.of("child-" + i));
        }
        List<World.YearQuestion> questions = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            Set<SchoolYear> hostYears = new HashSet<>();
            for (int back = 0; back <= 3; back++) {
                if (random.nextBoolean()) {
                    hostYears.add(new SchoolYear(CURRENT.startYear() - back));
                }
            }
            questions.add(new World.YearQuestion(allChildren.get(random.nextInt(allChildren.size())),
                    MODULES.get(random.nextInt(MODULES.size())), random.nextBoolean(),
                    new SchoolYear(CURRENT.startYear() - 3 + random.nextInt(5)), CURRENT, hostYears));
        }

        Map<StudentId, GroupId> groups = new HashMap<>();
        for (StudentId child : allChildren) {
            if (random.nextDouble() < 0.9) {
                groups.put(child, GroupId.of("group-" + random.nextInt(4)));
            }
        }
        List<Activity> activities = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            Set<GroupId> forGroups = new HashSet<>();
            if (random.nextBoolean()) {
                forGroups.add(GroupId.of("group-" + random.nextInt(4)));
            }
            LocalDate day = LocalDate.of(2025, 10, 1).plusDays(a);
            activities.add(new Activity("activity-" + a, schools.get(random.nextInt(schools.size())), "Activiteit " + a,
                    null, day, day, forGroups));
        }
        LocalDate today = LocalDate.of(2025, 10, 10);
        List<nl.ouderportaal.core.news.NewsMessage> news = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            Set<GroupId> targets = new HashSet<>();
            if (random.nextBoolean()) {
                targets.add(GroupId.of("group-" + random.nextInt(4)));
            }
            LocalDate from = today.plusDays(random.nextInt(5) - 2);
            news.add(new nl.ouderportaal.core.news.NewsMessage(n, schools.get(random.nextInt(schools.size())), "n" + n, from,
                    "<p>x</p>", from, from.plusDays(random.nextInt(3)), targets));
        }
        return new World(seed, facts, questions, groups, activities, news, today);
    }

    private static GuardianLink link(GuardianId guardian, StudentId child, boolean viewingRight) {
        return new GuardianLink(guardian, child, GuardianRelation.PARENT, viewingRight);
    }

    private static Student student(StudentId id, SchoolId school, Random random) {
        double status = random.nextDouble();
        EnrolmentStatus enrolment = status < 0.7 ? EnrolmentStatus.IN_EDUCATION
                : status < 0.85 ? EnrolmentStatus.LEFT : EnrolmentStatus.REGISTERED;
        // Few distinct birth dates, so that the name and id tie-breakers of the order are exercised.
        LocalDate birth = LocalDate.of(2014 + random.nextInt(3), 1 + random.nextInt(2), 1);
        return new Student(id, school, new PersonName(null, "Kind" + random.nextInt(3), null, "Jansen"), enrolment,
                new StudentPersonalData(birth, null, Gender.UNSPECIFIED, null, null, null, null), null,
                random.nextBoolean(), List.of(), null, new Registration(birth.plusYears(4), null, null), List.of());
    }
}
