package nl.ouderportaal.spi.action;

import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * One choice of a {@link FieldKind#CHOICE} or {@link FieldKind#ITEM} field.
 *
 * @param value what the input carries, such as {@code fever}
 * @param label what the form shows
 * @since 0.2
 */
public record Choice(String value, LocalizedText label) {

    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }

    /** A choice whose label is the same in both languages. */
    public static Choice of(String value, String label) {
        return new Choice(value, LocalizedText.of(label, label));
    }

    /** A choice with a Dutch and an English label. */
    public static Choice of(String value, String dutch, String english) {
        return new Choice(value, LocalizedText.of(dutch, english));
    }
}
