package nl.ouderportaal.spi.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;

/**
 * A mail an action sends through the portal's persistent outbox, in the same transaction as the action:
 * to the acting guardian's account address, to an address the module knows (the school's attendance
 * address), or to a guardian's account address (a staff action's reminder: only guardians with an active
 * account receive it). Plain text; the portal adds nothing but the headers.
 *
 * @param to whom
 * @param address the address for {@link Recipient#ADDRESS}; {@code null} otherwise
 * @param guardian the guardian for {@link Recipient#GUARDIAN}; {@code null} otherwise
 * @param subject one line
 * @param text the body, plain text
 * @param kind a short word for the outbox and its metrics, such as {@code report-sick}
 * @param attachments files sent with the mail (a calendar invitation, ...), in order; empty for none
 * @since 0.2
 */
public record ActionMail(Recipient to, String address, GuardianId guardian, String subject, String text, String kind,
                         List<MailAttachment> attachments) {

    /** At most this many attachments on one mail. */
    public static final int MAX_ATTACHMENTS = 5;

    public ActionMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if ((to == Recipient.ADDRESS) != (address != null)) {
            throw new IllegalArgumentException("An address is given exactly when the recipient is ADDRESS");
        }
        if ((to == Recipient.GUARDIAN) != (guardian != null)) {
            throw new IllegalArgumentException("A guardian is given exactly when the recipient is GUARDIAN");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new IllegalArgumentException("At most " + MAX_ATTACHMENTS + " attachments on one mail");
        }
    }

    /** A mail without attachments. */
    public ActionMail(Recipient to, String address, GuardianId guardian, String subject, String text, String kind) {
        this(to, address, guardian, subject, text, kind, List.of());
    }

    /** This mail with one more attachment, such as an iCalendar invitation. */
    public ActionMail withAttachment(MailAttachment attachment) {
        List<MailAttachment> all = new ArrayList<>(attachments);
        all.add(Objects.requireNonNull(attachment, "attachment"));
        return new ActionMail(to, address, guardian, subject, text, kind, all);
    }

    /** A mail to the guardian who acts (their account address): a receipt. */
    public static ActionMail toActor(String kind, String subject, String text) {
        return new ActionMail(Recipient.ACTOR, null, null, subject, text, kind);
    }

    /** A mail to an address, such as the school's attendance address. */
    public static ActionMail toAddress(String kind, String address, String subject, String text) {
        return new ActionMail(Recipient.ADDRESS, address, null, subject, text, kind);
    }

    /** A mail to a guardian's account address; not sent when the guardian has no active account. */
    public static ActionMail toGuardian(String kind, GuardianId guardian, String subject, String text) {
        return new ActionMail(Recipient.GUARDIAN, null, guardian, subject, text, kind);
    }

    /** Who receives an action's mail. */
    public enum Recipient {
        /** The acting guardian's account address ; a staff action names an address. */
        ACTOR,
        /** The given address. */
        ADDRESS,
        /** The given guardian's account address, when the account is active. */
        GUARDIAN
    }
}
