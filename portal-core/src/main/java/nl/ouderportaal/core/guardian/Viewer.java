package nl.ouderportaal.core.guardian;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;

/**
 * Who looks at a guardian's portal: the guardian themself, or an administrator impersonating them, who
 * sees only the guardian's children at the schools the administrator serves (R-TEN-2).
 *
 * @param guardian whose portal is shown
 * @param impersonatorSchools the administrator's schools during an impersonation; empty for the guardian
 */
public record Viewer(GuardianId guardian, Optional<Set<SchoolId>> impersonatorSchools) {

    public Viewer {
        Objects.requireNonNull(guardian, "guardian");
        impersonatorSchools = impersonatorSchools.map(Set::copyOf);
    }

    public static Viewer guardian(GuardianId guardian) {
        return new Viewer(guardian, Optional.empty());
    }

    public static Viewer impersonation(GuardianId guardian, Set<SchoolId> administratorSchools) {
        return new Viewer(guardian, Optional.of(administratorSchools));
    }

    public boolean isImpersonation() {
        return impersonatorSchools.isPresent();
    }
}
