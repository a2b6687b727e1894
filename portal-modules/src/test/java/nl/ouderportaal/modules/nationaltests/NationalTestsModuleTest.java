package nl.ouderportaal.modules.nationaltests;

import static nl.ouderportaal.modules.support.TestContexts.SANNE;
import static nl.ouderportaal.modules.support.TestContexts.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The national tests module")
class NationalTestsModuleTest {

    private final NationalTestResult iep = new NationalTestResult("n1", SANNE, "IEP", "Rekenen groep 7", TODAY.minusDays(3),
            "1F", "2F", "82");
    private final NationalTestResult cito = new NationalTestResult("n2", SANNE, "CITO", "Begrijpend lezen M5", TODAY.minusDays(20),
            "III", null, null);

    @Test
    void eachFamilyInThePresentationTheSchoolChose() {
        var options = new NationalTestsOptions(Map.of("iep", Presentation.LEVEL_VALUE, "CITO", Presentation.LEVEL), Presentation.LEVEL);

        assertThat(NationalTestsModule.shown(iep, options)).isEqualTo(Presentation.LEVEL_VALUE);
        assertThat(iep.in(NationalTestsModule.shown(iep, options))).isEqualTo("82");
    }

    @Test
    void aResultWithoutTheChosenPresentationShowsWhatExistsNotABlank() {
        var options = new NationalTestsOptions(Map.of("CITO", Presentation.ADJUSTED_LEVEL), Presentation.LEVEL);
        var contexts = new TestContexts().with(NationalTestSource.class, (student, year) -> List.of(iep, cito));

        Block.Table table = (Block.Table) new NationalTestsModule().childPage(contexts.child(options)).get(0).blocks().get(0);

        assertThat(NationalTestsModule.shown(cito, options)).isEqualTo(Presentation.LEVEL);
        assertThat(table.rows()).extracting(r -> r.get(3)).containsExactly(Value.text("1F"), Value.text("III"));
        assertThat(table.rows().get(1).get(2)).isEqualTo(Value.localized(Presentation.LEVEL.label()));
    }
}
