package nl.ouderportaal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's clock: the real time plus an offset that a tester moves on the demo's control page
 * ({@code /demo/control}), so that a cut-off time, a publication window or a reminder the day before can be
 * reached without editing data. The demo hands it to the portal, which reads every "now" from it. Demo only:
 * a host gives the portal its real clock. Thread-safe.
 */
public final class DemoClock extends Clock {

    /** How far the clock may be moved either way: enough for a school year, not so far that dates break. */
    public static final Duration MAX_OFFSET = Duration.ofDays(400);

    private final Clock base;
    private final AtomicReference<Duration> offset;

    /**
     * A clock at {@code base}'s time, not moved.
     *
     * @param base the real clock this one follows
     */
    public DemoClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private DemoClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** How far the clock is moved from the real time (negative: back). */
    public Duration offset() {
        return offset.get();
    }

    /**
     * Moves the clock by {@code by} (negative: back).
     *
     * @throws IllegalArgumentException when the offset would pass {@link #MAX_OFFSET} either way (nothing moves)
     */
    public void move(Duration by) {
        offset.updateAndGet(current -> {
            Duration next = current.plus(by);
            if (next.abs().compareTo(MAX_OFFSET) > 0) {
                throw new IllegalArgumentException("offset beyond " + MAX_OFFSET.toDays() + " days");
            }
            return next;
        });
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Shares the offset: a moved demo clock stays moved in every zone.
        return new DemoClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
