package nl.ouderportaal.spi.host;

import java.util.List;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;

/**
 * Supplies the activities the school published in its year plan. Required by the portal core.
 *
 * <p>Implementations must be thread-safe, return only activities the school chose to publish, and
 * never {@code null}.
 *
 * @since 0.1
 */
public interface ActivitySource {

    /** The published activities of the school that overlap the school year, in any order. */
    List<Activity> publishedActivities(SchoolId school, SchoolYear year);
}
