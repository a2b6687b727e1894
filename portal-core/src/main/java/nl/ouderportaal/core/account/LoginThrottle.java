package nl.ouderportaal.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.store.Timestamps;

/**
 * Counts consecutive failed logins per normalised email address, in the shared store so that every node
 * counts the same failures. After {@link AccountSettings#FAILURES_BEFORE_WAIT} failures the address waits
 * 1 minute, doubling with each further failure up to 15 minutes. Per account, not per IP: a guardian
 * behind a school's or a mobile network's shared address is not locked out by others.
 */
final class LoginThrottle {

    private final PortalStore store;

    LoginThrottle(PortalStore store) {
        this.store = store;
    }

    /** Until when the address must wait, if it must. */
    Optional<Instant> lockedUntil(String email, Instant now) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "select locked_until from login_throttle where email_normalized = :e")
                .bind("e", EmailAddresses.normalize(email))
                .map((rs, ctx) -> Optional.ofNullable(Timestamps.fromColumn(rs, "locked_until")))
                .findOne().flatMap(o -> o).filter(until -> until.isAfter(now)));
    }

    /** Counts a failure; returns the new count. */
    int failure(String email, Instant now) {
        String key = EmailAddresses.normalize(email);
        return store.jdbi().inTransaction(h -> {
            int updated = h.createUpdate("""
                            update login_throttle set consecutive_failures = consecutive_failures + 1, updated_at = :now
                            where email_normalized = :e""")
                    .bind("e", key).bind("now", Timestamps.toColumn(now)).execute();
            if (updated == 0) {
                try {
                    h.createUpdate("""
                                    insert into login_throttle (email_normalized, consecutive_failures, updated_at)
                                    values (:e, 1, :now)""")
                            .bind("e", key).bind("now", Timestamps.toColumn(now)).execute();
                } catch (RuntimeException raced) {
                    // Another node inserted the row first: count on it.
                    h.createUpdate("""
                                    update login_throttle set consecutive_failures = consecutive_failures + 1, updated_at = :now
                                    where email_normalized = :e""")
                            .bind("e", key).bind("now", Timestamps.toColumn(now)).execute();
                }
            }
            int failures = h.createQuery("select consecutive_failures from login_throttle where email_normalized = :e")
                    .bind("e", key).mapTo(Integer.class).one();
            if (failures >= AccountSettings.FAILURES_BEFORE_WAIT) {
                h.createUpdate("update login_throttle set locked_until = :until where email_normalized = :e")
                        .bind("until", Timestamps.toColumn(now.plus(wait(failures)))).bind("e", key).execute();
            }
            return failures;
        });
    }

    void success(String email) {
        store.jdbi().useHandle(h -> h.createUpdate("delete from login_throttle where email_normalized = :e")
                .bind("e", EmailAddresses.normalize(email)).execute());
    }

    static Duration wait(int failures) {
        int doublings = Math.min(failures - AccountSettings.FAILURES_BEFORE_WAIT, 10);
        Duration wait = AccountSettings.FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(AccountSettings.LONGEST_WAIT) > 0 ? AccountSettings.LONGEST_WAIT : wait;
    }
}
