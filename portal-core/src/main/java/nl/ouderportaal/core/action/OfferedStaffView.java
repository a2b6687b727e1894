package nl.ouderportaal.core.action;

import java.util.List;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StaffActor;

/**
 * A module's staff view as offered to a staff user for a school.
 *
 * @param module the module's id
 * @param id the view's id
 * @param name what the administration pages call it
 * @param role the role it needs, or {@code null}
 * @param parameters the query parameters it reads
 */
public record OfferedStaffView(String module, String id, LocalizedText name, StaffActor.Role role, List<String> parameters) {
    public OfferedStaffView {
        parameters = List.copyOf(parameters);
    }
}
