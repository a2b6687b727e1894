package nl.ouderportaal.modules.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.StudentId;

/**
 * A school report (rapport). Guardians see it only once the school locked (finalised) it in the host.
 *
 * @param id the host's id, required
 * @param student required
 * @param title for example "Rapport 1 - groep 5", required
 * @param date the report's date, required
 * @param locked whether the school locked it
 * @param parts the report's parts in order (subjects with their marks)
 * @param remark the teacher's remark, optional
 * @since 0.1
 */
public record Report(String id, StudentId student, String title, LocalDate date, boolean locked, List<Part> parts,
                     String remark) {

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        parts = List.copyOf(parts);
    }

    /**
     * A part of a report, such as "Rekenen" with its lines.
     *
     * @param title required
     * @param lines label and mark, in order
     */
    public record Part(String title, List<Line> lines) {
        public Part {
            Objects.requireNonNull(title, "title");
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of a report part.
     *
     * @param label for example "Tafels", required
     * @param mark for example "Goed" or "7,5", required
     */
    public record Line(String label, String mark) {
        public Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(mark, "mark");
        }
    }
}
