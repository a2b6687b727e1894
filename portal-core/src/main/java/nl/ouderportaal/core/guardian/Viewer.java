package nl.ouderportaal.core.guardian;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffId;

/**
 * Who looks at a guardian's portal: the guardian themself, or an administrator impersonating them, who
 * sees only the guardian's children at the schools the administrator serves (R-TEN-2, R-IMP-1).
 *
 * @param guardian whose portal is shown
 * @param impersonator the administrator during an impersonation; empty for the guardian
 */
public record Viewer(GuardianId guardian, Optional<Impersonator> impersonator) {

    public Viewer {
        Objects.requireNonNull(guardian, "guardian");
        Objects.requireNonNull(impersonator, "impersonator");
    }

    /**
     * An administrator viewing the portal as a guardian.
     *
     * @param id the staff id
     * @param name the name shown in the banner and the audit log
     * @param schools the schools they serve
     */
    public record Impersonator(StaffId id, String name, Set<SchoolId> schools) {
        public Impersonator {
            schools = Set.copyOf(schools);
        }
    }

    public static Viewer guardian(GuardianId guardian) {
        return new Viewer(guardian, Optional.empty());
    }

    public static Viewer impersonation(GuardianId guardian, Set<SchoolId> administratorSchools) {
        return new Viewer(guardian, Optional.of(new Impersonator(StaffId.of("unknown"), "unknown", administratorSchools)));
    }

    /** The viewer of a live session: the guardian, or the administrator impersonating them. */
    public static Viewer of(Session session) {
        return session.isImpersonation()
                ? new Viewer(session.guardian(), Optional.of(new Impersonator(session.impersonator(),
                        session.impersonatorName(), session.impersonatorSchools())))
                : guardian(session.guardian());
    }

    /** The guardian who writes, as the viewer of what the write reads first. */
    public static Viewer of(nl.ouderportaal.core.account.WritePermit permit) {
        return guardian(permit.guardian());
    }

    public boolean isImpersonation() {
        return impersonator.isPresent();
    }

    /** The schools an impersonating administrator serves; empty for the guardian themself. */
    public Optional<Set<SchoolId>> impersonatorSchools() {
        return impersonator.map(Impersonator::schools);
    }
}
