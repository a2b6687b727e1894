package nl.ouderportaal.spi.host;

import java.util.Collection;
import java.util.List;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;

/**
 * Supplies schools and the school years the host has data for. Required by the portal core.
 *
 * <p>Implementations must be thread-safe. Results are never {@code null}.
 *
 * <pre>{@code
 * Portal.builder().source(SchoolSource.class, new JdbcSchoolSource(dataSource));
 * }</pre>
 *
 * @since 0.1
 */
public interface SchoolSource {

    /**
     * The schools with the given ids, in any order; unknown ids are left out. One call per guardian.
     */
    List<School> schools(Collection<SchoolId> ids);

    /**
     * The school years for which the host has data at this school, in any order. A guardian may switch
     * to an earlier year only if it is listed here (R-POR-4).
     */
    List<SchoolYear> schoolYears(SchoolId school);
}
