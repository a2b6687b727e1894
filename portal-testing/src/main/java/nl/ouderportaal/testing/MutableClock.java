package nl.ouderportaal.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a test moves: pass it to {@code Portal.builder().clock(...)} and move it forward to expire a
 * link, end a session or make a mail due for a retry. Always in UTC (the portal's zone for "today" is
 * set apart, with {@code Portal.Builder#zone}). Thread-safe.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
 * Portal portal = host.registerAll(Portal.builder()).store(store).accounts(settings).clock(clock).build();
 * clock.advance(Duration.ofDays(8));   // an invitation link of 7 days has now expired
 * }</pre>
 *
 * @since 0.2.0
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /**
     * A clock standing at the given instant.
     *
     * @param start the first "now"
     */
    public MutableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /**
     * Sets the clock to an instant.
     *
     * @param instant the new "now"
     */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
