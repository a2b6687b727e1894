package nl.ouderportaal.core.validation;

import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * One reason an input was refused, tied to the field it is about.
 *
 * @param field the input field, such as {@code changeRequestEmail}; empty for the input as a whole
 * @param message what an administrator or parent reads, in Dutch and English
 */
public record Violation(String field, LocalizedText message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
