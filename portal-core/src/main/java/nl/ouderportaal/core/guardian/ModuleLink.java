package nl.ouderportaal.core.guardian;

import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.Placement;

/**
 * A module page in a child's menu.
 *
 * @param moduleId the module's id
 * @param name the module's name
 * @param placement where the page appears
 * @param earlierSchoolYears whether the page can switch to an earlier school year
 */
public record ModuleLink(String moduleId, LocalizedText name, Placement placement, boolean earlierSchoolYears) {
}
