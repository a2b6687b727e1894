package nl.ouderportaal.core.account;

import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;

/**
 * What every write on behalf of a guardian takes (ARCHITECTURE.md principle 15): proof that a guardian's
 * own, live session asks for it. Only {@link Authentication#writePermit(String)} makes one, and it
 * refuses an impersonation session with the seed's message (R-IMP-2), so a read-only session cannot
 * reach a write at all: not by a check each write must remember, but because it cannot produce the
 * argument. Reads take a {@link nl.ouderportaal.core.guardian.Viewer}.
 *
 * <p>Immutable; lives for one request. Do not keep it: the session may end.
 */
public final class WritePermit {

    private final GuardianId guardian;
    private final String sessionToken;

    WritePermit(GuardianId guardian, String sessionToken) {
        this.guardian = Objects.requireNonNull(guardian, "guardian");
        this.sessionToken = Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /** The session that asked, for a write that ends the guardian's other sessions (a password change). */
    String sessionToken() {
        return sessionToken;
    }

    /** The guardian who writes. */
    public GuardianId guardian() {
        return guardian;
    }

    @Override
    public String toString() {
        return "WritePermit[" + guardian + "]";
    }
}
