package nl.ouderportaal.core.internal;

import java.time.Duration;
import java.time.Instant;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;

/**
 * Fixed-window counters in the shared store, e.g. recovery mails per address per hour. A hit is counted
 * under the row's lock, so concurrent requests on any number of nodes cannot all pass.
 */
public final class RateLimits {

    private final PortalStore store;

    public RateLimits(PortalStore store) {
        this.store = store;
    }

    /** Counts a hit; whether it is within {@code max} hits per {@code window}. */
    public boolean tryAcquire(String key, int max, Duration window, Instant now) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> tryAcquire(h, key, max, window, now));
    }

    /** As {@link #tryAcquire(String, int, Duration, Instant)}, in the caller's transaction: a rollback takes the hit back. */
    public boolean tryAcquire(org.jdbi.v3.core.Handle h, String key, int max, Duration window, Instant now) {
        {
            if (store.isPostgres()) {
                h.createUpdate("insert into rate_limits (limit_key, window_start, hits) values (:k, :now, 0)"
                                + " on conflict (limit_key) do nothing")
                        .bind("k", key).bind("now", Timestamps.toColumn(now)).execute();
            } else {
                h.createUpdate("merge into rate_limits t using (values (cast(:k as varchar(400)))) s(k) on t.limit_key = s.k"
                                + " when not matched then insert (limit_key, window_start, hits) values (s.k, :now, 0)")
                        .bind("k", key).bind("now", Timestamps.toColumn(now)).execute();
            }
            Instant start = h.createQuery("select window_start from rate_limits where limit_key = :k for update")
                    .bind("k", key).map((rs, ctx) -> Timestamps.fromColumn(rs, "window_start")).one();
            if (!start.plus(window).isAfter(now)) {
                h.createUpdate("update rate_limits set window_start = :now, hits = 1 where limit_key = :k")
                        .bind("k", key).bind("now", Timestamps.toColumn(now)).execute();
                return true;
            }
            h.createUpdate("update rate_limits set hits = hits + 1 where limit_key = :k").bind("k", key).execute();
            return h.createQuery("select hits from rate_limits where limit_key = :k").bind("k", key).mapTo(Integer.class).one() <= max;
        }
    }

    /** When the current window of a key ends: when a refused caller may try again. */
    public Instant windowEnd(String key, Duration window, Instant now) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select window_start from rate_limits where limit_key = :k")
                .bind("k", key).map((rs, ctx) -> Timestamps.fromColumn(rs, "window_start")).findOne()
                .map(start -> start.plus(window)).orElse(now));
    }
}
