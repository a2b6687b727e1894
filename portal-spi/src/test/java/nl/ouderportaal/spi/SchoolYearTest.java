package nl.ouderportaal.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A school year runs from 1 August to 31 July")
class SchoolYearTest {

    @Test
    void theFirstOfAugustStartsANewSchoolYear() {
        assertThat(SchoolYear.containing(LocalDate.of(2026, 7, 31))).hasToString("2025-2026");
        assertThat(SchoolYear.containing(LocalDate.of(2026, 8, 1))).hasToString("2026-2027");
    }

    @Test
    void parsesItsOwnWrittenForm() {
        assertThat(SchoolYear.parse(" 2025-2026 ")).isEqualTo(new SchoolYear(2025));
        assertThat(new SchoolYear(2025).firstDay()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(new SchoolYear(2025).lastDay()).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void refusesYearsThatAreNotConsecutiveOrNotYears() {
        assertThatThrownBy(() -> SchoolYear.parse("2025-2027")).hasMessageContaining("consecutive");
        assertThatThrownBy(() -> SchoolYear.parse("25-26")).hasMessageContaining("2025-2026");
        assertThatThrownBy(() -> SchoolYear.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsRefuseBlankTooLongAndControlCharacters() {
        assertThatThrownBy(() -> StudentId.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentId.of("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GuardianId.of("g\n1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SchoolId.of("brin-07AB")).hasToString("brin-07AB");
    }
}
