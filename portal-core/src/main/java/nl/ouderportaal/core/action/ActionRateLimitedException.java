package nl.ouderportaal.core.action;

import java.time.Instant;
import nl.ouderportaal.spi.LocalizedText;

/**
 * A guardian ran more actions than the rate limit allows (R-ACT-2); nothing ran. The web layer answers
 * 429 {@code rate-limited} with {@code Retry-After}.
 */
public final class ActionRateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public ActionRateLimitedException(Instant retryAt) {
        super("Too many actions by this guardian; try again at " + retryAt);
        this.retryAt = retryAt;
    }

    /** When the guardian may try again. */
    public Instant retryAt() {
        return retryAt;
    }

    /** What the guardian reads. */
    public LocalizedText text() {
        return LocalizedText.of("U heeft in korte tijd veel verstuurd. Probeer het over enkele minuten opnieuw.",
                "You have sent a lot in a short time. Please try again in a few minutes.");
    }
}
