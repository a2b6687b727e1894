package nl.ouderportaal.core.account;

import nl.ouderportaal.core.internal.AccountRepository;
import java.time.Clock;
import java.util.List;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.guardian.ImpersonationVisit;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;

/**
 * Log in as guardian (R-IMP): an administrator gets a session that sees what the guardian sees at the
 * administrator's own schools, and can change nothing (every write asks {@link Session#requireWritable()}).
 * Start, every page viewed and the end are audited, and the guardian can read that list. Thread-safe.
 */
public final class Impersonations {

    private final PortalStore store;
    private final HostSources sources;
    private final AccountRepository accounts;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    Impersonations(PortalStore store, HostSources sources, AccountRepository accounts, Sessions sessions, AuditLog audit,
                   Clock clock) {
        this.store = store;
        this.sources = sources;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts an impersonation session and returns its token. The session sees only the schools of the
     * guardian's children that the administrator serves, and lasts until logout or the session timeouts: the
     * core does not know when the host takes the administrator's rights away, so a front end ends it then
     * (portal-web ends it with the administrator's own staff session, or when a school is taken away).
     *
     * @throws AccessRefusedException (audited) when the actor is no ADMIN, or the guardian has no child at a
     *     school the actor serves, or no portal account
     */
    public String start(StaffActor admin, GuardianId guardian) {
        // The schools the impersonation is for: those of the guardian's children that the admin serves. The
        // session sees only these, and each of their audit logs shows the impersonation.
        java.util.SortedSet<SchoolId> schools = new ChildrensSchools(sources).of(guardian);
        schools.removeIf(school -> !admin.serves(school));
        boolean atOwnSchool = !schools.isEmpty();
        boolean hasAccount = accounts.status(guardian) != AccountStatus.NONE;
        if (!admin.has(StaffActor.Role.ADMIN) || !atOwnSchool || !hasAccount) {
            nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), "impersonation.refused", null,
                    AuditEvent.ActorType.STAFF, admin.id().value(), admin.name(), guardian, null)));
            throw new AccessRefusedException(LocalizedText.of(
                    "U kunt niet inloggen als deze verzorger.", "You cannot log in as this guardian."));
        }
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            for (SchoolId school : schools) {
                nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), "impersonation.started", school, AuditEvent.ActorType.STAFF,
                        admin.id().value(), admin.name(), guardian, null));
            }
            return sessions.start(h, guardian, admin.id(), admin.name(), schools);
        });
    }

    /**
     * Whether an administrator's impersonation may go on (R-IMP): only while the impersonator, as the host
     * knows them now, is still an ADMIN of every school the impersonation was started for. The web layer
     * asks this with the staff user of the same browser, so that a staff logout, a timeout or rights the
     * host took away end the impersonation at the next request; a host that embeds the core without
     * portal-web asks it the same way.
     *
     * @param session an impersonation session
     * @param impersonator the staff user as the host knows them now, if they are still logged in
     */
    public boolean mayContinue(Session session, java.util.Optional<StaffActor> impersonator) {
        return session.isImpersonation() && impersonator.filter(actor -> actor.id().equals(session.impersonator())
                && actor.has(StaffActor.Role.ADMIN) && actor.schools().containsAll(session.impersonatorSchools())).isPresent();
    }

    /**
     * Each time the school viewed the portal as this guardian, with the pages viewed inside it, newest first
     * (issue 19, item 20: one entry per impersonation, not one row per page).
     */
    public List<ImpersonationVisit> historyOf(GuardianId guardian) {
        return ImpersonationVisit.group(audit.ofGuardian(guardian, "impersonation.", 5000), 500);
    }
}
