package nl.ouderportaal.core.account;

import java.time.Instant;
import java.util.Optional;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.store.Timestamps;
import nl.ouderportaal.spi.GuardianId;
import org.jdbi.v3.core.Handle;

/** Guardian accounts in the portal store. One account per guardian across all schools (R-TEN-1). */
public final class AccountRepository {

    private final PortalStore store;

    public AccountRepository(PortalStore store) {
        this.store = store;
    }

    public AccountStatus status(GuardianId guardian) {
        return store.jdbi().withHandle(h -> h.createQuery("select status from guardian_accounts where guardian_id = :g")
                .bind("g", guardian.value())
                .mapTo(String.class)
                .findOne()
                .map(AccountStatus::valueOf)
                .orElse(AccountStatus.NONE));
    }

    public Optional<GuardianId> guardianOfEmail(String email) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "select guardian_id from guardian_accounts where email_normalized = :e")
                .bind("e", EmailAddresses.normalize(email))
                .mapTo(String.class)
                .findOne()
                .map(GuardianId::of));
    }

    public void insert(Handle h, GuardianId guardian, String email, AccountStatus status, Instant now) {
        if (status == AccountStatus.NONE) {
            throw new IllegalArgumentException("An account row cannot have status NONE");
        }
        h.createUpdate("""
                        insert into guardian_accounts (guardian_id, email, email_normalized, status, created_at,
                                                       activated_at, updated_at)
                        values (:g, :email, :normalized, :status, :now, :activated, :now)""")
                .bind("g", guardian.value())
                .bind("email", email.strip())
                .bind("normalized", EmailAddresses.normalize(email))
                .bind("status", status.name())
                .bind("now", Timestamps.toColumn(now))
                .bind("activated", status == AccountStatus.ACTIVE ? Timestamps.toColumn(now) : null)
                .execute();
    }

    public void updateStatus(Handle h, GuardianId guardian, AccountStatus status, Instant now) {
        h.createUpdate("update guardian_accounts set status = :status, updated_at = :now where guardian_id = :g")
                .bind("status", status.name())
                .bind("now", Timestamps.toColumn(now))
                .bind("g", guardian.value())
                .execute();
    }
}
