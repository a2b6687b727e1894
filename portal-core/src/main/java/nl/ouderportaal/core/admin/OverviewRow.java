package nl.ouderportaal.core.admin;

import java.time.Instant;
import java.util.List;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.mail.DeliveryStatus;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.PersonName;

/**
 * One guardian in the account overview (R-ACC-11).
 *
 * @param guardian the guardian
 * @param name the guardian's name
 * @param email the account's address, or the host's when there is no account yet
 * @param status the account status
 * @param lastLogin the last login, or {@code null}
 * @param lastInvitation where the last invitation is (queued, sent, failed), or {@code null} when none was sent
 * @param children the guardian's children at the school, with the viewing right
 */
public record OverviewRow(GuardianId guardian, PersonName name, String email, AccountStatus status, Instant lastLogin,
                          DeliveryStatus lastInvitation, List<Child> children) {

    public OverviewRow {
        children = List.copyOf(children);
    }

    /**
     * A child of the guardian at the school.
     *
     * @param student the child's id, to address the child (e.g. to change the viewing right)
     * @param name the child's name
     * @param group the child's group this year, or {@code null}
     * @param viewingRight whether the guardian may see the child in the portal
     */
    public record Child(StudentId student, PersonName name, String group, boolean viewingRight) {
    }
}
