package nl.ouderportaal.modules.absences;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.StudentId;

/**
 * One absence of a student, as the host recorded it.
 *
 * @param id the host's id, required
 * @param student required
 * @param from first day, required
 * @param until last day (inclusive), required; equal to {@code from} for one day
 * @param reason for example "Ziek" or "Tandarts", required
 * @param authorised geoorloofd (true) or ongeoorloofd (false)
 * @since 0.1
 */
public record Absence(String id, StudentId student, LocalDate from, LocalDate until, String reason, boolean authorised) {

    public Absence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("Absence " + id + " ends before it starts");
        }
    }
}
