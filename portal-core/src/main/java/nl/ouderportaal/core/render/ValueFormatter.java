package nl.ouderportaal.core.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.view.Value;

/**
 * Turns a module's {@link Value} into text for the viewer's language: dates in Dutch style
 * ("3 maart 2026", periods "2 t/m 4 maart 2026") or English ("3 March 2026", "2-4 March 2026"), and
 * a dash for an empty value (R-POR-6). Stateless and thread-safe.
 */
public final class ValueFormatter {

    private static final String EMPTY = "–";

    private ValueFormatter() {
    }

    public static String format(Value value, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        if (value instanceof Value.Text text) {
            return text.text();
        }
        if (value instanceof Value.Localized localized) {
            return localized.text().in(locale);
        }
        if (value instanceof Value.Day day) {
            return day(day.date(), english);
        }
        if (value instanceof Value.DayRange range) {
            return period(range.from(), range.until(), english);
        }
        return EMPTY;
    }

    public static String day(LocalDate date, boolean english) {
        return formatter("d MMMM yyyy", english).format(date);
    }

    private static String period(LocalDate from, LocalDate until, boolean english) {
        if (from.equals(until)) {
            return day(from, english);
        }
        String separator = english ? "–" : " t/m ";
        String start = from.getYear() != until.getYear() ? day(from, english)
                : from.getMonth() != until.getMonth() ? formatter("d MMMM", english).format(from)
                : String.valueOf(from.getDayOfMonth());
        return start + separator + day(until, english);
    }

    private static DateTimeFormatter formatter(String pattern, boolean english) {
        return DateTimeFormatter.ofPattern(pattern, english ? Locale.ENGLISH : LocalizedText.DUTCH);
    }
}
