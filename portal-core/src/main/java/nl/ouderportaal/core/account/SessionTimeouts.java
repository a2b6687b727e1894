package nl.ouderportaal.core.account;

import java.time.Duration;
import java.time.Instant;

/**
 * The timeouts of every server-side session, guardian or staff (R-ACC-8): idle and absolute, and how
 * often a live session's last-seen time is written (at most every 30 seconds keeps reads cheap).
 *
 * @param idle a session unused this long has ended
 * @param absolute a session this old has ended, however busy
 */
record SessionTimeouts(Duration idle, Duration absolute) {

    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    /** Why the session has ended by {@code now} ({@code idle-timeout}, {@code absolute-timeout}), or {@code null}. */
    String endReason(Instant lastSeen, Instant expiresAt, Instant now) {
        if (!lastSeen.plus(idle).isAfter(now)) {
            return "idle-timeout";
        }
        return expiresAt.isAfter(now) ? null : "absolute-timeout";
    }

    /** Whether a live session's last-seen time should be written now. */
    boolean touchDue(Instant lastSeen, Instant now) {
        return Duration.between(lastSeen, now).compareTo(TOUCH_GRANULARITY) >= 0;
    }
}
