package nl.ouderportaal.core.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.action.MailAttachment;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;

/**
 * A mail to put in the outbox. Header injection is impossible by construction: the recipient must be
 * one valid address and the subject may not contain line breaks.
 *
 * @param recipient one address, required
 * @param subject one line, required
 * @param text the plain-text body, required
 * @param html the HTML body (already escaped), or {@code null} for text only
 * @param kind what it is, such as {@code invitation}, for the overview and the audit log
 * @param guardian the guardian it concerns, or {@code null}
 * @param school the school it concerns, or {@code null}
 * @param attachments text files sent with it (a calendar invitation), in order; empty for none
 */
public record OutgoingMail(String recipient, String subject, String text, String html, String kind, GuardianId guardian,
                           SchoolId school, List<MailAttachment> attachments) {

    /** A mail without attachments. */
    public OutgoingMail(String recipient, String subject, String text, String html, String kind, GuardianId guardian,
                        SchoolId school) {
        this(recipient, subject, text, html, kind, guardian, school, List.of());
    }

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (subject.length() > 250) {
            // The outbox keeps at most 300 characters; a school's long name must not make a mail unsendable.
            subject = subject.substring(0, 249) + "…";
        }
        if (hasLineBreak(recipient) || hasLineBreak(subject)) {
            throw new IllegalArgumentException("Mail headers may not contain line breaks");
        }
        try {
            new InternetAddress(recipient, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a valid recipient address: " + e.getMessage(), e);
        }
        if (recipient.contains(",") || recipient.contains("<")) {
            throw new IllegalArgumentException("A mail goes to exactly one plain address");
        }
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\u0085') >= 0
                || value.indexOf('\u2028') >= 0 || value.indexOf('\u2029') >= 0;
    }

    /** A value made safe to place in a one-line header such as the subject. */
    public static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029\\t]+", " ").strip();
    }
}
