package nl.ouderportaal.modules.absences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The absences module")
class AbsencesModuleTest {

    private static final StudentId SANNE = TestContexts.SANNE;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final SchoolYear YEAR = SchoolYear.containing(TODAY);

    private final List<Absence> absences = new ArrayList<>();
    private final AbsencesModule module = new AbsencesModule();

    private ChildContext<AbsencesOptions> context(SchoolYear year) {
        return new TestContexts().with(AbsenceSource.class, (student, schoolYear) -> List.copyOf(absences))
                .child(AbsencesOptions.DEFAULTS, year);
    }

    private void absent(String id, LocalDate from, LocalDate until, String reason, boolean authorised) {
        absences.add(new Absence(id, SANNE, from, until, reason, authorised));
    }

    @Test
    void declaresItsSourceAndCanShowOnTheDashboardAndEarlierYears() {
        assertThat(module.descriptor().requiredSources()).containsExactlyInAnyOrder(AbsenceSource.class,
                nl.ouderportaal.spi.host.GroupSource.class);
        assertThat(module.actions()).allSatisfy(action -> assertThat(action.requiredSinks()).containsExactly(AbsenceReportSink.class))
                .extracting(a -> a.descriptor().id()).containsExactly("report-sick", "report-recovered", "request-leave");
        assertThat(module.descriptor().dashboardCapable()).isTrue();
        assertThat(module.descriptor().earlierSchoolYears()).isTrue();
    }

    @Test
    void theOptionsKeepTheReasonsInOneOrderWhateverOrderTheSchoolGaveThemIn() {
        var given = new java.util.LinkedHashSet<>(List.of(SickReason.OTHER, SickReason.DENTIST, SickReason.SICK));
        AbsencesOptions options = new AbsencesOptions(true, false, false, java.time.LocalTime.of(8, 30), given, 7, 5,
                "verzuim@example.org");

        assertThat(options.reasons()).containsExactly(SickReason.SICK, SickReason.DENTIST, SickReason.OTHER);
        assertThatThrownBy(() -> options.reasons().add(SickReason.DOCTOR)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listsReasonPeriodAndAuthorisationNewestFirstWithCounts() {
        absent("1", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 1), "Tandarts", true);
        absent("2", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 4), "Griep", true);
        absent("3", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 15), "Ongeoorloofd verzuim", false);

        var section = module.childPage(context(YEAR)).get(0);

        Block.Fields counts = (Block.Fields) section.blocks().get(0);
        assertThat(counts.fields()).extracting(Block.Field::value).containsExactly(Value.text("2"), Value.text("1"));
        Block.Table table = (Block.Table) section.blocks().get(1);
        assertThat(table.rows()).extracting(row -> row.get(1)).containsExactly(Value.text("Griep"),
                Value.text("Ongeoorloofd verzuim"), Value.text("Tandarts"));
        assertThat(table.rows().get(0).get(0)).isEqualTo(Value.dayRange(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 4)));
        assertThat(table.rows().get(1).get(2)).isEqualTo(Value.localized("Nee", "No"));
    }

    @Test
    void ignoresAbsencesOutsideTheAskedSchoolYearOrOfAnotherChild() {
        absent("old", LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 1), "Ziek", true);
        absences.add(new Absence("other", StudentId.of("someone-else"), TODAY, TODAY, "Ziek", true));

        Block.Table table = (Block.Table) module.childPage(context(YEAR)).get(0).blocks().get(1);

        assertThat(table.rows()).isEmpty();
        assertThat(table.emptyMessage().nl()).isEqualTo("Er zijn geen absenties in schooljaar 2025-2026.");
    }

    @Test
    void theDashboardShowsAtMostFiveRecentAbsencesAndNoFutureOnes() {
        for (int i = 1; i <= 7; i++) {
            absent("r" + i, TODAY.minusDays(i), TODAY.minusDays(i), "Ziek", true);
        }
        absent("old", TODAY.minusDays(AbsencesModule.DASHBOARD_DAYS + 1), TODAY.minusDays(AbsencesModule.DASHBOARD_DAYS + 1), "Ziek", true);
        absent("planned", TODAY.plusDays(3), TODAY.plusDays(3), "Verlof", true);

        List<DashboardEntry> entries = module.dashboard(context(YEAR));

        assertThat(entries).hasSize(AbsencesModule.DASHBOARD_LIMIT)
                .allSatisfy(e -> assertThat(e.child()).isEqualTo(SANNE))
                .extracting(DashboardEntry::date).containsExactly(TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(3),
                        TODAY.minusDays(4), TODAY.minusDays(5));
        assertThat(entries.get(0).title().en()).isEqualTo("Authorised absence: Ziek");
    }

    @Test
    void anAbsenceCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> absent("x", TODAY, TODAY.minusDays(1), "Ziek", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
