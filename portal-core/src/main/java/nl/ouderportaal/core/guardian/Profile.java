package nl.ouderportaal.core.guardian;

import java.time.Instant;
import java.util.List;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.module.CorrectableField;

/**
 * The guardian's profile page (R-POR-5): their own data from the host (never another guardian's, R-ACC-9),
 * their account, what they may propose corrections for, and when the school viewed the portal as them.
 *
 * @param guardian the guardian's personal, address, contact, GP and family data
 * @param username the account's email address, which is the username
 * @param status the account status
 * @param lastLogin the last login, or {@code null}
 * @param notificationsEnabled whether the guardian switched notifications on (R-NTF-1)
 * @param correctableFields the fields with an edit pencil
 * @param impersonations each time staff viewed the portal as this guardian, with the pages viewed, newest first
 *     (R-BEYOND-1)
 */
public record Profile(Guardian guardian, String username, AccountStatus status, Instant lastLogin,
                      boolean notificationsEnabled, List<CorrectableField> correctableFields, List<ImpersonationVisit> impersonations) {

    public Profile {
        correctableFields = List.copyOf(correctableFields);
        impersonations = List.copyOf(impersonations);
    }
}
