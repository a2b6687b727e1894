package nl.ouderportaal.web;

import io.javalin.http.HttpStatus;
import nl.ouderportaal.spi.LocalizedText;

/**
 * A refusal the web layer decides itself (too large, too many at once, a body it does not read): answered
 * like every other refusal, {@code {error, message, fields}} for the API and a message page for the pages,
 * with {@code Retry-After} when waiting helps.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient HttpStatus status;
    final String error;
    final transient LocalizedText title;
    final transient LocalizedText text;
    /** Seconds the client should wait before trying again, or 0. */
    final int retryAfterSeconds;

    Refusal(HttpStatus status, String error, LocalizedText title, LocalizedText text, int retryAfterSeconds) {
        super(error, null, false, false);
        this.status = status;
        this.error = error;
        this.title = title;
        this.text = text;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Refusal busy(int retryAfterSeconds) {
        return new Refusal(HttpStatus.TOO_MANY_REQUESTS, "busy", WebTexts.BUSY_TITLE, WebTexts.BUSY, retryAfterSeconds);
    }
}
