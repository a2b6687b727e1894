package nl.ouderportaal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.ouderportaal.spi.SchoolYear;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills the demo SIS with a deterministic school board: two Dutch primary schools, three school years
 * of history, families with separated parents, a secret address, a link without viewing right and a
 * child no longer in education. The same seed, size and school year always give the same data. Larger
 * worlds ({@link DemoSize}) add schools, pupils and a benchmark family; the demo's own world is
 * {@link DemoSize#DEMO}.
 */
public final class DemoSchoolGenerator {

    public static final String MAIN_SCHOOL = "regenboog";
    public static final String SECOND_SCHOOL = "klimop";
    public static final String DEMO_GUARDIAN = "g-demo";
    public static final String DEMO_EX_PARTNER = "g-demo-ex";
    public static final String DEMO_EMAIL = "ouder@example.org";
    public static final String SANNE = "s-sanne";
    public static final String DAAN = "s-daan";
    public static final String LOTTE = "s-lotte";
    public static final String TIM = "s-tim";
    /** In the sized worlds only: a guardian with exactly three visible children at the main school. */
    public static final String BENCHMARK_GUARDIAN = "g-bench";
    public static final String BENCHMARK_EMAIL = "bench@example.org";

    private static final long SEED = 2026L;

    private static final String[] GIRLS = {"Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva",
        "Liv", "Lotte", "Noor", "Saar", "Fenna", "Lieke", "Roos", "Isa", "Fleur", "Maud"};
    private static final String[] BOYS = {"Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "James",
        "Bram", "Jesse", "Thijs", "Milan", "Sven", "Ravi", "Mohammed", "Adam", "Otis", "Jurre"};
    private static final String[][] SURNAMES = {{null, "Jansen"}, {"de", "Vries"}, {"van den", "Berg"}, {null, "Bakker"},
        {"van", "Dijk"}, {null, "Visser"}, {null, "Smit"}, {null, "Meijer"}, {"de", "Boer"}, {null, "Mulder"},
        {"de", "Groot"}, {null, "Bos"}, {null, "Vos"}, {null, "Peters"}, {null, "Hendriks"}, {"van", "Leeuwen"},
        {null, "Dekker"}, {null, "Brouwer"}, {"de", "Wit"}, {null, "Dijkstra"}, {null, "Yilmaz"}, {"El", "Amrani"},
        {null, "Kramer"}, {"van der", "Meer"}};
    private static final String[] ADULTS_F = {"Anna", "Marieke", "Linda", "Sanne", "Esther", "Fatima", "Ingrid", "Laura"};
    private static final String[] ADULTS_M = {"Erik", "Mark", "Jeroen", "Bas", "Ahmed", "Pieter", "Tom", "Ruud"};
    private static final String[] STREETS = {"Kerkstraat", "Dorpsstraat", "Molenweg", "Schoolstraat", "Beukenlaan",
        "Julianastraat", "Lindenlaan", "Stationsweg", "Eikenlaan", "Wilhelminastraat"};
    private static final String[] REASONS = {"Ziek", "Tandarts", "Huisarts", "Familieomstandigheden", "Te laat",
        "Ziekenhuisbezoek", "Verlof (religieuze feestdag)", "Ongeoorloofd verzuim"};
    private static final String[] EDUCATION = {"basisonderwijs", "vmbo", "mbo", "havo", "vwo", "hbo", "wo"};

    private final Random random = new Random(SEED);
    private final LocalDate today;
    private final SchoolYear current;
    private final DemoSize size;
    private int absenceNumber;

    /** Generates the demo's own world with history up to {@code today}, the demo's "now" from its clock. */
    public DemoSchoolGenerator(LocalDate today) {
        this(today, DemoSize.DEMO);
    }

    /** Generates a world of the given size with history up to {@code today}. */
    public DemoSchoolGenerator(LocalDate today, DemoSize size) {
        this.today = today;
        this.current = SchoolYear.containing(today);
        this.size = size;
    }

    /** The ids of the generated schools, in the order of {@link DemoSize#pupilsPerSchool()}. */
    public static List<String> schoolIds(DemoSize size) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size.schools(); i++) {
            ids.add(i == 0 ? MAIN_SCHOOL : i == 1 ? SECOND_SCHOOL : String.format(java.util.Locale.ROOT, "school-%02d", i + 1));
        }
        return ids;
    }

    /** Creates the SIS schema and its data in an empty database. */
    public void populate(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            h.createScript(schema()).execute();
            List<String> schools = schoolIds(size);
            for (String school : schools) {
                if (school.equals(MAIN_SCHOOL)) {
                    school(h, MAIN_SCHOOL, "OBS De Regenboog", "Regenbooglaan", "1", "3701 AB", "Zeist", true);
                } else if (school.equals(SECOND_SCHOOL)) {
                    school(h, SECOND_SCHOOL, "CBS De Klimop", "Klimopstraat", "12", "3941 CD", "Doorn", false);
                } else {
                    school(h, school, "Basisschool " + school.substring(school.indexOf('-') + 1), "Schoolweg",
                            school.substring(school.indexOf('-') + 1), "3700 AA", "Zeist", false);
                }
            }
            for (int back = 2; back >= 0; back--) {
                SchoolYear year = new SchoolYear(current.startYear() - back);
                for (String school : schools) {
                    h.execute("insert into school_year values (?, ?)", school, year.startYear());
                    for (int level = 1; level <= 8; level++) {
                        String group = groupId(school, year, level);
                        h.execute("insert into class_group values (?, ?, ?, ?, ?, ?)", group, school, year.startYear(),
                                "Groep " + level, level, "Lokaal " + (school.equals(MAIN_SCHOOL) ? "A" : "K") + level);
                        h.execute("insert into group_teacher values (?, ?)", group, teacherId(school, level));
                    }
                }
            }
            demoFamily(h, schools.size() > 1 ? SECOND_SCHOOL : MAIN_SCHOOL);
            for (int i = 0; i < schools.size(); i++) {
                pupils(h, schools.get(i), size.pupilsPerSchool().get(i));
            }
            if (size.benchmarkFamily()) {
                benchmarkFamily(h);
            }
            schools.forEach(school -> activities(h, school));
            schools.forEach(school -> timetablesAndHomework(h, school));
        });
    }

    private static String schema() {
        try (InputStream in = DemoSchoolGenerator.class.getResourceAsStream("sis-schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String groupId(String school, SchoolYear year, int level) {
        return school + "-" + year.startYear() + "-g" + level;
    }

    private static String teacherId(String school, int level) {
        return school + "-t" + level;
    }

    private void school(Handle h, String id, String name, String street, String number, String postcode, String city,
                        boolean withBranch) {
        h.execute("insert into school values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, name, street, number, postcode, city,
                "info@" + id + ".example.org", "030-69" + (10000 + random.nextInt(89999)), "https://www." + id + ".example.org",
                "Stichting Primair Onderwijs Heuvelrug", "bestuur@spoh.example.org", "https://www.spoh.example.org");
        if (withBranch) {
            h.execute("insert into branch values (?, ?, ?, ?, ?, ?, ?)", id, name + " (dependance)", "Parkweg", "40",
                    "3701 EF", city, "030-6912345");
        }
        staff(h, id, id + "-dir", "Directeur");
        staff(h, id, id + "-ib", "Intern begeleider");
        for (int level = 1; level <= 8; level++) {
            staff(h, id, teacherId(id, level), "Leerkracht groep " + level);
        }
    }

    private void staff(Handle h, String school, String id, String role) {
        boolean female = random.nextBoolean();
        String[] surname = SURNAMES[random.nextInt(SURNAMES.length)];
        String first = female ? ADULTS_F[random.nextInt(ADULTS_F.length)] : ADULTS_M[random.nextInt(ADULTS_M.length)];
        h.execute("insert into staff values (?, ?, ?, ?, ?, ?, ?, ?)", id, school, first, surname[0], surname[1], role,
                first.toLowerCase() + "." + surname[1].toLowerCase() + "@" + school + ".example.org",
                "030-69" + (10000 + random.nextInt(89999)));
    }

    /**
     * The demo guardian Marieke de Vries: Sanne (main school, secret address) and Daan (second school) are
     * visible; Lotte (her stepdaughter) is linked without viewing right; Tim left for secondary school.
     * Sanne's father Erik Bakker has his own account and address.
     */
    private void demoFamily(Handle h, String daansSchool) {
        guardian(h, DEMO_GUARDIAN, "Marieke", "de", "Vries", "F", DEMO_EMAIL, "Beukenlaan", "7", "hbo", "Gescheiden", 4);
        guardian(h, DEMO_EX_PARTNER, "Erik", null, "Bakker", "M", "erik.bakker@example.org", "Stationsweg", "88", "mbo",
                "Gescheiden", 1);
        student(h, SANNE, MAIN_SCHOOL, "Sanne Maria", "Sanne", "de", "Vries", 5, "F", "Beukenlaan", "7", true,
                "IN_EDUCATION", "Sanne heeft op dinsdag zwemles en wordt dan om 15.00 uur opgehaald.");
        student(h, DAAN, daansSchool, "Daan Pieter", "Daan", "de", "Vries", 3, "M", "Beukenlaan", "7", false,
                "IN_EDUCATION", null);
        student(h, LOTTE, MAIN_SCHOOL, "Lotte", "Lotte", "van", "Dijk", 7, "F", "Lindenlaan", "3", false, "IN_EDUCATION", null);
        student(h, TIM, MAIN_SCHOOL, "Tim", "Tim", "de", "Vries", 9, "M", "Beukenlaan", "7", false, "LEFT", null);
        link(h, DEMO_GUARDIAN, SANNE, "MOTHER", true);
        link(h, DEMO_GUARDIAN, DAAN, "MOTHER", true);
        link(h, DEMO_GUARDIAN, LOTTE, "STEP_PARENT", false);
        link(h, DEMO_GUARDIAN, TIM, "MOTHER", true);
        link(h, DEMO_EX_PARTNER, SANNE, "FATHER", true);
        absence(h, SANNE, today.minusDays(4), today.minusDays(3), "Ziek", true);
        absence(h, DAAN, today.minusDays(2), today.minusDays(2), "Te laat", false);
    }

    /**
     * The Van Leeuwen family of the benchmarks: one guardian whose three children (groups 2, 5 and 7 of the
     * main school) are all visible, the same in every sized world, so that her pages cost the same whatever
     * the number of schools.
     */
    private void benchmarkFamily(Handle h) {
        guardian(h, BENCHMARK_GUARDIAN, "Ingrid", "van", "Leeuwen", "F", BENCHMARK_EMAIL, "Molenweg", "21", "wo", "Gehuwd", 3);
        String[] names = {"Fenna", "Jurre", "Maud"};
        int[] levels = {2, 5, 7};
        for (int i = 0; i < names.length; i++) {
            String id = "s-bench-" + (i + 1);
            student(h, id, MAIN_SCHOOL, names[i], names[i], "van", "Leeuwen", levels[i], i == 1 ? "M" : "F", "Molenweg", "21",
                    false, "IN_EDUCATION", null);
            link(h, BENCHMARK_GUARDIAN, id, "MOTHER", true);
        }
    }

    /** {@code pupils} spread over groups 1 to 8, the lower groups taking the remainder. */
    private void pupils(Handle h, String school, int pupils) {
        int number = 0;
        for (int level = 1; level <= 8; level++) {
            int perGroup = pupils / 8 + (level <= pupils % 8 ? 1 : 0);
            for (int i = 0; i < perGroup; i++) {
                String id = school + "-s" + (++number);
                boolean girl = random.nextBoolean();
                String first = girl ? GIRLS[random.nextInt(GIRLS.length)] : BOYS[random.nextInt(BOYS.length)];
                String[] surname = SURNAMES[random.nextInt(SURNAMES.length)];
                String street = STREETS[random.nextInt(STREETS.length)];
                String houseNumber = String.valueOf(1 + random.nextInt(150));
                student(h, id, school, first, first, surname[0], surname[1], level, girl ? "F" : "M", street, houseNumber,
                        random.nextDouble() < 0.02, "IN_EDUCATION", null);
                family(h, id, surname, street, houseNumber);
            }
        }
    }

    private void family(Handle h, String student, String[] surname, String street, String houseNumber) {
        boolean separated = random.nextDouble() < 0.2;
        String mother = student + "-m";
        String father = student + "-f";
        guardian(h, mother, ADULTS_F[random.nextInt(ADULTS_F.length)], surname[0], surname[1], "F",
                random.nextDouble() < 0.95 ? mother + "@example.org" : null, street, houseNumber,
                EDUCATION[random.nextInt(EDUCATION.length)], separated ? "Gescheiden" : "Gehuwd", 1 + random.nextInt(3));
        link(h, mother, student, "MOTHER", true);
        if (random.nextDouble() < 0.85) {
            guardian(h, father, ADULTS_M[random.nextInt(ADULTS_M.length)], surname[0], surname[1], "M",
                    random.nextDouble() < 0.9 ? father + "@example.org" : null,
                    separated ? STREETS[random.nextInt(STREETS.length)] : street,
                    separated ? String.valueOf(1 + random.nextInt(150)) : houseNumber,
                    EDUCATION[random.nextInt(EDUCATION.length)], separated ? "Gescheiden" : "Gehuwd", 1 + random.nextInt(3));
            link(h, father, student, "FATHER", random.nextDouble() < 0.95);
        }
    }

    private void guardian(Handle h, String id, String first, String infix, String surname, String gender, String email,
                          String street, String number, String education, String marital, int children) {
        h.execute("insert into guardian values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, first,
                infix, surname, LocalDate.of(1978 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                gender, "Nederland", "Nederlandse", education, street, number, "3701 " + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26)), "Zeist", email, "06-" + (10000000 + random.nextInt(89999999)),
                "Dr. " + SURNAMES[random.nextInt(SURNAMES.length)][1], "Huisartsenpraktijk Zeist-Centrum", "030-6990000",
                "Familie " + (infix == null ? "" : infix + " ") + surname, marital, children);
    }

    private void student(Handle h, String id, String school, String given, String first, String infix, String surname,
                         int level, String gender, String street, String number, boolean secret, String status,
                         String remark) {
        int ageAtStart = level + 3;
        LocalDate birth = LocalDate.of(current.startYear() - ageAtStart - 1, 9 + random.nextInt(4), 1 + random.nextInt(28))
                .plusMonths(random.nextInt(12) - 6L);
        LocalDate firstDay = birth.plusYears(4);
        h.execute("insert into student values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, school, given,
                first, infix, surname, birth, "Zeist", gender, "Nederlandse", street, number, "3701 AA", "Zeist", secret,
                status, remark, firstDay.minusMonths(6), firstDay, null);
        h.execute("insert into emergency_contact values (?, 1, ?, ?, ?)", id, "Oma " + surname, "grootmoeder",
                "06-" + (10000000 + random.nextInt(89999999)));
        if (random.nextDouble() < 0.3 || id.equals(SANNE)) {
            h.execute("insert into medical values (?, ?, ?, ?, ?, ?, ?, ?)", id, "Dr. " + SURNAMES[random.nextInt(SURNAMES.length)][1],
                    "Huisartsenpraktijk Zeist-Centrum", "030-6990000",
                    random.nextBoolean() ? "Ventolin bij benauwdheid" : null, null,
                    random.nextBoolean() || id.equals(SANNE) ? "Pinda's en noten" : null, null);
        }
        int levelNow = Math.min(level, 8);
        for (int back = 2; back >= 0; back--) {
            int levelThen = levelNow - back;
            SchoolYear year = new SchoolYear(current.startYear() - back);
            boolean stillAtSchool = !"LEFT".equals(status) || back > 0;
            if (levelThen >= 1 && levelThen <= 8 && stillAtSchool) {
                LocalDate from = year.firstDay().plusDays(17);
                h.execute("insert into student_group values (?, ?, ?, ?)", id, groupId(school, year, levelThen), from,
                        back == 0 ? null : year.lastDay().minusDays(10));
                for (int a = random.nextInt(4); a > 0; a--) {
                    LocalDate day = from.plusDays(random.nextInt(300));
                    String reason = REASONS[random.nextInt(REASONS.length)];
                    boolean authorised = random.nextDouble() < 0.85;
                    if (!day.isAfter(today)) {
                        absence(h, id, day, day.plusDays(random.nextInt(3)), reason, authorised);
                    }
                }
                content(h, id, first, year, levelThen);
            }
        }
    }

    private static final String[] SUBJECTS = {"Rekenen", "Spelling", "Taal", "Begrijpend lezen", "Wereldoriëntatie"};
    private static final String[] METHODS = {"Wereld in getallen", "Staal", "Staal", "Nieuwsbegrip", "Blink"};
    private static final String[] MARKS = {"Goed", "Ruim voldoende", "Voldoende", "Zeer goed", "Matig"};
    private int itemNumber;

    /** A school year's notes, plans, reports and tests of one pupil: the content of every module. */
    private void content(Handle h, String student, String first, SchoolYear year, int level) {
        LocalDate start = year.firstDay().plusDays(24);
        boolean current = year.equals(current());
        LocalDate lastDay = current ? today : year.lastDay().minusDays(14);
        note(h, student, start.plusDays(30 + random.nextInt(40)), "Oudergesprek", true, "Startgesprek",
                first + " is goed gestart in groep " + level + ". We spraken af om over zes weken te evalueren.");
        note(h, student, start.plusDays(60 + random.nextInt(40)), "Intern zorgoverleg", false, "Zorgoverleg",
                "Besproken in het zorgteam (niet voor ouders).");
        if (random.nextDouble() < 0.3 || student.equals(SANNE)) {
            note(h, student, min(lastDay, start.plusDays(150 + random.nextInt(60))), "Oudergesprek", true,
                    "Voortgang lezen", first + " leest vlotter; thuis samen lezen helpt echt.");
        }
        if (random.nextDouble() < 0.25 || student.equals(SANNE)) {
            h.execute("insert into plan values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "p" + (++itemNumber), student,
                    "Handelingsplan lezen", min(lastDay, start.plusDays(70)), year.lastDay().minusDays(30),
                    first + " leest trager dan verwacht (AVI E" + Math.max(3, level) + ").",
                    "Aan het eind van de periode leest " + first + " op AVI-niveau M" + Math.min(7, level + 1) + ".",
                    "Dagelijks tien minuten duolezen en wekelijks RALFI-lezen.",
                    "Door de leerkracht en de remedial teacher, in de groep en daarbuiten.",
                    current ? null : "Doel gehaald; het plan is afgesloten.");
        }
        for (int r = 1; r <= 2; r++) {
            LocalDate date = r == 1 ? LocalDate.of(year.startYear() + 1, 2, 12) : LocalDate.of(year.startYear() + 1, 7, 3);
            if (current && date.isAfter(today.plusDays(60))) {
                continue;
            }
            boolean locked = !date.isAfter(today);
            String report = "r" + (++itemNumber);
            h.execute("insert into report values (?, ?, ?, ?, ?, ?)", report, student, "Rapport " + r + " – groep " + level,
                    date, locked, first + " werkt met plezier en hulpvaardig; blijf zo doorgaan!");
            int position = 0;
            for (int s = 0; s < SUBJECTS.length; s++) {
                h.execute("insert into report_line values (?, ?, ?, ?, ?)", report, ++position, SUBJECTS[s],
                        SUBJECTS[s].equals("Rekenen") ? "Tafels en bewerkingen" : "Beheersing", MARKS[random.nextInt(MARKS.length)]);
            }
        }
        for (int t = 0; t < 6; t++) {
            int subject = random.nextInt(SUBJECTS.length);
            LocalDate date = start.plusDays(20 + 45L * t + random.nextInt(10));
            if (date.isAfter(lastDay)) {
                break;
            }
            h.execute("insert into method_test values (?, ?, ?, ?, ?, ?, ?, ?)", "mt" + (++itemNumber), student,
                    SUBJECTS[subject], METHODS[subject], "Blok " + (t + 1), date,
                    String.format(java.util.Locale.ROOT, "%d,%d", 5 + random.nextInt(5), random.nextInt(10)), null);
        }
        if (level >= 3) {
            String[] levels = {"1F", "2F", "1S"};
            for (String[] moment : new String[][] {{"M", "01-25"}, {"E", "06-10"}}) {
                LocalDate date = java.time.MonthDay.parse("--" + moment[1]).atYear(year.startYear() + 1);
                if (date.isAfter(today)) {
                    continue;
                }
                boolean iep = level >= 6 || random.nextBoolean();
                String family = iep ? "IEP" : "CITO";
                String result = iep ? levels[random.nextInt(levels.length)] : new String[] {"I", "II", "III", "IV", "V"}[random.nextInt(5)];
                h.execute("insert into national_test values (?, ?, ?, ?, ?, ?, ?, ?)", "nt" + (++itemNumber), student, family,
                        (iep ? "Rekenen " : "Rekenen-Wiskunde ") + moment[0] + level, date, result,
                        random.nextBoolean() ? result : null, iep ? String.valueOf(60 + random.nextInt(40)) : null);
            }
        }
    }

    private void note(Handle h, String student, LocalDate date, String category, boolean published, String subject, String text) {
        if (!date.isAfter(today)) {
            h.execute("insert into note values (?, ?, ?, ?, ?, ?, ?, ?)", "n" + (++itemNumber), student, date, category,
                    published, subject, text, "Juf Ineke de Boer");
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private SchoolYear current() {
        return current;
    }

    /** A weekly timetable for every current group and homework for groups 5 to 8. */
    private void timetablesAndHomework(Handle h, String school) {
        String[][] week = {{"Rekenen", "08:30", "09:30"}, {"Taal", "09:30", "10:15"}, {"Lezen", "10:30", "11:15"},
            {"Wereldoriëntatie", "11:15", "12:00"}, {"Gym", "13:00", "13:45"}};
        for (int level = 1; level <= 8; level++) {
            String group = groupId(school, current, level);
            for (int day = 1; day <= 5; day++) {
                for (int slot = 0; slot < week.length; slot++) {
                    if (day == 3 && slot > 2) {
                        continue;
                    }
                    String[] lesson = week[(slot + day) % week.length];
                    h.execute("insert into lesson values (?, ?, ?, ?, ?, ?, ?)", group, day, week[slot][1], week[slot][2],
                            lesson[0], lesson[0].equals("Gym") ? "Meester Bas (vakleerkracht)" : null,
                            lesson[0].equals("Gym") ? "Gymzaal" : "Lokaal " + level);
                }
            }
            if (level >= 5) {
                h.execute("insert into homework values (?, ?, ?, ?, ?)", "hw" + (++itemNumber), group, "Topografie",
                        "Leer de provincies en hun hoofdsteden", today.plusDays(3));
                h.execute("insert into homework values (?, ?, ?, ?, ?)", "hw" + (++itemNumber), group, "Spreekbeurt",
                        "Bereid je spreekbeurt voor (5 minuten)", today.plusDays(12));
            }
        }
    }

    private void link(Handle h, String guardian, String student, String relation, boolean viewingRight) {
        h.execute("insert into guardian_link values (?, ?, ?, ?)", guardian, student, relation, viewingRight);
    }

    private void absence(Handle h, String student, LocalDate from, LocalDate until, String reason, boolean authorised) {
        h.execute("insert into absence values (?, ?, ?, ?, ?, ?)", "a" + (++absenceNumber), student, from, until, reason,
                authorised);
    }

    private void activities(Handle h, String school) {
        String[][] plan = {{"Startweek", "08-25"}, {"Informatieavond", "09-15"}, {"Herfstvakantie", "10-17"},
            {"Sinterklaasviering", "12-05"}, {"Kerstviering", "12-18"}, {"Rapportgesprekken", "02-12"},
            {"Koningsspelen", "04-24"}, {"Schoolreis", "06-10"}};
        List<String> ids = new ArrayList<>();
        for (int back = 2; back >= 0; back--) {
            SchoolYear year = new SchoolYear(current.startYear() - back);
            for (String[] item : plan) {
                String id = school + "-act-" + year.startYear() + "-" + ids.size();
                ids.add(id);
                MonthDay day = MonthDay.parse("--" + item[1]);
                LocalDate start = day.atYear(day.getMonthValue() >= 8 ? year.startYear() : year.startYear() + 1);
                LocalDate end = item[0].endsWith("vakantie") ? start.plusDays(8) : start;
                h.execute("insert into activity values (?, ?, ?, ?, ?, ?, ?)", id, school, item[0], null, start, end, true);
                if (item[0].equals("Schoolreis")) {
                    h.execute("insert into activity_group values (?, ?)", id, groupId(school, year, 8));
                }
            }
            String unpublished = school + "-act-" + year.startYear() + "-concept";
            h.execute("insert into activity values (?, ?, ?, ?, ?, ?, ?)", unpublished, school, "Teamuitje (concept)", null,
                    year.firstDay().plusWeeks(12), year.firstDay().plusWeeks(12), false);
        }
    }
}
