package nl.ouderportaal.modules.plans;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.StudentId;

/**
 * A plan for a student (for example a group or individual plan), in five parts.
 *
 * @param id the host's id, required
 * @param student required
 * @param title required
 * @param start the plan's start date, required
 * @param end the plan's end date, optional
 * @param problemStatement the first part (probleemstelling / beginsituatie), optional
 * @param goals optional
 * @param approach optional
 * @param execution optional
 * @param evaluation optional
 * @since 0.1
 */
public record Plan(String id, StudentId student, String title, LocalDate start, LocalDate end, String problemStatement,
                   String goals, String approach, String execution, String evaluation) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
    }
}
