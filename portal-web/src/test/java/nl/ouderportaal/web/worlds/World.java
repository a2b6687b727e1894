package nl.ouderportaal.web.worlds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.host.EnrolmentStatus;

/**
 * One small generated world: which schools are used, their settings, families of students with their
 * guardians' links, groups, notes, absences, medical records and news. Every datum carries a marker of its
 * own ({@code MK000042007Q}: world 42, datum 7), so that "does this answer show that datum?" is a substring check, and every
 * marker in an answer can be traced back to the datum it came from.
 *
 * <p>Worlds are made by {@link #generate(Random, int)} from a seeded random source: the same seed gives
 * the same world.
 */
record World(int number, Map<SchoolId, SchoolState> schools, List<Child> children, List<Link> links,
             List<GroupData> groups, List<NoteData> notes, List<AbsenceData> absences, List<NewsData> news) {

    /** Two schools, always present in the host; a world puts children in one or both. */
    static final List<SchoolId> SCHOOLS = List.of(SchoolId.of("zonnebloem"), SchoolId.of("klaproos"));
    /** Guardians with an active account, activated once for all worlds. */
    static final List<GuardianId> ACCOUNTS = List.of(GuardianId.of("g0"), GuardianId.of("g1"), GuardianId.of("g2"),
            GuardianId.of("g3"), GuardianId.of("g4"), GuardianId.of("g5"));
    /** A guardian the host knows who never got an account: sees nothing, whatever the links say. */
    static final GuardianId WITHOUT_ACCOUNT = GuardianId.of("g6");
    static final List<GuardianId> GUARDIANS = List.of(GuardianId.of("g0"), GuardianId.of("g1"), GuardianId.of("g2"),
            GuardianId.of("g3"), GuardianId.of("g4"), GuardianId.of("g5"), WITHOUT_ACCOUNT);
    /** The modules the worlds switch; the four that show data of one family's child. */
    static final List<String> MODULES = List.of("absences", "groups", "medical", "notes");
    static final Set<String> DASHBOARD_CAPABLE = Set.of("absences", "notes");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Pattern MARKER = Pattern.compile("MK\\d{9}Q");

    /**
     * A school's settings in this world.
     *
     * @param used whether any child of the world is at the school
     */
    record SchoolState(boolean used, boolean maintenance, Set<String> active, Set<String> onDashboard,
                       boolean showClassmateAddresses) {
    }

    /**
     * A student; {@code id}, {@code name}, {@code address} are markers (the name marker is the preferred
     * name, the address marker the street). {@code group} is the index in {@link World#groups}, or -1.
     */
    record Child(String id, int family, SchoolId school, EnrolmentStatus status, String name, String address,
                 boolean addressSecret, int group, String medical) {
    }

    record Link(GuardianId guardian, String child, boolean viewingRight) {
    }

    /** A group of the current school year: its name is a marker (its id is not: no page shows it as family data). */
    record GroupData(String id, SchoolId school, String name) {
    }

    record NoteData(String id, String child, LocalDate date, boolean categoryPublished, String subject, String text) {
    }

    record AbsenceData(String id, String child, LocalDate from, String reason) {
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
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** A world from the random source; markers are numbered on from a counter shared by all worlds. */
    static World generate(Random random, int number) {
        Markers markers = new Markers(number);
        int schoolCount = random.nextInt(4) == 0 ? 2 : 1;
        List<SchoolId> used = new ArrayList<>(SCHOOLS);
        java.util.Collections.shuffle(used, random);
        used = used.subList(0, schoolCount);
        Map<SchoolId, SchoolState> schools = new LinkedHashMap<>();
        for (SchoolId school : SCHOOLS) {
            Set<String> active = new LinkedHashSet<>();
            Set<String> onDashboard = new LinkedHashSet<>();
            for (String module : MODULES) {
                if (random.nextInt(10) < 7) {
                    active.add(module);
                    if (DASHBOARD_CAPABLE.contains(module) && random.nextBoolean()) {
                        onDashboard.add(module);
                    }
                }
            }
            schools.put(school, new SchoolState(used.contains(school), random.nextInt(7) == 0, active, onDashboard,
                    random.nextBoolean()));
        }
        List<GroupData> groups = new ArrayList<>();
        Map<SchoolId, List<Integer>> groupsOfSchool = new LinkedHashMap<>();
        for (SchoolId school : used) {
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                groupsOfSchool.computeIfAbsent(school, s -> new ArrayList<>()).add(groups.size());
                groups.add(new GroupData("grp-" + number + "-" + groups.size(), school, "Groep " + markers.next()));
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
                String id = "kid-" + markers.next();
                children.add(new Child(id, family, school, status, markers.next(), markers.next(), random.nextInt(3) == 0,
                        group, random.nextInt(3) < 2 ? markers.next() : null));
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
        for (Child child : children) {
            int noteCount = random.nextInt(3);
            for (int i = 0; i < noteCount; i++) {
                notes.add(new NoteData("note-" + markers.next(), child.id(), TODAY.minusDays(random.nextInt(25)),
                        random.nextInt(5) != 0, markers.next(), markers.next()));
            }
            int absenceCount = random.nextInt(3);
            for (int i = 0; i < absenceCount; i++) {
                absences.add(new AbsenceData("abs-" + number + "-" + absences.size(), child.id(), TODAY.minusDays(random.nextInt(25)),
                        markers.next()));
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
        return new World(number, schools, children, links, groups, notes, absences, news);
    }

    /** Numbers markers so that no two data of any two worlds share one. */
    private static final class Markers {
        private final int world;
        private int next;

        Markers(int world) {
            this.world = world;
        }

        String next() {
            if (next >= 1000 || world >= 1_000_000) {
                throw new IllegalStateException("Markers run out in world " + world);
            }
            return String.format("MK%06d%03dQ", world, next++);
        }
    }
}
