package nl.ouderportaal.spi.module;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.view.Value;

/**
 * One item on the guardian's dashboard. The dashboard shows entries newest first and can be filtered
 * by {@code kind} (R-POR-1).
 *
 * <pre>{@code
 * new DashboardEntry("absences", child.id(), absence.from(),
 *     LocalizedText.of("Absent: griep", "Absent: flu"), Value.dayRange(absence.from(), absence.until()));
 * }</pre>
 *
 * @param kind the filter category: a module's id, or {@code news} / {@code activities}; required
 * @param child the child it is about; {@code null} for school-wide items such as activities
 * @param date the day it is about or was published, required
 * @param title required
 * @param detail optional
 * @since 0.1
 */
public record DashboardEntry(String kind, StudentId child, LocalDate date, LocalizedText title, Value detail) {

    public DashboardEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
    }
}
