package nl.ouderportaal.web.worlds;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ouderportaal.modules.nationaltests.Presentation;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.host.EnrolmentStatus;

/**
 * One small generated world: which schools are used, their settings and module options, families of
 * students with their guardians' links, groups with their teachers and timetables, and the data of every
 * built-in module (absences, notes, plans, reports, method and national tests, medical records, staff),
 * the year plan's activities and news. Every datum carries a marker of its own ({@code MK000420007Q}: world
 * 42, datum 7), so that "does this answer show that datum?" is a substring check, and every marker in an
 * answer can be traced back to the datum it came from.
 *
 * <p>Module data is dated in the current school year, in the two before it (which the host may or may
 * not list as years it has data for, R-POR-4), or now and then in the next one; in the current year
 * mostly within the dashboards' few weeks, sometimes earlier in the year or still to come.
 *
 * <p>Worlds are made by {@link #generate(Random, int)} from a seeded random source and the world's number:
 * the same seed and number give the same world.
 */
record World(int number, Map<SchoolId, SchoolState> schools, List<Child> children, List<Link> links,
             List<GroupData> groups, List<NoteData> notes, List<AbsenceData> absences, List<PlanData> plans,
             List<ReportData> reports, List<MethodTestData> methodTests, List<NationalTestData> nationalTests,
             List<StaffData> staff, List<ActivityData> activities, List<NewsData> news) {

    /** Two schools, always present in the host; a world puts children in one or both. */
    static final List<SchoolId> SCHOOLS = List.of(SchoolId.of("zonnebloem"), SchoolId.of("klaproos"));
    /** Guardians with an active account, activated once for all worlds. */
    static final List<GuardianId> ACCOUNTS = List.of(GuardianId.of("g0"), GuardianId.of("g1"), GuardianId.of("g2"),
            GuardianId.of("g3"), GuardianId.of("g4"), GuardianId.of("g5"));
    /** A guardian the host knows who never got an account: sees nothing, whatever the links say. */
    static final GuardianId WITHOUT_ACCOUNT = GuardianId.of("g6");
    static final List<GuardianId> GUARDIANS = List.of(GuardianId.of("g0"), GuardianId.of("g1"), GuardianId.of("g2"),
            GuardianId.of("g3"), GuardianId.of("g4"), GuardianId.of("g5"), WITHOUT_ACCOUNT);

    static final String ABSENCES = "absences";
    static final String GROUPS = "groups";
    static final String STAFF = "staff";
    static final String MEDICAL = "medical";
    static final String METHOD_TESTS = "method-tests";
    static final String NATIONAL_TESTS = "national-tests";
    static final String NOTES = "notes";
    static final String PLANS = "plans";
    static final String REPORTS = "reports";
    static final String CONSENT = "consent";
    static final String CONFERENCES = "conferences";
    /** The built-in modules (the nine of R-MOD-1, consent and the conference planner), all switched by the worlds. */
    static final List<String> MODULES = List.of(ABSENCES, GROUPS, STAFF, MEDICAL, METHOD_TESTS, NATIONAL_TESTS, NOTES, PLANS,
            REPORTS, CONSENT, CONFERENCES);
    /** The modules with a page of their own in a child's menu; medical is part of the about page, staff of the School page. */
    static final List<String> CHILD_MENU = List.of(ABSENCES, GROUPS, METHOD_TESTS, NATIONAL_TESTS, NOTES, PLANS, REPORTS, CONSENT);
    /** The per-child pages that switch to earlier school years: all but group and about (R-POR-4). */
    static final Set<String> EARLIER_YEARS = Set.of(ABSENCES, METHOD_TESTS, NATIONAL_TESTS, NOTES, PLANS, REPORTS);
    static final Set<String> DASHBOARD_CAPABLE = Set.of(ABSENCES, METHOD_TESTS, NATIONAL_TESTS, NOTES, PLANS, REPORTS);

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final SchoolYear CURRENT = SchoolYear.containing(TODAY);
    static final SchoolYear PREVIOUS = CURRENT.previous();
    static final SchoolYear TWO_BACK = PREVIOUS.previous();
    static final SchoolYear NEXT = CURRENT.next();
    /** The years the worlds date module data in, and the years a host may list besides the current one. */
    static final List<SchoolYear> OTHER_YEARS = List.of(PREVIOUS, TWO_BACK, NEXT);
    /** National test families; only IEP and CITO get a presentation of their own, DIA follows the fallback. */
    static final List<String> FAMILIES = List.of("IEP", "Cito", "DIA");
    /** Worlds in a row that share their schools' module switches and options. */
    static final int SETTINGS_EPOCH = 4;
    /** What a marker looks like; {@link #markersIn} finds them without it. */
    static final Pattern MARKER = Pattern.compile("MK\\d{9}Q");

    /**
     * A school's settings in this world. Only a used school's settings are applied to the portal: an unused
     * school has no child in the world, so nothing of its settings can show.
     *
     * @param used whether any child of the world is at the school
     * @param hostYears the years besides the current one the host lists as having data (R-POR-4); a
     *     future year among them must not be offered
     * @param notesFrom the notes module's start date, or {@code null}
     * @param plansFrom the plans module's start date, or {@code null}
     * @param planLabel the school's label of a plan's first part: a marker, or the default text
     * @param presentations the national test presentation per family (upper case); other families use
     *     {@code fallback}
     */
    record SchoolState(boolean used, boolean maintenance, Set<String> active, Set<String> onDashboard,
                       boolean showClassmateAddresses, boolean staffEmail, boolean staffPhone, Set<SchoolYear> hostYears,
                       LocalDate notesFrom, LocalDate plansFrom, String planLabel, Map<String, Presentation> presentations,
                       Presentation fallback) {

        static final String DEFAULT_PLAN_LABEL = "Probleemstelling";
    }

    /**
     * A student; {@code id}, {@code name}, {@code address} are markers (the name marker is the preferred
     * name, the address marker the street). {@code group} is the index in {@link World#groups} of the
     * current year's group, or -1; {@code earlierGroup} that of a group of the year before, or -1.
     */
    record Child(String id, int family, SchoolId school, EnrolmentStatus status, String name, String address,
                 boolean addressSecret, int group, int earlierGroup, MedicalData medical) {
    }

    /** A medical record: every field a marker, or {@code null} where the host has no value. */
    record MedicalData(String gp, String gpPractice, String gpPhone, String medicines, String limitations, String allergies,
                       String other) {
        List<String> markers() {
            List<String> markers = new ArrayList<>();
            for (String field : new String[] {gp, gpPractice, gpPhone, medicines, limitations, allergies, other}) {
                if (field != null) {
                    markers.add(field);
                }
            }
            return markers;
        }
    }

    record Link(GuardianId guardian, String child, boolean viewingRight) {
    }

    /**
     * A group: its name, its teacher's name and the subject of its one lesson are markers (its id is not: no
     * page shows it as family data).
     */
    record GroupData(String id, SchoolId school, SchoolYear year, String name, String teacher, String lesson) {
    }

    record NoteData(String id, String child, LocalDate date, boolean categoryPublished, String subject, String text) {
    }

    record AbsenceData(String id, String child, LocalDate from, String reason) {
    }

    /** A plan: every part is a marker. */
    record PlanData(String id, String child, LocalDate start, String title, String problemStatement, String goals,
                    String approach, String execution, String evaluation) {
        List<String> markers() {
            return List.of(title, problemStatement, goals, approach, execution, evaluation);
        }
    }

    /** A report with one part of one line; {@code id} (the section anchor) and every text are markers. */
    record ReportData(String id, String child, LocalDate date, boolean locked, String title, String part, String label,
                      String mark, String remark) {
        List<String> markers() {
            List<String> markers = new ArrayList<>(List.of(id, title, part, label, mark));
            if (remark != null) {
                markers.add(remark);
            }
            return markers;
        }
    }

    /** A method test result; {@code id} (the section anchor) and every text are markers, method and remark optional. */
    record MethodTestData(String id, String child, LocalDate date, String subject, String method, String test, String score,
                          String remark) {
        List<String> markers() {
            List<String> markers = new ArrayList<>(List.of(id, subject, test, score));
            if (method != null) {
                markers.add(method);
            }
            if (remark != null) {
                markers.add(remark);
            }
            return markers;
        }
    }

    /**
     * A national test result: {@code id} (the section anchor), the test's name and each presentation the
     * host has are markers; the family is not (the school's options name it).
     */
    record NationalTestData(String id, String child, LocalDate date, String family, String test, String level,
                            String adjustedLevel, String levelValue) {
        String in(Presentation presentation) {
            return switch (presentation) {
                case LEVEL -> level;
                case ADJUSTED_LEVEL -> adjustedLevel;
                case LEVEL_VALUE -> levelValue;
            };
        }
    }

    /** A staff member of a school: name, email and phone are markers; email and phone optional. */
    record StaffData(String id, SchoolId school, String name, String email, String phone) {
    }

    /** A published activity of the year plan; its title is a marker. {@code groups} index {@link World#groups}. */
    record ActivityData(String id, SchoolId school, String title, LocalDate start, LocalDate end, Set<Integer> groups) {
    }

    /** A news message; {@code groups} are indexes into {@link World#groups}, empty for all groups. */
    record NewsData(SchoolId school, Set<Integer> groups, LocalDate from, LocalDate until, String subject, String text) {
        boolean publishedToday() {
            return !TODAY.isBefore(from) && !TODAY.isAfter(until);
        }
    }

    Child child(String id) {
        return children.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The markers in a text, in order of appearance, without repeats. */
    static Set<String> markersIn(String text) {
        // By hand rather than with MARKER: it runs over every answer of every world.
        Set<String> found = new LinkedHashSet<>();
        int at = text.indexOf("MK");
        while (at >= 0) {
            int end = at + 12;
            if (end <= text.length() && text.charAt(end - 1) == 'Q' && digits(text, at + 2, end - 1)) {
                found.add(text.substring(at, end));
                at = text.indexOf("MK", end);
            } else {
                at = text.indexOf("MK", at + 1);
            }
        }
        return found;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A world from the random source; markers are numbered on from a counter shared by all worlds. */
    static World generate(Random random, int number) {
        Markers markers = new Markers(number);
        int schoolCount = random.nextInt(4) == 0 ? 2 : 1;
        List<SchoolId> used = new ArrayList<>(SCHOOLS);
        java.util.Collections.shuffle(used, random);
        used = used.subList(0, schoolCount);
        Map<SchoolId, SchoolState> schools = new LinkedHashMap<>();
        for (int s = 0; s < SCHOOLS.size(); s++) {
            // Module switches and options hold for SETTINGS_EPOCH worlds in a row: each change is a write with
            // an audit event in the portal, and drawing the nine modules' settings anew for every world nearly
            // doubled the time to load one. They are drawn from the world's number, so that a world still follows
            // from its seed and number alone.
            Random settings = new Random((number / SETTINGS_EPOCH * SCHOOLS.size() + s) * 0x9E3779B97F4A7C15L);
            schools.put(SCHOOLS.get(s), schoolState(random, settings, s, used.contains(SCHOOLS.get(s))));
        }
        List<GroupData> groups = new ArrayList<>();
        Map<SchoolId, List<Integer>> groupsOfSchool = new LinkedHashMap<>();
        Map<SchoolId, List<Integer>> earlierGroupsOfSchool = new LinkedHashMap<>();
        for (SchoolId school : used) {
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                groupsOfSchool.computeIfAbsent(school, s -> new ArrayList<>()).add(groups.size());
                groups.add(new GroupData("grp-" + number + "-" + groups.size(), school, CURRENT, "Groep " + markers.next(),
                        markers.next(), markers.next()));
            }
            // Last year's group: never shown, the group page and the about page are of the current year only.
            if (random.nextBoolean()) {
                earlierGroupsOfSchool.put(school, List.of(groups.size()));
                groups.add(new GroupData("grp-" + number + "-" + groups.size(), school, PREVIOUS, "Groep " + markers.next(),
                        markers.next(), markers.next()));
            }
        }
        // Families: each takes one or two guardians of the pool (two: parents who may have separated), and
        // one to three children, at the world's schools. Some guardians of the pool stay without family.
        List<GuardianId> pool = new ArrayList<>(GUARDIANS);
        java.util.Collections.shuffle(pool, random);
        int families = 2 + random.nextInt(3);
        List<Child> children = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int family = 0; family < families && !pool.isEmpty(); family++) {
            List<GuardianId> parents = new ArrayList<>();
            int parentCount = Math.min(pool.size(), random.nextInt(3) == 0 ? 1 : 2);
            for (int i = 0; i < parentCount; i++) {
                parents.add(pool.remove(pool.size() - 1));
            }
            int childCount = 1 + random.nextInt(3);
            for (int i = 0; i < childCount; i++) {
                SchoolId school = used.get(random.nextInt(used.size()));
                int roll = random.nextInt(10);
                EnrolmentStatus status = roll < 7 ? EnrolmentStatus.IN_EDUCATION
                        : roll < 9 ? EnrolmentStatus.LEFT : EnrolmentStatus.REGISTERED;
                List<Integer> schoolGroups = groupsOfSchool.get(school);
                int group = random.nextInt(10) == 0 ? -1 : schoolGroups.get(random.nextInt(schoolGroups.size()));
                List<Integer> earlier = earlierGroupsOfSchool.getOrDefault(school, List.of());
                int earlierGroup = !earlier.isEmpty() && random.nextBoolean() ? earlier.get(0) : -1;
                String id = "kid-" + markers.next();
                children.add(new Child(id, family, school, status, markers.next(), markers.next(), random.nextInt(3) == 0,
                        group, earlierGroup, random.nextInt(3) < 2 ? medical(random, markers) : null));
                for (GuardianId parent : parents) {
                    // Mostly with the viewing right; sometimes one parent has it and the other not.
                    links.add(new Link(parent, id, random.nextInt(4) != 0));
                }
            }
        }
        // Now and then a guardian of one family is also linked to a child of another (a step-parent).
        if (!children.isEmpty() && random.nextInt(5) == 0) {
            Child child = children.get(random.nextInt(children.size()));
            GuardianId guardian = GUARDIANS.get(random.nextInt(GUARDIANS.size()));
            if (links.stream().noneMatch(l -> l.guardian().equals(guardian) && l.child().equals(child.id()))) {
                links.add(new Link(guardian, child.id(), random.nextBoolean()));
            }
        }
        List<NoteData> notes = new ArrayList<>();
        List<AbsenceData> absences = new ArrayList<>();
        List<PlanData> plans = new ArrayList<>();
        List<ReportData> reports = new ArrayList<>();
        List<MethodTestData> methodTests = new ArrayList<>();
        List<NationalTestData> nationalTests = new ArrayList<>();
        for (Child child : children) {
            int noteCount = random.nextInt(3);
            for (int i = 0; i < noteCount; i++) {
                notes.add(new NoteData("note-" + markers.next(), child.id(), day(random), random.nextInt(5) != 0,
                        markers.next(), markers.next()));
            }
            int absenceCount = random.nextInt(3);
            for (int i = 0; i < absenceCount; i++) {
                absences.add(new AbsenceData("abs-" + number + "-" + absences.size(), child.id(), day(random), markers.next()));
            }
            int planCount = random.nextInt(3);
            for (int i = 0; i < planCount; i++) {
                plans.add(new PlanData("plan-" + number + "-" + plans.size(), child.id(), day(random), markers.next(),
                        markers.next(), markers.next(), markers.next(), markers.next(), markers.next()));
            }
            // Both locked and unlocked reports: only a locked one may ever show (R-POR-2).
            int reportCount = random.nextInt(4);
            for (int i = 0; i < reportCount; i++) {
                reports.add(new ReportData("rep-" + markers.next(), child.id(), day(random), random.nextInt(3) != 0,
                        markers.next(), markers.next(), markers.next(), markers.next(), random.nextBoolean() ? markers.next() : null));
            }
            int methodCount = random.nextInt(3);
            for (int i = 0; i < methodCount; i++) {
                methodTests.add(new MethodTestData("mt-" + markers.next(), child.id(), day(random), markers.next(),
                        random.nextBoolean() ? markers.next() : null, markers.next(), markers.next(),
                        random.nextBoolean() ? markers.next() : null));
            }
            int nationalCount = random.nextInt(3);
            for (int i = 0; i < nationalCount; i++) {
                // Each presentation is there or not: a result may lack the one the school chose, or have none.
                nationalTests.add(new NationalTestData("nt-" + markers.next(), child.id(), day(random),
                        FAMILIES.get(random.nextInt(FAMILIES.size())), markers.next(),
                        random.nextInt(3) != 0 ? markers.next() : null, random.nextBoolean() ? markers.next() : null,
                        random.nextBoolean() ? markers.next() : null));
            }
        }
        List<StaffData> staff = new ArrayList<>();
        List<ActivityData> activities = new ArrayList<>();
        for (SchoolId school : used) {
            int staffCount = 1 + random.nextInt(2);
            for (int i = 0; i < staffCount; i++) {
                staff.add(new StaffData("staff-" + number + "-" + staff.size(), school, markers.next(),
                        random.nextInt(4) != 0 ? markers.next() + "@" + school.value() + ".example.org" : null,
                        random.nextInt(4) != 0 ? markers.next() : null));
            }
            int activityCount = random.nextInt(4);
            List<Integer> targets = new ArrayList<>(groupsOfSchool.getOrDefault(school, List.of()));
            targets.addAll(earlierGroupsOfSchool.getOrDefault(school, List.of()));
            for (int i = 0; i < activityCount; i++) {
                // Past, running, within the dashboard's 60 days ahead, or beyond them; for the whole school or one group.
                int when = random.nextInt(5);
                LocalDate start = switch (when) {
                    case 0 -> TODAY.minusDays(1 + random.nextInt(40));
                    case 1 -> TODAY.minusDays(random.nextInt(3));
                    case 2, 3 -> TODAY.plusDays(random.nextInt(62));
                    default -> TODAY.plusDays(58 + random.nextInt(30));
                };
                LocalDate end = when == 0 ? start.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(start, TODAY)))
                        : start.plusDays(random.nextInt(3));
                Set<Integer> groupsOfActivity = random.nextBoolean() || targets.isEmpty() ? Set.of()
                        : Set.of(targets.get(random.nextInt(targets.size())));
                activities.add(new ActivityData("act-" + number + "-" + activities.size(), school, markers.next(), start, end,
                        groupsOfActivity));
            }
        }
        List<NewsData> news = new ArrayList<>();
        for (SchoolId school : SCHOOLS) {
            int count = random.nextInt(3);
            List<Integer> schoolGroups = groupsOfSchool.getOrDefault(school, List.of());
            for (int i = 0; i < count; i++) {
                Set<Integer> targets = new LinkedHashSet<>();
                if (!schoolGroups.isEmpty() && random.nextBoolean()) {
                    targets.add(schoolGroups.get(random.nextInt(schoolGroups.size())));
                }
                int period = random.nextInt(6);
                LocalDate from = period == 0 ? TODAY.plusDays(1) : period == 1 ? TODAY.minusDays(20) : TODAY.minusDays(random.nextInt(5));
                LocalDate until = period == 1 ? TODAY.minusDays(1) : period == 2 ? TODAY : TODAY.plusDays(random.nextInt(20));
                news.add(new NewsData(school, targets, from, until.isBefore(from) ? from : until, markers.next(), markers.next()));
            }
        }
        return new World(number, schools, children, links, groups, notes, absences, plans, reports, methodTests, nationalTests,
                staff, activities, news);
    }

    /** A school's settings: maintenance mode and the years the host lists per world, the rest per epoch. */
    private static SchoolState schoolState(Random random, Random settings, int school, boolean used) {
        boolean maintenance = random.nextInt(7) == 0;
        Set<SchoolYear> hostYears = new LinkedHashSet<>();
        if (random.nextInt(4) != 0) {
            hostYears.add(PREVIOUS);
        }
        if (random.nextInt(3) == 0) {
            hostYears.add(TWO_BACK);
        }
        if (random.nextInt(5) == 0) {
            hostYears.add(NEXT);
        }
        Set<String> active = new LinkedHashSet<>();
        Set<String> onDashboard = new LinkedHashSet<>();
        for (String module : MODULES) {
            if (settings.nextInt(10) < 7) {
                active.add(module);
                if (DASHBOARD_CAPABLE.contains(module) && settings.nextBoolean()) {
                    onDashboard.add(module);
                }
            }
        }
        // Start dates: none, one in the middle of last year, or one ten days ago.
        LocalDate[] starts = {null, null, PREVIOUS.firstDay().plusMonths(6), TODAY.minusDays(10)};
        Map<String, Presentation> presentations = new LinkedHashMap<>();
        Presentation[] all = Presentation.values();
        presentations.put("IEP", all[settings.nextInt(all.length)]);
        if (settings.nextBoolean()) {
            presentations.put("CITO", all[settings.nextInt(all.length)]);
        }
        return new SchoolState(used, maintenance, active, onDashboard, settings.nextBoolean(), settings.nextBoolean(),
                settings.nextBoolean(), hostYears, starts[settings.nextInt(starts.length)], starts[settings.nextInt(starts.length)],
                settings.nextBoolean() ? "Beginsituatie " + schoolMarker(school) : SchoolState.DEFAULT_PLAN_LABEL, presentations,
                all[settings.nextInt(all.length)]);
    }

    /**
     * The marker of a school's own setting (its label of a plan's first part): numbered as of world 0, which
     * no generated world has, so that it is the same in every world and still unique to the school.
     */
    static String schoolMarker(int school) {
        return marker(0, school);
    }

    /** {@code MK}, the world in five digits, the datum in four, {@code Q}; without String.format, which is slow. */
    private static String marker(int world, int datum) {
        String digits = Integer.toString(world * 10_000 + datum + 1_000_000_000);
        return "MK" + digits.substring(1) + "Q";
    }

    private static MedicalData medical(Random random, Markers markers) {
        boolean gp = random.nextBoolean();
        return new MedicalData(gp ? markers.next() : null, gp && random.nextBoolean() ? markers.next() : null,
                gp && random.nextBoolean() ? markers.next() : null, random.nextInt(3) == 0 ? markers.next() : null,
                random.nextInt(3) == 0 ? markers.next() : null, random.nextInt(3) == 0 ? markers.next() : null, markers.next());
    }

    /**
     * A day for a datum of a module that keeps earlier school years: mostly in the current year, often
     * in the year before, sometimes two years back or in the next year. In the current year mostly in
     * the last 40 days (around the dashboards' windows of 14 and 30 days), else earlier this year or
     * still to come.
     */
    static LocalDate day(Random random) {
        int year = random.nextInt(25);
        if (year < 15) {
            int when = random.nextInt(10);
            if (when < 6) {
                return TODAY.minusDays(random.nextInt(41));
            }
            if (when < 9) {
                return CURRENT.firstDay().plusDays(random.nextInt((int) ChronoUnit.DAYS.between(CURRENT.firstDay(), TODAY) + 1));
            }
            return TODAY.plusDays(1 + random.nextInt(60));
        }
        SchoolYear other = year < 22 ? PREVIOUS : year < 24 ? TWO_BACK : NEXT;
        return other.firstDay().plusDays(random.nextInt(365));
    }

    /** Numbers markers so that no two data of any two worlds share one. */
    private static final class Markers {
        private final int world;
        private int next;

        Markers(int world) {
            if (world < 1 || world >= 100_000) {
                throw new IllegalStateException("Markers number worlds 1 to 99,999: " + world);
            }
            this.world = world;
        }

        String next() {
            if (next >= 10_000) {
                throw new IllegalStateException("Markers run out in world " + world);
            }
            return marker(world, next++);
        }
    }
}
