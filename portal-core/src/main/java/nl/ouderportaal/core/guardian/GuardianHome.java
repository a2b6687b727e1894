package nl.ouderportaal.core.guardian;

import java.util.List;
import nl.ouderportaal.spi.GuardianId;

/**
 * The start of a guardian's portal: which children appear in the menu, and why others may not.
 *
 * @param guardian the guardian
 * @param ownProfileVisible whether the guardian's own data is shown (an active account)
 * @param children the visible children, oldest first
 * @param maintenanceNotices one per school in maintenance
 */
public record GuardianHome(GuardianId guardian, boolean ownProfileVisible, List<VisibleChild> children,
                           List<MaintenanceNotice> maintenanceNotices) {

    public GuardianHome {
        children = List.copyOf(children);
        maintenanceNotices = List.copyOf(maintenanceNotices);
    }
}
