package nl.ouderportaal.modules.notes;

import java.util.List;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies a student's notes, of every category (published or not: the module filters). Implemented by
 * the host; thread-safe; never {@code null}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface NoteSource {

    /** The student's notes dated in the school year. One call per child and year. */
    List<Note> notes(StudentId student, SchoolYear year);
}
