package nl.ouderportaal.modules.notes;

import java.time.LocalDate;

/**
 * The notes module's options (R-MOD-4).
 *
 * @param startDate notes dated before it are never shown; {@code null} for no limit
 * @param repliesAllowed whether guardians may reply to notes
 */
public record NotesOptions(LocalDate startDate, boolean repliesAllowed) {

    public static final NotesOptions DEFAULTS = new NotesOptions(null, false);
}
