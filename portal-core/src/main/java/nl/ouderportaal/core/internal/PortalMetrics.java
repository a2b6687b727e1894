package nl.ouderportaal.core.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;

/**
 * The portal's meters in the host's Micrometer registry, in one place, so that every part of the core
 * counts the same way. Internal: public only so that the core's packages can share it. Without a registry
 * from the host ({@code Portal.Builder#metrics}) every call is a no-op (an empty composite registry).
 *
 * <p>Meter names (Prometheus adds {@code _total}, {@code _seconds}):
 * <ul>
 *   <li>{@code portal.logins} (counter; tag {@code outcome}: success, refused, throttled, invalid)</li>
 *   <li>{@code portal.sessions.active} (gauge: guardian sessions not ended, idle or expired)</li>
 *   <li>{@code portal.outbox.pending}, {@code portal.outbox.oldest.age} (gauges, the latter in seconds,
 *       0 when nothing waits)</li>
 *   <li>{@code portal.outbox.sent}, {@code portal.outbox.retried}, {@code portal.outbox.failed} (counters;
 *       failed means given up)</li>
 *   <li>{@code portal.actions} (counter; tags {@code module}, {@code action}, {@code outcome})</li>
 *   <li>{@code portal.http.requests} (timer, recorded by portal-web in {@code Portal#meterRegistry()}; tags
 *       {@code method}, {@code route} (the route's template, never the raw path), {@code status})</li>
 * </ul>
 * Tags never hold an address, a name, a token or an id of a person.
 */
public final class PortalMetrics {

    private final MeterRegistry registry;
    private final Counter mailSent;
    private final Counter mailRetried;
    private final Counter mailFailed;

    /** Meters in the given registry; {@code null} for none. */
    public PortalMetrics(MeterRegistry registry) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
        this.mailSent = Counter.builder("portal.outbox.sent").description("Mails the SMTP server accepted")
                .register(this.registry);
        this.mailRetried = Counter.builder("portal.outbox.retried").description("Failed attempts that will be retried")
                .register(this.registry);
        this.mailFailed = Counter.builder("portal.outbox.failed").description("Mails given up after the last attempt")
                .register(this.registry);
    }

    /** No registry: nothing is recorded. */
    public static PortalMetrics none() {
        return new PortalMetrics(null);
    }

    /** The registry meters go to (the host's, or an empty composite). */
    public MeterRegistry registry() {
        return registry;
    }

    /** A guardian login ended: {@code success}, {@code refused}, {@code throttled} or {@code invalid}. */
    public void login(String outcome) {
        registry.counter("portal.logins", "outcome", outcome).increment();
    }

    /** The dispatcher handed a mail to the SMTP server. */
    public void mailSent() {
        mailSent.increment();
    }

    /** An attempt failed and the mail waits for another. */
    public void mailRetried() {
        mailRetried.increment();
    }

    /** The mail was given up. */
    public void mailFailed() {
        mailFailed.increment();
    }

    /**
     * A content module's action ran, for the action runner to call once per attempt with its outcome:
     * {@code done}, {@code invalid}, {@code unavailable}, {@code conflict}, {@code rate-limited} or {@code failed}.
     */
    public void actionRan(String moduleId, String actionId, String outcome) {
        registry.counter("portal.actions", "module", moduleId, "action", actionId, "outcome", outcome).increment();
    }

    /**
     * Registers the gauges that read the store when the registry is scraped: active sessions and the
     * outbox. A store that cannot answer gives NaN, not an exception.
     */
    public void bindStore(PortalStore store, Clock clock, Duration idleTimeout) {
        Objects.requireNonNull(store, "store");
        Gauge.builder("portal.sessions.active", store, s -> orNaN(() -> activeSessions(s, clock.instant(), idleTimeout)))
                .description("Guardian sessions not ended, idle or expired").register(registry);
        Gauge.builder("portal.outbox.pending", store, s -> orNaN(() -> pending(s)))
                .description("Mails waiting to be sent").register(registry);
        Gauge.builder("portal.outbox.oldest.age", store, s -> orNaN(() -> oldestPending(s)
                        .map(created -> (double) Duration.between(created, clock.instant()).toSeconds()).orElse(0.0)))
                .description("Seconds the oldest waiting mail has waited").baseUnit("seconds").register(registry);
    }

    /** When the oldest mail that is still to be sent was put in the outbox, if any waits. */
    public static Optional<Instant> oldestPending(PortalStore store) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                        "select min(created_at) as oldest from mail_outbox where status in ('PENDING', 'SENDING')")
                .map((rs, ctx) -> Optional.ofNullable(Timestamps.fromColumn(rs, "oldest"))).one());
    }

    private static double pending(PortalStore store) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')").mapTo(Integer.class).one());
    }

    private static double activeSessions(PortalStore store, Instant now, Duration idleTimeout) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select count(*) from portal_sessions where ended_at is null"
                        + " and absolute_expiry_at > :now and last_seen_at > :idleSince")
                .bind("now", Timestamps.toColumn(now)).bind("idleSince", Timestamps.toColumn(now.minus(idleTimeout)))
                .mapTo(Integer.class).one());
    }

    private interface Reading {
        double read();
    }

    private static double orNaN(Reading reading) {
        try {
            return reading.read();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
