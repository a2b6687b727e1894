package nl.ouderportaal.core.admin;

import java.time.Clock;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;

/**
 * The one check of every administration call: the ADMIN role (or, for account work, ADMIN or INVITE),
 * for a school the staff user serves.
 */
public final class StaffAccess {

    private final PortalStore store;
    private final AuditLog audit;
    private final Clock clock;

    public StaffAccess(PortalStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws AccessRefusedException (audited) when the actor is no ADMIN or does not serve the school
     */
    public void requireAdmin(StaffActor actor, SchoolId school, String action) {
        if (actor.has(StaffActor.Role.ADMIN) && actor.serves(school)) {
            return;
        }
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), "admin.refused", school,
                AuditEvent.ActorType.STAFF, actor.id().value(), actor.name(), null, action)));
        throw new AccessRefusedException(actor.has(StaffActor.Role.ADMIN)
                ? LocalizedText.of("U beheert het Ouderportaal van deze school niet.",
                        "You do not administer this school's parent portal.")
                : LocalizedText.of("Alleen een applicatiebeheerder kan dit doen.", "Only an administrator can do this."));
    }

    /**
     * For account work (overview, invitations, viewing rights): ADMIN or INVITE, for a school the staff
     * user serves.
     *
     * @throws AccessRefusedException (audited) otherwise
     */
    public void requireAdminOrInvite(StaffActor actor, SchoolId school, String action) {
        if (actor.serves(school) && (actor.has(StaffActor.Role.ADMIN) || actor.has(StaffActor.Role.INVITE))) {
            return;
        }
        requireAdmin(actor, school, action);
    }
}
