package nl.ouderportaal.core.mail;

import java.time.Instant;

/**
 * Where a mail is: waiting, sent, or given up (R-BEYOND-2, the overview's "was the invitation sent?").
 *
 * @param state the state
 * @param queuedAt when it was put in the outbox
 * @param sentAt when the SMTP server accepted it, or {@code null}
 * @param attempts sending attempts so far
 * @param lastError the last failure, or {@code null}
 */
public record DeliveryStatus(State state, Instant queuedAt, Instant sentAt, int attempts, String lastError) {

    /** The state of a mail in the outbox. */
    public enum State {
        QUEUED,
        SENT,
        FAILED
    }
}
