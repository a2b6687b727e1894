package nl.ouderportaal.modules.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.host.GeneralPractitioner;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The medical module")
class MedicalModuleTest {

    @Test
    void showsEveryMedicalFieldAndADashWhereTheHostHasNothing() {
        var contexts = new TestContexts().with(MedicalSource.class, student -> Optional.of(new MedicalRecord(
                new GeneralPractitioner("Dr. Visser", "Huisartsenpraktijk Centrum", "030-6990000", null),
                "Ventolin bij benauwdheid", null, "Pinda's", null)));

        Block.Fields fields = (Block.Fields) new MedicalModule().childPage(contexts.child(NoOptions.INSTANCE)).get(0).blocks().get(0);

        assertThat(fields.fields()).extracting(f -> f.label().en()).containsExactly("GP", "GP's phone", "Medicines",
                "Limitations", "Allergies", "Other medical information");
        assertThat(fields.fields()).extracting(Block.Field::value).containsExactly(
                Value.text("Dr. Visser, Huisartsenpraktijk Centrum"), Value.text("030-6990000"),
                Value.text("Ventolin bij benauwdheid"), new Value.Empty(), Value.text("Pinda's"), new Value.Empty());
    }

    @Test
    void aChildWithoutMedicalDataShowsEmptyFields() {
        var contexts = new TestContexts().with(MedicalSource.class, student -> Optional.empty());

        Block.Fields fields = (Block.Fields) new MedicalModule().childPage(contexts.child(NoOptions.INSTANCE)).get(0).blocks().get(0);

        assertThat(fields.fields()).allSatisfy(f -> assertThat(f.value()).isEqualTo(new Value.Empty()));
    }
}
