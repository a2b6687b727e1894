package nl.ouderportaal.core;

import nl.ouderportaal.core.internal.GuardianSnapshots;

/** The core's tests reach what the facade hides through here, never production code. */
public final class PortalInternals {

    private PortalInternals() {
    }

    public static GuardianSnapshots snapshots(Portal portal) {
        return portal.snapshots();
    }
}
