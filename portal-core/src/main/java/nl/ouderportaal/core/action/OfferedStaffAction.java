package nl.ouderportaal.core.action;

import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.action.ActionForm;

/**
 * A module's staff action as offered to a staff user for a school now, with its form.
 *
 * @param module the module's id
 * @param id the action's id
 * @param name what the button says
 * @param role the role it needs, or {@code null} for every staff user of the school
 * @param form the form, computed for the school now
 */
public record OfferedStaffAction(String module, String id, LocalizedText name, StaffActor.Role role, ActionForm form) {
}
