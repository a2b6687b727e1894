package nl.ouderportaal.modules.absences;

import java.util.List;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies a student's absences. Implemented by the host; needed by {@link AbsencesModule}.
 *
 * <p>Implementations must be thread-safe and never return {@code null}.
 *
 * <pre>{@code
 * Portal.builder().source(AbsenceSource.class, (student, year) -> sis.absences(student.value(), year.startYear()));
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AbsenceSource {

    /** The student's absences that overlap the school year, in any order. One call per child and year. */
    List<Absence> absences(StudentId student, SchoolYear year);
}
