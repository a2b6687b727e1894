package nl.ouderportaal.spi.host;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies groups. Required by the portal core.
 *
 * <p>Implementations must be thread-safe. Results are never {@code null}.
 *
 * <pre>{@code
 * Map<StudentId, Group> groups = groupSource.groupsOfStudents(List.of(sanne, daan), year);
 * }</pre>
 *
 * @since 0.1
 */
public interface GroupSource {

    /** Every group of the school in the school year, in any order. */
    List<Group> groups(SchoolId school, SchoolYear year);

    /**
     * The group each given student is in during the school year; students without a group that year
     * are left out. One call per guardian.
     */
    Map<StudentId, Group> groupsOfStudents(Collection<StudentId> students, SchoolYear year);
}
