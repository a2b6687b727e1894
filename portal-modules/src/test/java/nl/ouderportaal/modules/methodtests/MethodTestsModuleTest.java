package nl.ouderportaal.modules.methodtests;

import static nl.ouderportaal.modules.support.TestContexts.SANNE;
import static nl.ouderportaal.modules.support.TestContexts.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The method tests module")
class MethodTestsModuleTest {

    private final TestContexts contexts = new TestContexts().with(MethodTestSource.class, (student, year) -> List.of(
            new MethodTestResult("t1", SANNE, "Rekenen", "Wereld in getallen", "Blok 3", TODAY.minusDays(5), "8,5", null),
            new MethodTestResult("t2", SANNE, "Spelling", "Staal", "Dictee 4", TODAY.minusDays(30), "Goed", "Mooi werk"),
            new MethodTestResult("old", SANNE, "Rekenen", null, "Blok 1", LocalDate.of(2024, 10, 1), "7", null)));

    @Test
    void oneTablePerSubjectAndEachTestAsADetailSection() {
        List<Section> page = new MethodTestsModule().childPage(contexts.child(NoOptions.INSTANCE));

        assertThat(page.get(0).blocks()).extracting(b -> ((Block.Table) b).headers().get(0).nl()).containsExactly("Rekenen", "Spelling");
        assertThat(page).extracting(Section::anchor).containsExactly(null, "t1", "t2");
        assertThat(new MethodTestsModule().dashboard(contexts.child(NoOptions.INSTANCE)))
                .extracting(e -> e.title().nl()).containsExactly("Toetsresultaat Rekenen: Blok 3");
    }
}
