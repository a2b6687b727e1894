package nl.ouderportaal.modules.groups;

import java.util.Objects;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.PersonName;

/**
 * A student in a group, as the groups module may show them to the guardians of a classmate.
 *
 * @param id required
 * @param name required
 * @param address home address, optional; shown only where the school allows it and never when secret
 * @param addressSecret whether the host marked the address secret
 * @since 0.1
 */
public record Classmate(StudentId id, PersonName name, Address address, boolean addressSecret) {

    public Classmate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
