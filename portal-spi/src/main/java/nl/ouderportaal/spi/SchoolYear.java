package nl.ouderportaal.spi;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dutch school year, written {@code 2025-2026}: from 1 August of its first calendar year up to and
 * including 31 July of the next.
 *
 * <p>Immutable and thread-safe; never {@code null} where the SPI passes one. Obtain the current school
 * year from an injected {@link java.time.Clock}, never from the system clock:
 *
 * <pre>{@code
 * SchoolYear current = SchoolYear.containing(LocalDate.now(clock));
 * SchoolYear last = current.previous();
 * SchoolYear parsed = SchoolYear.parse("2025-2026");
 * }</pre>
 *
 * @param startYear the calendar year in which the school year starts (1 August)
 * @since 0.1
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

    public SchoolYear {
        if (startYear < 1900 || startYear > 9998) {
            throw new IllegalArgumentException("School year must start between 1900 and 9998: " + startYear);
        }
    }

    /** The school year that contains the given day. */
    public static SchoolYear containing(LocalDate day) {
        return new SchoolYear(day.getMonthValue() >= Month.AUGUST.getValue() ? day.getYear() : day.getYear() - 1);
    }

    /**
     * Parses {@code "2025-2026"}.
     *
     * @throws IllegalArgumentException when the text is not two consecutive four-digit years
     */
    public static SchoolYear parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("A school year is written as 2025-2026: '" + text + "'");
        }
        int start = Integer.parseInt(matcher.group(1));
        if (Integer.parseInt(matcher.group(2)) != start + 1) {
            throw new IllegalArgumentException("A school year spans two consecutive years: '" + text + "'");
        }
        return new SchoolYear(start);
    }

    /** 1 August of the start year. */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.AUGUST, 1);
    }

    /** 31 July of the following year. */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.JULY, 31);
    }

    /** Whether the day falls within this school year (both ends inclusive). */
    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    public SchoolYear previous() {
        return new SchoolYear(startYear - 1);
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    /** {@code 2025-2026}. */
    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
