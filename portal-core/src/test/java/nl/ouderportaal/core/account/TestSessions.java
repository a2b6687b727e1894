package nl.ouderportaal.core.account;

import java.time.Clock;
import java.time.Duration;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.GuardianId;

/** A guardian's live session without a login (and its Argon2 hash), for tests of what comes after it. */
public final class TestSessions {

    private TestSessions() {
    }

    public static String start(Portal portal, PortalStore store, Clock clock, GuardianId guardian) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> new Sessions(store, portal.audit(), clock, Duration.ofMinutes(30),
                Duration.ofHours(12)).start(h, guardian, null, null));
    }
}
