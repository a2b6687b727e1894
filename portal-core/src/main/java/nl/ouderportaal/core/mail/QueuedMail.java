package nl.ouderportaal.core.mail;

/**
 * A mail claimed from the outbox for sending.
 *
 * @param id the outbox row, also the mail's stable Message-ID
 * @param mail the mail
 * @param attempts earlier attempts
 * @param claim the claim under which this dispatcher holds it; bookkeeping only counts under this claim
 */
public record QueuedMail(long id, OutgoingMail mail, int attempts, String claim) {
}
