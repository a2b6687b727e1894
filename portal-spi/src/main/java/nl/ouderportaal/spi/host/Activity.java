package nl.ouderportaal.spi.host;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolId;

/**
 * A published activity of the school's year plan (jaarplan). Always shown to guardians of visible
 * children of the groups it is for (R-MOD-5).
 *
 * @param id the host's id, required
 * @param schoolId required
 * @param title required
 * @param description optional plain text
 * @param start first day, required
 * @param end last day (inclusive), required; equal to {@code start} for one day
 * @param groups the groups it is for; empty means the whole school
 * @since 0.1
 */
public record Activity(String id, SchoolId schoolId, String title, String description, LocalDate start,
                       LocalDate end, Set<GroupId> groups) {

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Activity " + id + " ends before it starts");
        }
        groups = Set.copyOf(groups);
    }

    /** Whether the activity is for the whole school or for the given group. */
    public boolean isFor(GroupId group) {
        return groups.isEmpty() || (group != null && groups.contains(group));
    }
}
