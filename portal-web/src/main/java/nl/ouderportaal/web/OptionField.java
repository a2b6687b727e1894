package nl.ouderportaal.web;

import java.util.List;

/**
 * One editable option of a content module on the modules page, derived from the module's options record
 * (a component of type boolean, date, text or enum, or a map of text to enum per key).
 *
 * @param name the form field name, such as {@code options.showEmail} or {@code options.presentations.IEP}
 * @param label the label the module gives the option, or {@code null}
 * @param fallbackLabel the label when the module gives none: the component's name
 * @param kind how the field is edited
 * @param value the current value as text ({@code "true"}/{@code "false"} for a checkbox, {@code ""} for none)
 * @param choices the values of a choice, else empty
 */
public record OptionField(String name, nl.ouderportaal.spi.LocalizedText label, String fallbackLabel, Kind kind, String value,
                          List<String> choices) {

    public OptionField {
        choices = List.copyOf(choices);
    }

    /** The id of the field's input element. */
    public String id() {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public boolean checked() {
        return "true".equals(value);
    }

    /** How an option is edited in a form. */
    public enum Kind {
        CHECKBOX, DATE, TEXT, CHOICE
    }
}
