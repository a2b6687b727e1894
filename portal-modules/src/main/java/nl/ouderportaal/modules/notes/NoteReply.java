package nl.ouderportaal.modules.notes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A guardian's reply, as the host stores it: a new note in the child's file (R-NOTE-1).
 *
 * @param inReplyTo the id of the note replied to
 * @param subject "Re: " and the original subject
 * @param text the reply, plain text
 * @param createdBy the guardian's name
 * @param date the day of the reply
 * @param unread always {@code true}: staff see it in bold until they open it
 * @since 0.1
 */
public record NoteReply(String inReplyTo, String subject, String text, String createdBy, LocalDate date, boolean unread) {

    public NoteReply {
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(date, "date");
    }
}
