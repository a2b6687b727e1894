package nl.ouderportaal.spi;

import java.util.Objects;
import java.util.Set;

/**
 * A staff user of the host, as the host authenticated them: the portal never logs staff in (R-ACC-12).
 * The host passes one with every staff action; the portal limits the action to the schools the staff
 * user serves (R-TEN-2) and signs mails with their name (R-ACC-3).
 *
 * <p>Immutable and thread-safe; all fields are required.
 *
 * <pre>{@code
 * StaffActor actor = new StaffActor(StaffId.of("m-12"), "J. de Boer", Set.of(StaffActor.Role.ADMIN),
 *     Set.of(SchoolId.of("regenboog")));
 * }</pre>
 *
 * @param id the host's staff id
 * @param name the name shown in mails and the audit log
 * @param roles what the host allows the staff user
 * @param schools the schools the staff user acts for
 * @since 0.1
 */
public record StaffActor(StaffId id, String name, Set<Role> roles, Set<SchoolId> schools) {

    public StaffActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        schools = Set.copyOf(schools);
    }

    /** The roles the host gives a staff user. */
    public enum Role {
        /** Application administrator (applicatiebeheerder): settings, modules, news, impersonation. */
        ADMIN,
        /** May send login details to guardians and deactivate accounts. */
        INVITE
    }

    public boolean serves(SchoolId school) {
        return schools.contains(school);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
