package nl.ouderportaal.core.guardian;

import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;

/**
 * Shown instead of a school's children while the school is in maintenance (R-SET-4).
 *
 * @param school the school
 * @param message what the guardian reads
 */
public record MaintenanceNotice(SchoolId school, LocalizedText message) {
}
