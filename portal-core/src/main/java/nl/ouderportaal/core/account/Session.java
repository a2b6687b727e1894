package nl.ouderportaal.core.account;

import java.time.Instant;
import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StaffId;

/**
 * A live portal session, as resolved from its token on a request.
 *
 * @param guardian whose portal the session shows
 * @param impersonator the administrator viewing as the guardian, or {@code null} for the guardian themself
 * @param impersonatorName the administrator's name, or {@code null}
 * @param createdAt when it started
 * @param expiresAt when it ends at the latest (the absolute timeout)
 */
public record Session(GuardianId guardian, StaffId impersonator, String impersonatorName, Instant createdAt,
                      Instant expiresAt) {

    public Session {
        Objects.requireNonNull(guardian, "guardian");
    }

    /** Impersonation sessions are read-only by construction (R-IMP-2). */
    public boolean isImpersonation() {
        return impersonator != null;
    }
}
