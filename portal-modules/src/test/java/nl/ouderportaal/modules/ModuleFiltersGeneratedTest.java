package nl.ouderportaal.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.modules.groups.Classmate;
import nl.ouderportaal.modules.groups.GroupsModule;
import nl.ouderportaal.modules.groups.GroupsOptions;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.modules.notes.NotesOptions;
import nl.ouderportaal.modules.plans.Plan;
import nl.ouderportaal.modules.plans.PlansModule;
import nl.ouderportaal.modules.plans.PlansOptions;
import nl.ouderportaal.modules.reports.Report;
import nl.ouderportaal.modules.reports.ReportsModule;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.PersonName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The modules' own item rules (ARCHITECTURE.md principle 8) against an independent statement of SPEC
 * R-MOD-4 / R-POR-2 / R-POR-3, over 10,000 generated children's worth of notes, plans, reports and classmates.
 */
@DisplayName("Module item rules agree with an independent oracle")
class ModuleFiltersGeneratedTest {

    private static final int WORLDS = 10_000;
    private static final StudentId CHILD = StudentId.of("child");

    @Test
    void notesPlansReportsAndClassmateAddressesIn10000GeneratedWorlds() {
        int disagreements = 0;
        int shownItems = 0;
        for (long seed = 0; seed < WORLDS; seed++) {
            Random random = new Random(seed);
            LocalDate start = random.nextBoolean() ? null : LocalDate.of(2025, 8, 1).plusDays(random.nextInt(300));

            List<Note> notes = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                notes.add(new Note("n" + i, CHILD, LocalDate.of(2025, 8, 1).plusDays(random.nextInt(365)), "c",
                        random.nextBoolean(), "s", "t", null));
            }
            NotesOptions notesOptions = new NotesOptions(start, random.nextBoolean());
            // Oracle: "notes dated before [the start date] are never shown"; "per note category whether it is published".
            Set<String> expectedNotes = notes.stream()
                    .filter(n -> n.categoryPublished() && (start == null || n.date().compareTo(start) >= 0))
                    .map(Note::id).collect(Collectors.toSet());
            Set<String> actualNotes = NotesModule.visible(notes, notesOptions).stream().map(Note::id).collect(Collectors.toSet());

            List<Plan> plans = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                plans.add(new Plan("p" + i, CHILD, "plan", LocalDate.of(2025, 8, 1).plusDays(random.nextInt(365)), null,
                        null, null, null, null, null));
            }
            Set<String> expectedPlans = plans.stream()
                    .filter(p -> start == null || !start.isAfter(p.start())).map(Plan::id).collect(Collectors.toSet());
            Set<String> actualPlans = PlansModule.visible(plans, new PlansOptions(start, "x")).stream()
                    .map(Plan::id).collect(Collectors.toSet());

            List<Report> reports = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                reports.add(new Report("r" + i, CHILD, "r", LocalDate.of(2026, 1, 1).plusDays(i), random.nextBoolean(),
                        List.of(), null));
            }
            Set<String> expectedReports = new HashSet<>();
            for (Report report : reports) {
                if (report.locked()) {
                    expectedReports.add(report.id());
                }
            }
            Set<String> actualReports = ReportsModule.visible(reports).stream().map(Report::id).collect(Collectors.toSet());

            Classmate classmate = new Classmate(StudentId.of("c"), new PersonName(null, "A", null, "B"),
                    random.nextInt(5) == 0 ? null : new Address("Straat", "1", null, "Zeist", null), random.nextBoolean());
            boolean allow = random.nextBoolean();
            // Oracle: addresses only where allowed, "never for a student whose address is marked secret".
            boolean expectedAddress = allow && classmate.address() != null && !classmate.addressSecret();
            boolean actualAddress = GroupsModule.addressShown(classmate, new GroupsOptions(allow));

            if (!expectedNotes.equals(actualNotes) || !expectedPlans.equals(actualPlans)
                    || !expectedReports.equals(actualReports) || expectedAddress != actualAddress) {
                disagreements++;
            }
            shownItems += actualNotes.size() + actualPlans.size() + actualReports.size();
        }

        assertThat(disagreements).isZero();
        assertThat(shownItems).as("the worlds show items, not only empty pages").isGreaterThan(WORLDS);
    }
}
