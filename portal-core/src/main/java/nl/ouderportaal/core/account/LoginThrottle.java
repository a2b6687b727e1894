package nl.ouderportaal.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import org.jdbi.v3.core.Handle;

/**
 * Counts consecutive failed logins per normalised email address, in the shared store so that every node
 * counts the same failures. After {@link AccountSettings#FAILURES_BEFORE_WAIT} failures the address waits
 * 1 minute, doubling with each further failure up to 15 minutes. Per account, not per IP: a guardian
 * behind a school's or a mobile network's shared address is not locked out by others.
 *
 * <p>Attempts for one address are serialised: the address's row is locked while its password is checked,
 * so guesses sent in parallel (to one node or many) are counted one by one and cannot slip past the wait.
 */
final class LoginThrottle {

    private final PortalStore store;

    LoginThrottle(PortalStore store) {
        this.store = store;
    }

    /** The outcome of an attempt. */
    enum Outcome {
        ACCEPTED,
        REFUSED,
        WAITING
    }

    /**
     * Runs one attempt for the address under its lock: {@link Outcome#WAITING} without calling the check
     * while the address must wait; otherwise the check's verdict, counted.
     */
    Outcome attempt(String email, Instant now, BooleanSupplier check) {
        return attempt(Kind.GUARDIAN, email, now, check);
    }

    /** Whose logins a throttle row counts: their names live in separate key spaces. */
    enum Kind {
        GUARDIAN("g:"),
        STAFF("s:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * The row key of a name: the kind's prefix, so that a guardian address typed as {@code staff:...} cannot
     * lock out a staff user, and the normalised name, hashed when it would not fit the column.
     */
    static String key(Kind kind, String name) {
        String normalized = EmailAddresses.normalize(name);
        String key = kind.prefix + normalized;
        return key.length() <= 320 ? key : kind.prefix + "sha256:" + Secrets.hash(normalized);
    }

    Outcome attempt(Kind kind, String name, Instant now, BooleanSupplier check) {
        String key = key(kind, name);
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            ensureRow(h, key, now);
            var row = h.createQuery("select consecutive_failures, locked_until from login_throttle"
                            + " where email_normalized = :e for update")
                    .bind("e", key)
                    .map((rs, ctx) -> new Object[] {rs.getInt("consecutive_failures"), Timestamps.fromColumn(rs, "locked_until")})
                    .one();
            Instant lockedUntil = (Instant) row[1];
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return Outcome.WAITING;
            }
            if (check.getAsBoolean()) {
                h.createUpdate("update login_throttle set consecutive_failures = 0, locked_until = null, updated_at = :now"
                                + " where email_normalized = :e")
                        .bind("e", key).bind("now", Timestamps.toColumn(now)).execute();
                return Outcome.ACCEPTED;
            }
            int failures = (Integer) row[0] + 1;
            h.createUpdate("update login_throttle set consecutive_failures = :f, locked_until = :until, updated_at = :now"
                            + " where email_normalized = :e")
                    .bind("f", failures)
                    .bind("until", failures >= AccountSettings.FAILURES_BEFORE_WAIT
                            ? Timestamps.toColumn(now.plus(wait(failures))) : null)
                    .bind("now", Timestamps.toColumn(now)).bind("e", key).execute();
            return Outcome.REFUSED;
        });
    }

    /** Creates the address's row if it is missing, without failing when another node does so at once. */
    private void ensureRow(Handle h, String key, Instant now) {
        if (store.isPostgres()) {
            h.createUpdate("insert into login_throttle (email_normalized, consecutive_failures, updated_at)"
                            + " values (:e, 0, :now) on conflict (email_normalized) do nothing")
                    .bind("e", key).bind("now", Timestamps.toColumn(now)).execute();
        } else {
            h.createUpdate("merge into login_throttle t using (values (cast(:e as varchar(320)))) s(email) on t.email_normalized = s.email"
                            + " when not matched then insert (email_normalized, consecutive_failures, updated_at) values (s.email, 0, :now)")
                    .bind("e", key).bind("now", Timestamps.toColumn(now)).execute();
        }
    }

    static Duration wait(int failures) {
        int doublings = Math.min(failures - AccountSettings.FAILURES_BEFORE_WAIT, 10);
        Duration wait = AccountSettings.FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(AccountSettings.LONGEST_WAIT) > 0 ? AccountSettings.LONGEST_WAIT : wait;
    }
}
