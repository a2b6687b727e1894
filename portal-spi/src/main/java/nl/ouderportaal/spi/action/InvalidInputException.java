package nl.ouderportaal.spi.action;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * Thrown by a handler for input that is wrong in a way only the module can tell (a day the school is
 * closed, "other" without a text): the portal answers 400 {@code validation} with the message tied to the
 * field, as for a Bean Validation violation. Nothing is stored or sent.
 *
 * @since 0.2
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, LocalizedText> fields;

    public InvalidInputException(Map<String, LocalizedText> fields) {
        super(describe(fields));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Name at least one field");
        }
        this.fields = Map.copyOf(new LinkedHashMap<>(fields));
    }

    /** One field's problem ({@code ""} for the form as a whole). */
    public static InvalidInputException of(String field, String dutch, String english) {
        return new InvalidInputException(Map.of(Objects.requireNonNull(field, "field"), LocalizedText.of(dutch, english)));
    }

    /** Field name to message. */
    public Map<String, LocalizedText> fields() {
        return fields;
    }

    private static String describe(Map<String, LocalizedText> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((field, message) -> text.append(text.length() == 0 ? "" : "; ").append(field).append(": ").append(message.en()));
        return text.toString();
    }
}
