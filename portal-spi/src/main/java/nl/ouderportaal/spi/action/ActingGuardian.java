package nl.ouderportaal.spi.action;

import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.host.PersonName;

/**
 * The guardian who runs an action, in their own session: never an administrator viewing as them (the
 * portal does not call a handler for an impersonation at all).
 *
 * @param id the guardian
 * @param name their name as the host has it, for "reported by"
 * @since 0.2
 */
public record ActingGuardian(GuardianId id, PersonName name) {

    public ActingGuardian {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
