package nl.ouderportaal.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ouderportaal.core.HealthReport.Check;
import nl.ouderportaal.core.HealthReport.Status;
import nl.ouderportaal.core.internal.PortalMetrics;
import nl.ouderportaal.core.mail.MailDispatcher;
import nl.ouderportaal.core.store.PortalStore;

/**
 * Liveness and readiness of this portal node, for a load balancer's or an orchestrator's probes
 * ({@code GET /health/live} and {@code /health/ready} in portal-web). Thread-safe; each call checks anew.
 *
 * <pre>{@code
 * HealthReport ready = portal.health().readiness();
 * if (!ready.isUp()) {
 *     log.warn("not ready: {}", ready.checks());
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class PortalHealth {

    /** A due mail that has waited this long in the outbox makes the node not ready (the mail is stuck). */
    public static final Duration OUTBOX_STUCK_AFTER = Duration.ofMinutes(30);

    private final PortalStore store;
    private final Optional<MailDispatcher> dispatcher;
    private final Clock clock;

    PortalHealth(PortalStore store, Optional<MailDispatcher> dispatcher, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Whether the node runs at all. It checks nothing outside the JVM, so that a database outage makes
     * nodes not ready rather than restarted.
     *
     * @return UP while the portal is open
     */
    public HealthReport liveness() {
        return HealthReport.of(List.of(new Check("portal", Status.UP, "running")));
    }

    /**
     * Whether the node can serve: the store answers, its schema is up to date, a mail dispatcher is
     * configured, and no mail has waited longer than {@link #OUTBOX_STUCK_AFTER}.
     *
     * @return the checks and their outcome
     */
    public HealthReport readiness() {
        List<Check> checks = new ArrayList<>();
        boolean storeUp;
        try {
            nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
            checks.add(new Check("store", Status.UP, "answers"));
            storeUp = true;
        } catch (RuntimeException e) {
            checks.add(new Check("store", Status.DOWN, "does not answer: " + e.getClass().getSimpleName()));
            storeUp = false;
        }
        if (storeUp) {
            try {
                int pending = store.pendingMigrations();
                checks.add(pending == 0 ? new Check("migrations", Status.UP, "schema up to date")
                        : new Check("migrations", Status.DOWN, pending + " migrations not applied"));
            } catch (RuntimeException e) {
                checks.add(new Check("migrations", Status.DOWN, "cannot be read: " + e.getClass().getSimpleName()));
            }
        } else {
            checks.add(new Check("migrations", Status.DOWN, "unknown: the store does not answer"));
        }
        checks.add(dispatcher.map(d -> new Check("dispatcher", Status.UP, d.isRunning() ? "running on this node"
                        : "configured, not started on this node"))
                .orElseGet(() -> new Check("dispatcher", Status.DOWN,
                        "no mail configured: mails wait in the outbox (Portal.builder().mail(...))")));
        if (storeUp) {
            try {
                Optional<Instant> oldest = PortalMetrics.oldestPending(store);
                Duration waited = oldest.map(o -> Duration.between(o, clock.instant())).orElse(Duration.ZERO);
                checks.add(oldest.isEmpty() ? new Check("outbox", Status.UP, "empty")
                        : new Check("outbox", waited.compareTo(OUTBOX_STUCK_AFTER) > 0 ? Status.DOWN : Status.UP,
                                "oldest waiting mail waited " + waited.toSeconds() + " s"));
            } catch (RuntimeException e) {
                checks.add(new Check("outbox", Status.DOWN, "cannot be read: " + e.getClass().getSimpleName()));
            }
        } else {
            checks.add(new Check("outbox", Status.DOWN, "unknown: the store does not answer"));
        }
        return HealthReport.of(checks);
    }
}
