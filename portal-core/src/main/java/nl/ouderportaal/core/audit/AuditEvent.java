package nl.ouderportaal.core.audit;

import java.time.Instant;
import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;

/**
 * One entry of the audit log (R-BEYOND-1): who did what, when, for which school or guardian.
 *
 * @param at when it happened (from the portal's clock)
 * @param action stable action name such as {@code settings.changed} or {@code module.activated}
 * @param school the school it concerns, or {@code null}
 * @param actorType who acted
 * @param actorId the actor's id, or {@code null} for the system
 * @param actorName the actor's name as shown in the log, or {@code null}
 * @param guardian the guardian it concerns, or {@code null}
 * @param detail a short plain-text detail, or {@code null}; never passwords, tokens or child data
 */
public record AuditEvent(Instant at, String action, SchoolId school, ActorType actorType, String actorId,
                         String actorName, GuardianId guardian, String detail) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorType, "actorType");
    }

    /** Who caused an audit event. */
    public enum ActorType {
        GUARDIAN,
        STAFF,
        SYSTEM
    }
}
