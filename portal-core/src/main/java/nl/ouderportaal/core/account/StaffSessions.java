package nl.ouderportaal.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import org.jdbi.v3.core.Handle;

/**
 * Server-side sessions of staff users in a web administration. The host authenticates staff (R-ACC-12)
 * and the front end opens a session for the {@link StaffActor} it got; the session keeps that actor
 * (id, name, roles, schools) as the host gave it at login. Tokens are 256-bit random values of which only
 * a SHA-256 is stored, in the shared store, so every node knows every session and a logout holds on all
 * of them; the idle and absolute timeouts are those of guardian sessions ({@link AccountSettings}).
 * Thread-safe.
 */
public final class StaffSessions {

    private final PortalStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final SessionTimeouts timeouts;

    private final LoginThrottle throttle;

    StaffSessions(PortalStore store, AuditLog audit, Clock clock, Duration idleTimeout, Duration absoluteTimeout,
                  LoginThrottle throttle) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.timeouts = new SessionTimeouts(idleTimeout, absoluteTimeout);
        this.throttle = throttle;
    }

    /**
     * Checks a staff login with the host, throttled per username like guardian logins (after a few failures
     * the username waits, doubling up to 15 minutes; on every node), so that a host check without a
     * throttle of its own cannot be guessed at full speed. While the username waits, the host is not asked.
     *
     * @param username as typed; compared case-insensitively for the throttle
     * @param hostCheck the host's verdict on the credentials
     * @return the staff user, or empty when refused or waiting (the caller answers both alike)
     */
    public Optional<StaffActor> authenticate(String username, java.util.function.Supplier<Optional<StaffActor>> hostCheck) {
        if (username == null || username.isBlank() || username.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        Optional<StaffActor>[] verdict = new Optional[] {Optional.empty()};
        LoginThrottle.Outcome outcome = throttle.attempt(LoginThrottle.Kind.STAFF, username, now, () -> {
            verdict[0] = Objects.requireNonNull(hostCheck.get(), "the host's check returned null");
            return verdict[0].isPresent();
        });
        if (outcome != LoginThrottle.Outcome.ACCEPTED) {
            nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now,
                    outcome == LoginThrottle.Outcome.WAITING ? "staff.login.throttled" : "staff.login.failed", null,
                    AuditEvent.ActorType.STAFF, null, username.strip(), null, null)));
            return Optional.empty();
        }
        return verdict[0];
    }

    /** Opens a session for the staff user the host authenticated, and returns its token (only the client keeps it). */
    public String open(StaffActor actor) {
        Objects.requireNonNull(actor, "actor");
        Instant now = clock.instant();
        String token = Secrets.newToken();
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            h.createUpdate("""
                            insert into staff_sessions (session_hash, staff_id, staff_name, staff_roles, staff_schools,
                                                        created_at, last_seen_at, absolute_expiry_at)
                            values (:hash, :id, :name, :roles, :schools, :now, :now, :expiry)""")
                    .bind("hash", Secrets.hash(token)).bind("id", actor.id().value()).bind("name", actor.name())
                    .bind("roles", join(actor.roles().stream().map(Enum::name).toList()))
                    .bind("schools", join(actor.schools().stream().map(SchoolId::value).toList()))
                    .bind("now", Timestamps.toColumn(now)).bind("expiry", Timestamps.toColumn(now.plus(timeouts.absolute())))
                    .execute();
            nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "staff.session.opened", null, AuditEvent.ActorType.STAFF,
                    actor.id().value(), actor.name(), null, null));
        });
        return token;
    }

    /**
     * The staff user of a live session, refreshing its idle timer; empty when the token is unknown, closed
     * or timed out (a timed-out session is closed on the way).
     */
    public Optional<StaffActor> find(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        Instant now = clock.instant();
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            Optional<Row> found = h.createQuery("select * from staff_sessions where session_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Row(new StaffActor(StaffId.of(rs.getString("staff_id")), rs.getString("staff_name"),
                            split(rs.getString("staff_roles")).stream().map(StaffActor.Role::valueOf)
                                    .collect(Collectors.toUnmodifiableSet()),
                            split(rs.getString("staff_schools")).stream().map(SchoolId::of)
                                    .collect(Collectors.toUnmodifiableSet())),
                            Timestamps.fromColumn(rs, "last_seen_at"), Timestamps.fromColumn(rs, "absolute_expiry_at"),
                            rs.getObject("ended_at") != null))
                    .findOne();
            if (found.isEmpty() || found.get().ended()) {
                return Optional.empty();
            }
            Row row = found.get();
            String ended = timeouts.endReason(row.lastSeen(), row.expiresAt(), now);
            if (ended != null) {
                end(h, hash, ended, now);
                return Optional.empty();
            }
            if (timeouts.touchDue(row.lastSeen(), now)) {
                h.createUpdate("update staff_sessions set last_seen_at = :now where session_hash = :hash")
                        .bind("now", Timestamps.toColumn(now)).bind("hash", hash).execute();
            }
            return Optional.of(row.actor());
        });
    }

    /** Closes the session of the token (logout); a no-op for an unknown or closed token. */
    public void close(String token) {
        if (!plausible(token)) {
            return;
        }
        String hash = Secrets.hash(token);
        Instant now = clock.instant();
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            Optional<String[]> who = h.createQuery(
                            "select staff_id, staff_name from staff_sessions where session_hash = :hash and ended_at is null")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new String[] {rs.getString("staff_id"), rs.getString("staff_name")})
                    .findOne();
            if (who.isPresent() && end(h, hash, "logout", now) == 1) {
                nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "staff.session.closed", null, AuditEvent.ActorType.STAFF,
                        who.get()[0], who.get()[1], null, null));
            }
        });
    }

    private static int end(Handle h, String hash, String reason, Instant now) {
        return h.createUpdate("""
                        update staff_sessions set ended_at = :now, end_reason = :reason
                        where session_hash = :hash and ended_at is null""")
                .bind("now", Timestamps.toColumn(now)).bind("reason", reason).bind("hash", hash).execute();
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    private static String join(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.joining(" "));
    }

    private static Set<String> split(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(column.split(" ")));
    }

    private record Row(StaffActor actor, Instant lastSeen, Instant expiresAt, boolean ended) {
    }
}
