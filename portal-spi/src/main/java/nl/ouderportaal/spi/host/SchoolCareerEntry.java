package nl.ouderportaal.spi.host;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.SchoolYear;

/**
 * One step of a student's school career (schoolloopbaan): a group in a school year.
 *
 * @param schoolYear required
 * @param groupName for example "Groep 5", required
 * @param yearLevel the year level (leerjaar) 1-8, or 0 when not applicable
 * @param from first day in this group, required
 * @param until last day in this group, optional ({@code null} while current)
 * @since 0.1
 */
public record SchoolCareerEntry(SchoolYear schoolYear, String groupName, int yearLevel, LocalDate from, LocalDate until) {

    public SchoolCareerEntry {
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(from, "from");
    }
}
