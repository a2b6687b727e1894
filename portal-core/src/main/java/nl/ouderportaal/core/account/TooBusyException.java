package nl.ouderportaal.core.account;

import java.time.Duration;
import nl.ouderportaal.spi.LocalizedText;

/**
 * The portal is doing as many password hashes as it has processor cores, and this one did not get its
 * turn within a short wait: the caller should try again after {@link #retryAfter()} (HTTP 429 with
 * {@code Retry-After} in the web layer). Nothing was stored or checked.
 *
 * @since 0.1
 */
public final class TooBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the guardian reads. */
    public static final LocalizedText MESSAGE = LocalizedText.of(
            "Het is nu erg druk. Wacht even en probeer het dan opnieuw.",
            "It is very busy right now. Wait a moment and then try again.");

    private final transient Duration retryAfter;

    TooBusyException(Duration retryAfter) {
        super("Too many password hashes at once", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
