package nl.ouderportaal.modules.reports;

import java.util.List;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies a student's reports, locked or not (the module shows only locked ones). Implemented by the
 * host; thread-safe; never {@code null}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ReportSource {

    /** The student's reports of the school year. One call per child and year. */
    List<Report> reports(StudentId student, SchoolYear year);
}
