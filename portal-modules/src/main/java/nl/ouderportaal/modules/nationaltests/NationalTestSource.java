package nl.ouderportaal.modules.nationaltests;

import java.util.List;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies a student's national-test results. Implemented by the host; thread-safe; never {@code null}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface NationalTestSource {

    /** The student's results of the school year. One call per child and year. */
    List<NationalTestResult> nationalTestResults(StudentId student, SchoolYear year);
}
