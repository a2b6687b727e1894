package nl.ouderportaal.spi.host;

import java.util.List;
import nl.ouderportaal.spi.SchoolId;

/**
 * Supplies a school's staff list. Needed by modules that show staff, never by the core.
 *
 * <p>Implementations must be thread-safe. Results are never {@code null}.
 *
 * @since 0.1
 */
public interface StaffSource {

    /** The school's current staff, in display order. One call per school page. */
    List<StaffMember> staff(SchoolId school);
}
