package nl.ouderportaal.spi.action;

import java.util.Map;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * Thrown by a handler that refuses because of the current state: the report overlaps an open one, the
 * slot is taken. The portal rolls the action back (nothing stored, nothing sent) and answers 409
 * {@code conflict} with the message and the details (the nearest free slots, say).
 *
 * @since 0.2
 */
public final class ActionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient LocalizedText text;
    private final transient Map<String, Object> details;

    public ActionConflictException(LocalizedText text, Map<String, Object> details) {
        super(Objects.requireNonNull(text, "text").en());
        this.text = text;
        this.details = Map.copyOf(details);
    }

    public ActionConflictException(String dutch, String english) {
        this(LocalizedText.of(dutch, english), Map.of());
    }

    /** What the guardian reads. */
    public LocalizedText text() {
        return text;
    }

    /** Values the JSON API returns beside the message. */
    public Map<String, Object> details() {
        return details;
    }
}
