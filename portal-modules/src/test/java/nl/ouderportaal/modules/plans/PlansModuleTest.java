package nl.ouderportaal.modules.plans;

import static nl.ouderportaal.modules.support.TestContexts.SANNE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The plans module")
class PlansModuleTest {

    private final Plan early = new Plan("p1", SANNE, "Groepsplan rekenen", LocalDate.of(2025, 9, 1), null, "a", "b", "c", "d", "e");
    private final Plan later = new Plan("p2", SANNE, "Handelingsplan lezen", LocalDate.of(2026, 1, 6),
            LocalDate.of(2026, 6, 30), "Sanne leest langzaam.", "AVI E5", "Dagelijks duolezen", "Met de RT'er", "In juni");
    private final TestContexts contexts = new TestContexts().with(PlanSource.class, (student, year) -> List.of(early, later));

    @Test
    void showsPlansStartingOnOrAfterTheStartDate() {
        assertThat(PlansModule.visible(List.of(early, later), new PlansOptions(LocalDate.of(2026, 1, 6), "x")))
                .containsExactly(later);
        assertThat(PlansModule.visible(List.of(early, later), PlansOptions.DEFAULTS)).containsExactly(later, early);
    }

    @Test
    void showsTheFivePartsUnderTheSchoolsLabel() {
        var section = new PlansModule().childPage(contexts.child(new PlansOptions(LocalDate.of(2026, 1, 1), "Beginsituatie"))).get(0);

        Block.Fields plan = (Block.Fields) section.blocks().get(0);
        assertThat(plan.fields()).extracting(f -> f.label().nl()).containsExactly("Plan", "Periode", "Beginsituatie",
                "Doelen", "Aanpak", "Uitvoering", "Evaluatie");
        assertThat(plan.fields().get(2).value()).isEqualTo(Value.text("Sanne leest langzaam."));
        assertThat(section.blocks()).hasSize(1);
    }
}
