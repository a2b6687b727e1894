package nl.ouderportaal.modules.plans;

import java.util.List;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies a student's plans. Implemented by the host; thread-safe; never {@code null}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PlanSource {

    /** The student's plans that start in the school year. One call per child and year. */
    List<Plan> plans(StudentId student, SchoolYear year);
}
