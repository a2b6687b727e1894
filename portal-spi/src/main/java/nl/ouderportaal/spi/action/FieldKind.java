package nl.ouderportaal.spi.action;

/**
 * The kinds of field an action form can ask for, and the JSON value each binds to in the input record.
 *
 * @since 0.2
 */
public enum FieldKind {
    /** One line of text: a JSON string. */
    TEXT,
    /** Several lines of text: a JSON string. */
    LONG_TEXT,
    /** A day: an ISO date string such as {@code 2026-12-03} ({@code LocalDate} in the record). */
    DATE,
    /** A time of day: {@code 08:30} ({@code LocalTime} in the record). */
    TIME,
    /** A whole number: a JSON number. */
    NUMBER,
    /** One of the field's choices: a JSON string, the choice's value. */
    CHOICE,
    /** Yes or no: a JSON boolean; an unticked box on a page is {@code false}. */
    CHECKBOX,
    /**
     * Which item of the page the action is about (a note's id): a JSON string, one of the field's choices.
     * Pages render it as a hidden field under the item's section ({@link ActionPlacement#ITEM}).
     */
    ITEM
}
