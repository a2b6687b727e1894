package nl.ouderportaal.spi.action;

import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * Whether an action can be used now, and if not, why, in words a parent understands ("Ziekmelden voor
 * vandaag kan tot 08:30; bel de school: 030-1234567").
 *
 * @param available whether it can run now
 * @param reason why not; {@code null} when available
 * @since 0.2
 */
public record Availability(boolean available, LocalizedText reason) {

    private static final Availability AVAILABLE = new Availability(true, null);

    public Availability {
        if (!available) {
            Objects.requireNonNull(reason, "an unavailable action says why");
        }
    }

    public static Availability yes() {
        return AVAILABLE;
    }

    public static Availability unavailable(String dutch, String english) {
        return new Availability(false, LocalizedText.of(dutch, english));
    }

    public static Availability unavailable(LocalizedText reason) {
        return new Availability(false, reason);
    }
}
