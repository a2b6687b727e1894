package nl.ouderportaal.core.account;

import java.time.Duration;
import java.time.Instant;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.store.Timestamps;

/** Fixed-window counters in the shared store, e.g. recovery mails per address per hour. */
final class RateLimits {

    private final PortalStore store;

    RateLimits(PortalStore store) {
        this.store = store;
    }

    /** Counts a hit; whether it is within {@code max} hits per {@code window}. */
    boolean tryAcquire(String key, int max, Duration window, Instant now) {
        return store.jdbi().inTransaction(h -> {
            var current = h.createQuery("select window_start, hits from rate_limits where limit_key = :k")
                    .bind("k", key)
                    .map((rs, ctx) -> new Object[] {Timestamps.fromColumn(rs, "window_start"), rs.getInt("hits")})
                    .findOne();
            if (current.isEmpty()) {
                h.createUpdate("insert into rate_limits (limit_key, window_start, hits) values (:k, :now, 1)")
                        .bind("k", key).bind("now", Timestamps.toColumn(now)).execute();
                return true;
            }
            Instant start = (Instant) current.get()[0];
            int hits = (Integer) current.get()[1];
            if (!start.plus(window).isAfter(now)) {
                h.createUpdate("update rate_limits set window_start = :now, hits = 1 where limit_key = :k")
                        .bind("k", key).bind("now", Timestamps.toColumn(now)).execute();
                return true;
            }
            h.createUpdate("update rate_limits set hits = hits + 1 where limit_key = :k").bind("k", key).execute();
            return hits + 1 <= max;
        });
    }
}
