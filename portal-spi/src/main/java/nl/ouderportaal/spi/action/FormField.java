package nl.ouderportaal.spi.action;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.ouderportaal.spi.LocalizedText;

/**
 * One field of an action form: its name in the input record, kind, label and help text, whether it is
 * required, its limits, and the choices the module computed for this child now. The form describes; the
 * input record's Bean Validation constraints decide. Keep the two in step (a {@code maxLength} here and a
 * {@code @Size(max)} there).
 *
 * <pre>{@code
 * LocalDate today = LocalDate.now(clock);
 * FormField date = FormField.of("date", FieldKind.DATE, "Datum", "Date").asRequired()
 *     .min(today.toString()).max(today.plusDays(7).toString());
 * FormField reason = FormField.of("reason", FieldKind.CHOICE, "Reden", "Reason").asRequired()
 *     .choices(List.of(Choice.of("fever", "Koorts", "Fever")));
 * }</pre>
 *
 * @param name the record component it binds to; or, for an input record whose one component is a
 *     {@code Map<String, String>} (fields computed at run time, such as corrections), the map's key
 * @param kind how it is asked and bound
 * @param label what the form shows
 * @param help a line under the field; {@code null} for none
 * @param required whether the form marks it required
 * @param maxLength the most characters for text fields; 0 for no limit shown
 * @param min the lowest value (ISO date, time or number) shown to the user; {@code null} for none
 * @param max the highest value; {@code null} for none
 * @param choices the choices of a {@link FieldKind#CHOICE} or {@link FieldKind#ITEM} field, in order; empty otherwise
 * @param preset a value the form starts with, or {@code null}; never a preset answer to a question of consent
 * @since 0.2
 */
public record FormField(String name, FieldKind kind, LocalizedText label, LocalizedText help, boolean required,
                        int maxLength, String min, String max, List<Choice> choices, String preset) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9._-]{0,79}");

    public FormField {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A form field's name is a record component name, such as 'firstDay': '" + name + "'");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        choices = List.copyOf(choices);
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength of field '" + name + "' is negative");
        }
    }

    /** A field with no help, limits or choices; refine it with the {@code with...} methods. */
    public static FormField of(String name, FieldKind kind, String dutch, String english) {
        return new FormField(name, kind, LocalizedText.of(dutch, english), null, false, 0, null, null, List.of(), null);
    }

    public FormField asRequired() {
        return new FormField(name, kind, label, help, true, maxLength, min, max, choices, preset);
    }

    public FormField help(String dutch, String english) {
        return new FormField(name, kind, label, LocalizedText.of(dutch, english), required, maxLength, min, max, choices, preset);
    }

    public FormField maxLength(int characters) {
        return new FormField(name, kind, label, help, required, characters, min, max, choices, preset);
    }

    public FormField min(String lowest) {
        return new FormField(name, kind, label, help, required, maxLength, lowest, max, choices, preset);
    }

    public FormField max(String highest) {
        return new FormField(name, kind, label, help, required, maxLength, min, highest, choices, preset);
    }

    public FormField choices(List<Choice> offered) {
        return new FormField(name, kind, label, help, required, maxLength, min, max, offered, preset);
    }

    public FormField preset(String value) {
        return new FormField(name, kind, label, help, required, maxLength, min, max, choices, value);
    }
}
