package nl.ouderportaal.spi.module;

import java.time.Instant;
import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.host.PersonName;

/**
 * A guardian's reply to an item of a module (a note, R-NOTE-1). The portal has checked the session (no
 * impersonation), the child's and module's visibility and the text (plain, 1-2,000 characters) before
 * the module sees it.
 *
 * @param guardian who replies
 * @param author the guardian's name, shown as "created by"
 * @param text plain text, may contain line breaks
 * @param at when the reply was sent
 * @since 0.1
 */
public record GuardianReply(GuardianId guardian, PersonName author, String text, Instant at) {

    public GuardianReply {
        Objects.requireNonNull(guardian, "guardian");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    /** What became of a reply. */
    public enum Outcome {
        /** Handed to the host. */
        ACCEPTED,
        /** The school does not take replies (or the module has none). */
        NOT_ALLOWED,
        /** No visible item has that id for this child. */
        UNKNOWN_ITEM
    }
}
