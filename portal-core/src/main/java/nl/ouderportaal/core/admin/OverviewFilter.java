package nl.ouderportaal.core.admin;

import java.util.Optional;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.spi.GroupId;

/**
 * The filters of the account overview (R-ACC-11); every empty filter matches everything.
 *
 * @param accountActive "Account Ouderportaal actief": yes or no
 * @param status one account status
 * @param group guardians of a child in this group (this school year)
 * @param name part of the guardian's name, any case
 * @param email part of the account's (or else the host's) email address, any case
 */
public record OverviewFilter(Optional<Boolean> accountActive, Optional<AccountStatus> status, Optional<GroupId> group,
                             Optional<String> name, Optional<String> email) {

    public static final OverviewFilter ALL = new OverviewFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public OverviewFilter withGroup(GroupId group) {
        return new OverviewFilter(accountActive, status, Optional.of(group), name, email);
    }

    public OverviewFilter withAccountActive(boolean active) {
        return new OverviewFilter(Optional.of(active), status, group, name, email);
    }

    public OverviewFilter withName(String part) {
        return new OverviewFilter(accountActive, status, group, Optional.of(part), email);
    }
}
