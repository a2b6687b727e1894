package nl.ouderportaal.modules.absences;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.ouderportaal.spi.SchoolId;

/** A school's school days: Monday to Friday, without the days the host says the school is closed. */
final class SchoolDays {

    private final Set<LocalDate> closed;
    private final LocalDate until;

    private SchoolDays(Set<LocalDate> closed, LocalDate until) {
        this.closed = closed;
        this.until = until;
    }

    /** The school's calendar from {@code from} for the next {@code span} days. */
    static SchoolDays of(AbsenceReportSink sink, SchoolId school, LocalDate from, int span) {
        LocalDate until = from.plusDays(span);
        return new SchoolDays(Set.copyOf(sink.closedDays(school, from, until)), until);
    }

    boolean isSchoolDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !closed.contains(day);
    }

    /** The first school day on or after {@code day}, within the calendar's span. */
    LocalDate firstOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isSchoolDay(d) && d.isBefore(until)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code count} consecutive school days from {@code first} (a school day). */
    List<LocalDate> consecutive(LocalDate first, int count) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = first;
        while (days.size() < count && !d.isAfter(until)) {
            if (isSchoolDay(d)) {
                days.add(d);
            }
            d = d.plusDays(1);
        }
        return days;
    }
}
