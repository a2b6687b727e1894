package nl.ouderportaal.modules.methodtests;

import java.util.List;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies a student's method-test results. Implemented by the host; thread-safe; never {@code null}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MethodTestSource {

    /** The student's results of the school year. One call per child and year. */
    List<MethodTestResult> methodTestResults(StudentId student, SchoolYear year);
}
