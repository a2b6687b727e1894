package nl.ouderportaal.spi.host;

import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * One correction a guardian proposes: a field, its value in the host, and the proposed value.
 *
 * @param key the field's key, such as {@code address.postalCode} or {@code medical.allergies}
 * @param label the field's name
 * @param oldValue the host's value when the guardian proposed it (may be empty)
 * @param newValue the proposed value (may be empty: "remove this")
 * @since 0.1
 */
public record FieldChange(String key, LocalizedText label, String oldValue, String newValue) {

    public FieldChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
    }
}
