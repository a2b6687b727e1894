package nl.ouderportaal.core.settings;

import jakarta.validation.constraints.Size;
import nl.ouderportaal.core.validation.WebAddress;

/**
 * A school administrator's change of the school settings (Beheer &gt; Ouderportaal &gt; Instellingen).
 * Validated at the boundary; blank text means "not set".
 *
 * @param changeRequestEmail where guardians' corrections go (R-SET-1)
 * @param websiteUrl http or https link shown on the School page (R-SET-2)
 * @param maintenanceMode R-SET-4
 */
public record SchoolSettingsUpdate(
        @nl.ouderportaal.core.validation.MailAddress
        @Size(max = 254, message = "{nl.ouderportaal.Size.max}")
        String changeRequestEmail,
        @WebAddress
        @Size(max = 2048, message = "{nl.ouderportaal.Size.max}")
        String websiteUrl,
        boolean maintenanceMode) {

    public SchoolSettingsUpdate {
        changeRequestEmail = blankToNull(changeRequestEmail);
        websiteUrl = blankToNull(websiteUrl);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
