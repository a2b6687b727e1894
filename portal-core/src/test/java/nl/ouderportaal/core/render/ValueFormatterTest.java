package nl.ouderportaal.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Values are written in Dutch style by default and in English on request")
class ValueFormatterTest {

    private static final Locale NL = LocalizedText.DUTCH;

    @Test
    void daysAndPeriodsInDutch() {
        assertThat(ValueFormatter.format(Value.day(LocalDate.of(2026, 3, 3)), NL)).isEqualTo("3 maart 2026");
        assertThat(ValueFormatter.format(Value.dayRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4)), NL))
                .isEqualTo("2 t/m 4 maart 2026");
        assertThat(ValueFormatter.format(Value.dayRange(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 2)), NL))
                .isEqualTo("27 februari t/m 2 maart 2026");
        assertThat(ValueFormatter.format(Value.dayRange(LocalDate.of(2025, 12, 22), LocalDate.of(2026, 1, 2)), NL))
                .isEqualTo("22 december 2025 t/m 2 januari 2026");
    }

    @Test
    void daysAndPeriodsInEnglish() {
        assertThat(ValueFormatter.format(Value.dayRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4)), Locale.ENGLISH))
                .isEqualTo("2–4 March 2026");
    }

    @Test
    void localisedTextFollowsTheLanguageAndNothingIsShownAsADash() {
        assertThat(ValueFormatter.format(Value.localized("Ja", "Yes"), NL)).isEqualTo("Ja");
        assertThat(ValueFormatter.format(Value.localized("Ja", "Yes"), Locale.ENGLISH)).isEqualTo("Yes");
        assertThat(ValueFormatter.format(Value.text("  "), NL)).isEqualTo("–");
        assertThat(ValueFormatter.format(Value.day(null), NL)).isEqualTo("–");
    }
}
