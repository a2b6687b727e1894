package nl.ouderportaal.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffId;

/**
 * A live portal session, as resolved from its token on a request.
 *
 * @param guardian whose portal the session shows
 * @param impersonator the administrator viewing as the guardian, or {@code null} for the guardian themself
 * @param impersonatorName the administrator's name, or {@code null}
 * @param impersonatorSchools the schools the administrator serves; empty for the guardian
 * @param createdAt when it started
 * @param expiresAt when it ends at the latest (the absolute timeout)
 */
public record Session(GuardianId guardian, StaffId impersonator, String impersonatorName,
                      Set<SchoolId> impersonatorSchools, Instant createdAt, Instant expiresAt) {

    /** What every refused write in an impersonation says (R-IMP-2, the seed's words). */
    public static final LocalizedText READ_ONLY = LocalizedText.of(
            "Let op: aangezien je bent ingelogd als applicatiebeheerder zullen je wijzigingen niet worden opgeslagen of verzonden.",
            // The seed's meaning, word for word, with its role: an "applicatiebeheerder" is an application administrator.
            "Note: since you are logged in as an application administrator, your changes will not be saved or sent.");

    public Session {
        Objects.requireNonNull(guardian, "guardian");
        impersonatorSchools = Set.copyOf(impersonatorSchools);
    }

    /**
     * The permit every write on behalf of a guardian asks for first: refused in an impersonation, so that
     * nothing is stored or sent (R-IMP-2, ARCHITECTURE.md principle 9).
     *
     * @throws ImpersonationReadOnlyException in an impersonation
     */
    public void requireWritable() {
        if (isImpersonation()) {
            throw new ImpersonationReadOnlyException();
        }
    }

    /** Impersonation sessions are read-only by construction (R-IMP-2). */
    public boolean isImpersonation() {
        return impersonator != null;
    }
}
