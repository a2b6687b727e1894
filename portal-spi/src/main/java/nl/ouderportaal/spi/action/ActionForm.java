package nl.ouderportaal.spi.action;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What an action asks for, computed for one child (or guardian, or school) now: its fields in order and
 * an optional introduction.
 *
 * @param intro a paragraph above the fields; {@code null} for none
 * @param fields the fields, in the order they are shown; names unique
 * @param submit the button's text
 * @since 0.2
 */
public record ActionForm(LocalizedText intro, List<FormField> fields, LocalizedText submit) {

    public ActionForm {
        fields = List.copyOf(fields);
        Objects.requireNonNull(submit, "submit");
        if (fields.stream().map(FormField::name).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("Two fields of one form share a name");
        }
    }

    /** A form with these fields and a "Versturen" / "Send" button. */
    public static ActionForm of(FormField... fields) {
        return new ActionForm(null, List.of(fields), LocalizedText.of("Versturen", "Send"));
    }

    public ActionForm intro(String dutch, String english) {
        return new ActionForm(LocalizedText.of(dutch, english), fields, submit);
    }

    public ActionForm submit(String dutch, String english) {
        return new ActionForm(intro, fields, LocalizedText.of(dutch, english));
    }

    /** The field of kind {@link FieldKind#ITEM}, if the form has one. */
    public java.util.Optional<FormField> itemField() {
        return fields.stream().filter(f -> f.kind() == FieldKind.ITEM).findFirst();
    }
}
