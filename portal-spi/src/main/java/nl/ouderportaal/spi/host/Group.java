package nl.ouderportaal.spi.host;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;

/**
 * A group (class) in one school year. A child's group data (group, year level, classroom) is always
 * shown to the child's guardians (R-MOD-5); classmates and teachers belong to the groups module.
 *
 * @param id required
 * @param schoolId required
 * @param schoolYear required
 * @param name for example "Groep 5b", required
 * @param yearLevel the year level (leerjaar) 1-8; a combination group gives its lowest level
 * @param classroom the classroom (lokaal), optional
 * @param teachers may be empty
 * @since 0.1
 */
public record Group(GroupId id, SchoolId schoolId, SchoolYear schoolYear, String name, int yearLevel,
                    String classroom, List<GroupTeacher> teachers) {

    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(name, "name");
        teachers = List.copyOf(teachers);
    }
}
