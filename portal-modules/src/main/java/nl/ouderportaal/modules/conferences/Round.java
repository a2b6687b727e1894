package nl.ouderportaal.modules.conferences;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A round of parents' evenings (R-CONF-1), as a module record: which groups, per teacher of those groups
 * the evenings and their time windows, the slot length and breaks, where, and when families may book.
 * Times are local times of the school's zone.
 *
 * @param siblingsOpen an earlier opening for families with several children in the round, or {@code null}
 * @param id the id
 * @param name the name
 * @param groups the groups
 * @param teachers the teachers
 * @param slotMinutes the slot minutes
 * @param breaks the breaks
 * @param bookingOpens the booking opens
 * @param bookingCloses the booking closes
 * @param closed the closed
 */
public record Round(String id, String name, List<String> groups, List<TeacherPlan> teachers, int slotMinutes,
                    List<Pause> breaks, LocalDateTime bookingOpens, LocalDateTime bookingCloses,
                    LocalDateTime siblingsOpen, boolean closed) {

    public Round {
        groups = List.copyOf(groups);
        teachers = List.copyOf(teachers);
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    /**
     * One teacher's part of a round.
     *
     * @param staffId the staff id
     * @param name the name
     * @param groups the groups
     * @param windows the windows
     * @param location the location
     * @param videoLink the video link
     */
    public record TeacherPlan(String staffId, String name, List<String> groups, List<Window> windows, String location,
                              String videoLink) {
        public TeacherPlan {
            groups = List.copyOf(groups);
            windows = List.copyOf(windows);
        }

        /** Where, in words: the room, or the video link. */
        String where() {
            return videoLink != null ? videoLink : location == null ? "" : location;
        }
    }

    /**
     * A time window on one date.
     *
     * @param date the date
     * @param from the from
     * @param until the until
     */
    public record Window(LocalDate date, LocalTime from, LocalTime until) {
    }

    /**
     * A break, the same on every evening of the round.
     *
     * @param from the from
     * @param until the until
     */
    public record Pause(LocalTime from, LocalTime until) {
    }

    Round close() {
        return new Round(id, name, groups, teachers, slotMinutes, breaks, bookingOpens, bookingCloses, siblingsOpen, true);
    }

    Optional<TeacherPlan> teacher(String staffId) {
        return teachers.stream().filter(t -> t.staffId().equals(staffId)).findFirst();
    }

    LocalDate lastDay() {
        return teachers.stream().flatMap(t -> t.windows().stream()).map(Window::date).max(LocalDate::compareTo)
                .orElse(bookingCloses.toLocalDate());
    }

    /** Housekeeping removes the round and its bookings a school year after its last evening. */
    LocalDate keepUntil() {
        return lastDay().plusYears(1);
    }

    /** Every slot of a teacher, in time order: the windows cut in slots, without those touching a break. */
    List<Slot> slots(TeacherPlan plan) {
        List<Slot> slots = new ArrayList<>();
        for (Window window : plan.windows().stream().sorted((a, b) -> a.date().atTime(a.from()).compareTo(b.date().atTime(b.from()))).toList()) {
            LocalDateTime start = window.date().atTime(window.from());
            LocalDateTime end = window.date().atTime(window.until());
            while (!start.plusMinutes(slotMinutes).isAfter(end)) {
                LocalDateTime slotEnd = start.plusMinutes(slotMinutes);
                LocalTime from = start.toLocalTime();
                LocalTime until = slotEnd.toLocalTime();
                boolean inBreak = breaks.stream().anyMatch(p -> from.isBefore(p.until()) && until.isAfter(p.from()));
                if (!inBreak) {
                    slots.add(new Slot(id, plan.staffId(), start, slotEnd));
                }
                start = slotEnd;
            }
        }
        return slots;
    }
}
