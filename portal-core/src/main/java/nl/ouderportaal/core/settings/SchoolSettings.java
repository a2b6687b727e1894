package nl.ouderportaal.core.settings;

import java.util.Objects;
import nl.ouderportaal.spi.SchoolId;

/**
 * A school's portal settings (R-SET). A school that never saved settings has {@link #defaults}.
 *
 * @param schoolId the school
 * @param changeRequestEmail where guardians' corrections are mailed (R-SET-1); {@code null} until set
 * @param websiteUrl the link on the School page (R-SET-2); {@code null} for none
 * @param maintenanceMode guardians see only their own account data (R-SET-4)
 */
public record SchoolSettings(SchoolId schoolId, String changeRequestEmail, String websiteUrl, boolean maintenanceMode) {

    public SchoolSettings {
        Objects.requireNonNull(schoolId, "schoolId");
    }

    public static SchoolSettings defaults(SchoolId schoolId) {
        return new SchoolSettings(schoolId, null, null, false);
    }
}
