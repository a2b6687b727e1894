package nl.ouderportaal.modules.groups;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One lesson of a group's weekly timetable (rooster).
 *
 * @param day required
 * @param start required
 * @param end required, after {@code start}
 * @param subject required
 * @param teacher optional
 * @param classroom optional
 * @since 0.1
 */
public record Lesson(DayOfWeek day, LocalTime start, LocalTime end, String subject, String teacher, String classroom) {

    public Lesson {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(subject, "subject");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A lesson ends after it starts");
        }
    }
}
