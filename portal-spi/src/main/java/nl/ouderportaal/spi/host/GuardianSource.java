package nl.ouderportaal.spi.host;

import java.util.List;
import java.util.Optional;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;

/**
 * Supplies guardians and their links to students. Required by the portal core.
 *
 * <p>Implementations must be thread-safe, must return links with and without the viewing right, and
 * never {@code null}.
 *
 * <pre>{@code
 * List<GuardianLink> links = guardianSource.linksOfGuardian(GuardianId.of("g1"));
 * }</pre>
 *
 * @since 0.1
 */
public interface GuardianSource {

    /** The guardian, or empty when the host does not know the id. */
    Optional<Guardian> guardian(GuardianId id);

    /** Every link of the guardian to a student, at any school. One call per guardian. */
    List<GuardianLink> linksOfGuardian(GuardianId id);

    /**
     * Every guardian linked to a student of the school (in education or not), with those links, for the
     * staff's account overview. One call per overview; may be large, so return it as the host stores it.
     */
    List<GuardianWithLinks> guardiansOfSchool(SchoolId school);
}
