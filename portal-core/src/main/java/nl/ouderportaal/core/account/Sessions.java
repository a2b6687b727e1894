package nl.ouderportaal.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StaffId;
import org.jdbi.v3.core.Handle;

/**
 * Server-side sessions (R-ACC-8): opaque 256-bit tokens stored hashed, ended by logout, deactivation,
 * a password change, the idle timeout or the absolute timeout. Because every request resolves the token
 * in the shared store, an ended session ends at once on every node. Thread-safe.
 */
public final class Sessions {

    private final PortalStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final SessionTimeouts timeouts;

    Sessions(PortalStore store, AuditLog audit, Clock clock, Duration idleTimeout, Duration absoluteTimeout) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.timeouts = new SessionTimeouts(idleTimeout, absoluteTimeout);
    }

    /** Starts a session and returns its token, which only the client keeps. */
    String start(Handle h, GuardianId guardian, StaffId impersonator, String impersonatorName) {
        return start(h, guardian, impersonator, impersonatorName, java.util.Set.of());
    }

    /** Starts a session, for an impersonating administrator limited to their schools. */
    String start(Handle h, GuardianId guardian, StaffId impersonator, String impersonatorName,
                 java.util.Set<nl.ouderportaal.spi.SchoolId> impersonatorSchools) {
        Instant now = clock.instant();
        String token = Secrets.newToken();
        h.createUpdate("""
                        insert into portal_sessions (session_hash, guardian_id, impersonator_id, impersonator_name,
                                                     impersonator_schools, created_at, last_seen_at, absolute_expiry_at)
                        values (:hash, :g, :imp, :impName, :impSchools, :now, :now, :expiry)""")
                .bind("impSchools", impersonatorSchools.isEmpty() ? null : String.join(",",
                        impersonatorSchools.stream().map(nl.ouderportaal.spi.SchoolId::value).sorted().toList()))
                .bind("hash", Secrets.hash(token)).bind("g", guardian.value())
                .bind("imp", impersonator == null ? null : impersonator.value()).bind("impName", impersonatorName)
                .bind("now", Timestamps.toColumn(now)).bind("expiry", Timestamps.toColumn(now.plus(timeouts.absolute())))
                .execute();
        return token;
    }

    /**
     * The live session of a token, refreshing its idle timer; empty when the token is unknown, ended or
     * timed out (a timed-out session is ended and audited on the way).
     */
    public Optional<Session> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        Instant now = clock.instant();
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            Optional<Row> found = h.createQuery("select * from portal_sessions where session_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Row(new Session(GuardianId.of(rs.getString("guardian_id")),
                            rs.getString("impersonator_id") == null ? null : StaffId.of(rs.getString("impersonator_id")),
                            rs.getString("impersonator_name"), schools(rs.getString("impersonator_schools")),
                            Timestamps.fromColumn(rs, "created_at"),
                            Timestamps.fromColumn(rs, "absolute_expiry_at")),
                            Timestamps.fromColumn(rs, "last_seen_at"), rs.getObject("ended_at") != null))
                    .findOne();
            if (found.isEmpty() || found.get().ended()) {
                return Optional.empty();
            }
            Row row = found.get();
            String ended = timeouts.endReason(row.lastSeen(), row.session().expiresAt(), now);
            if (ended != null) {
                end(h, hash, ended, now);
                nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "session.expired", null, AuditEvent.ActorType.SYSTEM, null, null,
                        row.session().guardian(), ended.replace("-timeout", "")));
                return Optional.empty();
            }
            if (timeouts.touchDue(row.lastSeen(), now)) {
                h.createUpdate("update portal_sessions set last_seen_at = :now where session_hash = :hash")
                        .bind("now", Timestamps.toColumn(now)).bind("hash", hash).execute();
            }
            return Optional.of(row.session());
        });
    }

    /** Ends the session of the token (logout); a no-op for an unknown or ended token. */
    public boolean end(String token, String reason) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> end(h, Secrets.hash(token), reason, clock.instant()) == 1);
    }

    private int end(Handle h, String hash, String reason, Instant now) {
        return h.createUpdate("""
                        update portal_sessions set ended_at = :now, end_reason = :reason
                        where session_hash = :hash and ended_at is null""")
                .bind("now", Timestamps.toColumn(now)).bind("reason", reason).bind("hash", hash).execute();
    }

    /** Ends every open session of the guardian, except the one with the given token (may be null). */
    int endAll(Handle h, GuardianId guardian, String reason, String exceptToken) {
        return h.createUpdate("""
                        update portal_sessions set ended_at = :now, end_reason = :reason
                        where guardian_id = :g and ended_at is null and session_hash <> :except""")
                .bind("now", Timestamps.toColumn(clock.instant())).bind("reason", reason).bind("g", guardian.value())
                .bind("except", exceptToken == null ? "-" : Secrets.hash(exceptToken))
                .execute();
    }

    private static java.util.Set<nl.ouderportaal.spi.SchoolId> schools(String column) {
        if (column == null || column.isBlank()) {
            return java.util.Set.of();
        }
        return java.util.Arrays.stream(column.split(",")).map(nl.ouderportaal.spi.SchoolId::of)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private record Row(Session session, Instant lastSeen, boolean ended) {
    }
}
