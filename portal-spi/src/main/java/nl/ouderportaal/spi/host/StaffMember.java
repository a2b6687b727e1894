package nl.ouderportaal.spi.host;

import java.util.Objects;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffId;

/**
 * A staff member (medewerker) as shown on the School page by the staff module; email and phone only
 * where the school's module options allow (R-MOD-4).
 *
 * @param id required
 * @param schoolId required
 * @param name required
 * @param role for example "Leerkracht" or "Directeur", optional
 * @param email optional
 * @param phone optional
 * @since 0.1
 */
public record StaffMember(StaffId id, SchoolId schoolId, PersonName name, String role, String email, String phone) {

    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(name, "name");
    }
}
