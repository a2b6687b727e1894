package nl.ouderportaal.spi.host;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.SchoolId;

/**
 * A school's contact data, board and branches: always shown to guardians of its visible children
 * (R-MOD-5). The website link guardians see is a portal setting, not this field.
 *
 * @param id required
 * @param name for example "OBS De Regenboog", required
 * @param address required
 * @param email the school's general email address, optional
 * @param phone optional
 * @param website the host's website address, optional
 * @param board optional
 * @param branches may be empty
 * @since 0.1
 */
public record School(SchoolId id, String name, Address address, String email, String phone, String website,
                     Board board, List<Branch> branches) {

    public School {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        branches = List.copyOf(branches);
    }
}
