package nl.ouderportaal.spi.host;

import java.util.Objects;
import nl.ouderportaal.spi.StaffId;

/**
 * A teacher (leerkracht) of a group, by staff id and the name shown to guardians.
 *
 * @param staffId required
 * @param name required
 * @since 0.1
 */
public record GroupTeacher(StaffId staffId, PersonName name) {

    public GroupTeacher {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(name, "name");
    }
}
