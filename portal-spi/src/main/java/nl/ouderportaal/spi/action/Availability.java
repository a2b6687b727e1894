package nl.ouderportaal.spi.action;

import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * Whether an action can be used now, and if not, why, in words a parent understands ("Ziekmelden voor
 * vandaag kan tot 08:30; bel de school: 030-1234567").
 *
 * <p>An action that does not apply at all (the school did not switch it on; no open report to end) is
 * {@link #notOffered()}: pages and the JSON API leave it out, and running it answers as for an unknown
 * action.
 *
 * @param available whether it can run now
 * @param reason why not; {@code null} when available or not offered
 * @param offered whether pages and the API offer it at all
 * @since 0.2
 */
public record Availability(boolean available, LocalizedText reason, boolean offered) {

    private static final Availability AVAILABLE = new Availability(true, null, true);
    private static final Availability NOT_OFFERED = new Availability(false, null, false);

    public Availability {
        if (!available && offered) {
            Objects.requireNonNull(reason, "an unavailable action says why");
        }
        if (available && !offered) {
            throw new IllegalArgumentException("An available action is offered");
        }
    }

    /** Not offered here: the school did not switch it on, or there is nothing for it to act on. */
    public static Availability notOffered() {
        return NOT_OFFERED;
    }

    public static Availability yes() {
        return AVAILABLE;
    }

    public static Availability unavailable(String dutch, String english) {
        return new Availability(false, LocalizedText.of(dutch, english), true);
    }

    public static Availability unavailable(LocalizedText reason) {
        return new Availability(false, reason, true);
    }
}
