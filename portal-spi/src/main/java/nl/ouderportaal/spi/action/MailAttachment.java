package nl.ouderportaal.spi.action;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A text file sent with an {@link ActionMail}, such as an iCalendar invitation ({@code text/calendar}).
 * Kept in the outbox with its mail and forgotten with the mail's body once sent.
 *
 * <pre>{@code
 * String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
 * ActionMail mail = ActionMail.toActor("conference-booked", "Uw gesprek", "Tot dan!")
 *         .withAttachment(MailAttachment.text("gesprek.ics", "text/calendar; method=REQUEST", ics));
 * }</pre>
 *
 * @param name the file name the recipient sees: 1 to 100 characters, no path separators or control characters
 * @param contentType a MIME type with optional parameters, such as {@code text/calendar; method=REQUEST}
 * @param text the content, at most 100,000 characters; sent as UTF-8
 * @since 0.2
 */
public record MailAttachment(String name, String contentType, String text) {

    /** The longest content of one attachment, in characters. */
    public static final int MAX_TEXT = 100_000;
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\p{Cntrl}\"]{1,100}");
    private static final Pattern TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+(; ?[a-z-]+=[A-Za-z0-9._-]+)*");

    public MailAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(text, "text");
        if (!NAME.matcher(name).matches() || name.isBlank()) {
            throw new IllegalArgumentException("An attachment's name is 1 to 100 characters without path separators or control characters");
        }
        if (!TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("Not a MIME type such as text/calendar: '" + contentType + "'");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("An attachment holds at most " + MAX_TEXT + " characters");
        }
    }

    /** A text attachment. */
    public static MailAttachment text(String name, String contentType, String text) {
        return new MailAttachment(name, contentType, text);
    }
}
