package nl.ouderportaal.spi.host;

import java.util.Collection;
import java.util.List;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies students. Required by the portal core.
 *
 * <p>Implementations must be thread-safe and must return students whatever their enrolment status:
 * the portal's visibility policy decides who is shown. Results are never {@code null}.
 *
 * <pre>{@code
 * List<Student> children = studentSource.students(List.of(StudentId.of("s1"), StudentId.of("s2")));
 * }</pre>
 *
 * @since 0.1
 */
public interface StudentSource {

    /** The students with the given ids, in any order; unknown ids are left out. One call per guardian. */
    List<Student> students(Collection<StudentId> ids);
}
