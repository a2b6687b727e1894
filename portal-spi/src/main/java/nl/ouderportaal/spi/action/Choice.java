package nl.ouderportaal.spi.action;

import java.util.Map;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * One choice of a {@link FieldKind#CHOICE} or {@link FieldKind#ITEM} field.
 *
 * <p>An item can fix the values of other fields of the form: a consent purpose fixes the version of
 * the text the page shows under it, so that an answer given on a page that has meanwhile become stale
 * is refused instead of counting for a text the parent did not read. Pages send those values as
 * hidden fields of the item's form and do not ask for them; a JSON client may send them itself.
 *
 * @param value what the input carries, such as {@code fever}
 * @param label what the form shows
 * @param presets for an {@code ITEM} choice, the values of other fields this item fixes, by field name
 *                (never {@code null}; empty for most choices)
 * @since 0.2
 */
public record Choice(String value, LocalizedText label, Map<String, String> presets) {

    /** Copies the presets. */
    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
        presets = presets == null ? Map.of() : Map.copyOf(presets);
    }

    /** A choice that fixes no other field. */
    public Choice(String value, LocalizedText label) {
        this(value, label, Map.of());
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
