package nl.ouderportaal.modules.support;

import java.time.LocalDate;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;

/** Small helpers the built-in modules share to build their pages. */
public final class Views {

    private Views() {
    }

    public static LocalizedText text(String nl, String en) {
        return LocalizedText.of(nl, en);
    }

    public static Block.Field field(String nl, String en, Value value) {
        return new Block.Field(LocalizedText.of(nl, en), value);
    }

    public static Value yesNo(boolean yes) {
        return yes ? Value.localized("Ja", "Yes") : Value.localized("Nee", "No");
    }

    /** A single day, or a period when the end differs from the start. */
    public static Value period(LocalDate from, LocalDate until) {
        return until == null || from.equals(until) ? Value.day(from) : Value.dayRange(from, until);
    }

    /** "Er zijn geen ... in schooljaar 2025-2026." */
    public static LocalizedText noneInYear(String nlWhat, String enWhat, SchoolYear year) {
        return LocalizedText.of("Er zijn geen " + nlWhat + " in schooljaar " + year + ".",
                "There are no " + enWhat + " in school year " + year + ".");
    }

    /** Whether a dated item falls in the school year. */
    public static boolean inYear(LocalDate date, SchoolYear year) {
        return date != null && year.contains(date);
    }
}
