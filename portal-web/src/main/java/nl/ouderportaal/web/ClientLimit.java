package nl.ouderportaal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host's limit on the unauthenticated requests that cost the portal a password hash or a mail (logging in,
 * setting a password from a link, the forgotten-password and -username forms), per client address. The
 * portal bounds its hashes globally (as many at once as cores); this hook lets a host also keep one client
 * from taking all of them. A refused request is answered 429 with {@code Retry-After}.
 *
 * <pre>{@code
 * PortalWeb.Builder web = PortalWeb.builder(portal).clientLimit(ClientLimit.perAddress(30, Duration.ofMinutes(1), Clock.systemUTC()));
 * }</pre>
 *
 * <p>Behind a proxy, the address Jetty sees is the proxy's: a host there implements this interface with the
 * address it trusts from the proxy. Implementations must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ClientLimit {

    /**
     * Counts one such request of the client.
     *
     * @param clientAddress the address the request came from
     * @return whether it may go on
     */
    boolean tryAcquire(String clientAddress);

    /** How long a refused client should wait; {@code Retry-After} says so. */
    default Duration retryAfter() {
        return Duration.ofSeconds(60);
    }

    /**
     * At most {@code requests} per {@code window} per client address, in this JVM's memory (fixed windows; at
     * most 100,000 addresses are remembered, the oldest windows forgotten first).
     */
    static ClientLimit perAddress(int requests, Duration window, Clock clock) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A limit needs at least one request per positive window");
        }
        Objects.requireNonNull(clock, "clock");
        record Count(Instant start, int hits) {
        }
        ConcurrentHashMap<String, Count> counts = new ConcurrentHashMap<>();
        return new ClientLimit() {
            @Override
            public boolean tryAcquire(String clientAddress) {
                Instant now = clock.instant();
                if (counts.size() > 100_000) {
                    counts.values().removeIf(c -> !c.start().plus(window).isAfter(now));
                }
                Count count = counts.compute(String.valueOf(clientAddress), (address, old) ->
                        old == null || !old.start().plus(window).isAfter(now) ? new Count(now, 1)
                                : new Count(old.start(), old.hits() + 1));
                return count.hits() <= requests;
            }

            @Override
            public Duration retryAfter() {
                return window;
            }
        };
    }
}
