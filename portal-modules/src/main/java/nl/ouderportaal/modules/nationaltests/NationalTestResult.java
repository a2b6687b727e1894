package nl.ouderportaal.modules.nationaltests;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.StudentId;

/**
 * A result of a national test (niet-methodetoets) such as IEP or CITO, in each presentation the host has.
 *
 * @param id the host's id, required
 * @param student required
 * @param family the test family, for example "IEP" or "CITO", required
 * @param test the test's name, for example "Rekenen-Wiskunde M5", required
 * @param date required
 * @param level optional
 * @param adjustedLevel optional
 * @param levelValue optional
 * @since 0.1
 */
public record NationalTestResult(String id, StudentId student, String family, String test, LocalDate date, String level,
                                 String adjustedLevel, String levelValue) {

    public NationalTestResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(date, "date");
    }

    /** The value in a presentation, or {@code null} when the host has none. */
    public String in(Presentation presentation) {
        return switch (presentation) {
            case LEVEL -> level;
            case ADJUSTED_LEVEL -> adjustedLevel;
            case LEVEL_VALUE -> levelValue;
        };
    }
}
