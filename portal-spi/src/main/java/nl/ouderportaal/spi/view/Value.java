package nl.ouderportaal.spi.view;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * One value on a page, typed so that the renderer can format it for the viewer's language
 * (dates as "3 maart 2026" in Dutch). Immutable.
 *
 * <pre>{@code
 * Value.text("Griep");
 * Value.localized(LocalizedText.of("Geoorloofd", "Authorised"));
 * Value.dayRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface Value {

    /** Host text, shown as is (escaped by the renderer); never {@code null}, may be empty. */
    record Text(String text) implements Value {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Text in the viewer's language. */
    record Localized(LocalizedText text) implements Value {
        public Localized {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A day. */
    record Day(LocalDate date) implements Value {
        public Day {
            Objects.requireNonNull(date, "date");
        }
    }

    /** A period of days, both ends inclusive; {@code from == until} renders as one day. */
    record DayRange(LocalDate from, LocalDate until) implements Value {
        public DayRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (until.isBefore(from)) {
                throw new IllegalArgumentException("A period cannot end before it starts: " + from + " - " + until);
            }
        }
    }

    /** No value: rendered as a dash, never as a blank. */
    record Empty() implements Value {
    }

    /** Host text, or {@link Empty} for {@code null} or blank text. */
    static Value text(String text) {
        return text == null || text.isBlank() ? new Empty() : new Text(text);
    }

    static Value localized(LocalizedText text) {
        return new Localized(text);
    }

    static Value localized(String nl, String en) {
        return new Localized(LocalizedText.of(nl, en));
    }

    /** The day, or {@link Empty} for {@code null}. */
    static Value day(LocalDate date) {
        return date == null ? new Empty() : new Day(date);
    }

    static Value dayRange(LocalDate from, LocalDate until) {
        return new DayRange(from, until);
    }
}
