package nl.ouderportaal.core.store;

import nl.ouderportaal.core.internal.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.ouderportaal.core.audit.AuditLog;
import org.jdbi.v3.core.Handle;

/**
 * Deletes what the portal no longer needs, so that the store does not grow with every login attempt,
 * link and session, and records about people are not kept longer than needed (AVG):
 * <ul>
 *   <li>login throttle rows of addresses without a running wait and without an attempt for a day (a
 *       guess sprayed over many unknown addresses leaves a row per address);</li>
 *   <li>rate-limit windows that ended a day ago;</li>
 *   <li>one-time links that expired more than {@code keep} ago (used, revoked or not);</li>
 *   <li>guardian and staff sessions that ended or reached their absolute expiry more than {@code keep} ago
 *       (who viewed a guardian's data stays in the audit log);</li>
 *   <li>audit events older than the audit retention ({@link AuditLog#purgeExpired()}).</li>
 * </ul>
 * Accounts, change requests, news, settings, notification history and the outbox are never touched (the
 * outbox already forgets a mail's text once it is sent or given up; its row stays, because the account
 * overview shows the last invitation and its delivery status).
 *
 * <p>Run it daily from a scheduler of the host; any node may, and two nodes running it at once do no
 * harm (each statement is one idempotent delete or update). Thread-safe.
 */
public final class Housekeeping {

    /** How long dead links and ended sessions are kept by default. */
    public static final Duration DEFAULT_KEEP = Duration.ofDays(30);

    private static final Duration IDLE_THROTTLE = Duration.ofDays(1);

    private final PortalStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration keep;

    public Housekeeping(PortalStore store, AuditLog audit, Clock clock, Duration keep) {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("The housekeeping period cannot be negative");
        }
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.keep = keep;
    }

    /**
     * Runs every purge once.
     *
     * @return per table, how many rows were deleted
     */
    public Map<String, Integer> run() {
        Instant now = clock.instant();
        Instant before = now.minus(keep);
        Map<String, Integer> report = new LinkedHashMap<>();
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> {
            report.put("login_throttle", update(h, """
                    delete from login_throttle
                    where updated_at < :idle and (locked_until is null or locked_until < :now)""", now, before));
            report.put("rate_limits", update(h, "delete from rate_limits where window_start < :idle", now, before));
            // A module chose how long its records matter (a round's bookings: a school year after the round).
            report.put("module_records", h.createUpdate("delete from module_records where keep_until < :today")
                    .bind("today", java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)).execute());
            report.put("one_time_tokens", update(h, "delete from one_time_tokens where expires_at < :before", now, before));
            report.put("portal_sessions", update(h, """
                    delete from portal_sessions
                    where ended_at < :before or absolute_expiry_at < :before""", now, before));
            report.put("staff_sessions", update(h, """
                    delete from staff_sessions
                    where ended_at < :before or absolute_expiry_at < :before""", now, before));
        });
        report.put("audit_events", audit.purgeExpired());
        return report;
    }

    private static int update(Handle h, String sql, Instant now, Instant before) {
        var statement = h.createUpdate(sql);
        if (sql.contains(":now")) {
            statement.bind("now", Timestamps.toColumn(now));
        }
        if (sql.contains(":idle")) {
            statement.bind("idle", Timestamps.toColumn(now.minus(IDLE_THROTTLE)));
        }
        if (sql.contains(":before")) {
            statement.bind("before", Timestamps.toColumn(before));
        }
        return statement.execute();
    }
}
