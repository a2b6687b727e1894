package nl.ouderportaal.modules.reports;

import static nl.ouderportaal.modules.support.TestContexts.SANNE;
import static nl.ouderportaal.modules.support.TestContexts.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.view.Section;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reports module")
class ReportsModuleTest {

    private final Report locked = new Report("r1", SANNE, "Rapport 1", TODAY.minusDays(3), true,
            List.of(new Report.Part("Rekenen", List.of(new Report.Line("Tafels", "Goed")))), "Sanne werkt hard.");
    private final Report draft = new Report("r2", SANNE, "Rapport 2 (concept)", TODAY.minusDays(1), false, List.of(), null);
    private final TestContexts contexts = new TestContexts().with(ReportSource.class, (student, year) -> List.of(locked, draft));

    @Test
    void showsOnlyReportsTheSchoolLockedEachAsASectionOfItsOwn() {
        List<Section> page = new ReportsModule().childPage(contexts.child(NoOptions.INSTANCE));

        assertThat(page).extracting(Section::anchor).containsExactly(null, "r1");
        assertThat(page.get(1).title().nl()).isEqualTo("Rapport 1");
        assertThat(ReportsModule.visible(List.of(locked, draft))).containsExactly(locked);
    }

    @Test
    void aNewlyLockedReportIsAnUpdateOnTheDashboard() {
        assertThat(new ReportsModule().dashboard(contexts.child(NoOptions.INSTANCE)))
                .extracting(e -> e.title().en()).containsExactly("New report: Rapport 1");
        assertThat(new ReportsModule().dashboard(contexts.child(NoOptions.INSTANCE)).get(0).date())
                .isEqualTo(LocalDate.of(2026, 3, 7));
    }
}
