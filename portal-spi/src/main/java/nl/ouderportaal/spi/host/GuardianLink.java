package nl.ouderportaal.spi.host;

import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;

/**
 * The link between a guardian and a student, with the viewing right (Inzage ouderportaal, R-ACC-5).
 *
 * <p>A child appears in a guardian's portal only while {@code viewingRight} is on for this link; the
 * host changes it and the portal reads it on every request, so a change takes effect at once.
 *
 * @param guardianId required
 * @param studentId required
 * @param relation required
 * @param viewingRight whether the guardian may see this child in the portal
 * @since 0.1
 */
public record GuardianLink(GuardianId guardianId, StudentId studentId, GuardianRelation relation, boolean viewingRight) {

    public GuardianLink {
        Objects.requireNonNull(guardianId, "guardianId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(relation, "relation");
    }
}
