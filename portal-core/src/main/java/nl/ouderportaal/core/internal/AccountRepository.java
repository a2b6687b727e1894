package nl.ouderportaal.core.internal;

import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.account.EmailAddresses;

import java.time.Instant;
import java.util.Optional;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.GuardianId;
import org.jdbi.v3.core.Handle;

/** Guardian accounts in the portal store. One account per guardian across all schools (R-TEN-1). */
public final class AccountRepository {

    private final PortalStore store;

    public AccountRepository(PortalStore store) {
        this.store = store;
    }

    public AccountStatus status(GuardianId guardian) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select status from guardian_accounts where guardian_id = :g")
                .bind("g", guardian.value())
                .mapTo(String.class)
                .findOne()
                .map(AccountStatus::valueOf)
                .orElse(AccountStatus.NONE));
    }

    /** An account row as the account flows need it. */
    public record Account(GuardianId guardian, String email, AccountStatus status, String passwordHash,
                          Instant lastLoginAt) {
    }

    private static final String ACCOUNT_COLUMNS = "guardian_id, email, status, password_hash, last_login_at";

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(GuardianId.of(rs.getString("guardian_id")), rs.getString("email"),
                AccountStatus.valueOf(rs.getString("status")), rs.getString("password_hash"),
                Timestamps.fromColumn(rs, "last_login_at"));
    }

    public Optional<Account> byEmail(String email) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select " + ACCOUNT_COLUMNS
                        + " from guardian_accounts where email_normalized = :e")
                .bind("e", EmailAddresses.normalize(email)).map((rs, ctx) -> account(rs)).findOne());
    }

    public Optional<Account> byGuardian(GuardianId guardian) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select " + ACCOUNT_COLUMNS
                        + " from guardian_accounts where guardian_id = :g")
                .bind("g", guardian.value()).map((rs, ctx) -> account(rs)).findOne());
    }

    /** The account, locked until the caller's transaction ends; read with the caller's connection. */
    public Optional<Account> byGuardianForUpdate(Handle h, GuardianId guardian) {
        return h.createQuery("select " + ACCOUNT_COLUMNS + " from guardian_accounts where guardian_id = :g for update")
                .bind("g", guardian.value()).map((rs, ctx) -> account(rs)).findOne();
    }

    /** Replaces the hash only (a parameter upgrade at login); the status stays as it is. */
    public void updateHash(Handle h, GuardianId guardian, String passwordHash, Instant now) {
        h.createUpdate("update guardian_accounts set password_hash = :hash, updated_at = :now where guardian_id = :g")
                .bind("hash", passwordHash).bind("now", Timestamps.toColumn(now)).bind("g", guardian.value()).execute();
    }

    /** Above this many guardians, a lookup reads every row and keeps the wanted ones. */
    public static final int LARGE_SELECTION = 1_000;

    public java.util.Map<GuardianId, Account> byGuardians(java.util.Collection<GuardianId> guardians) {
        java.util.Map<GuardianId, Account> result = new java.util.HashMap<>();
        if (guardians.isEmpty()) {
            return result;
        }
        java.util.Set<GuardianId> wanted = java.util.Set.copyOf(guardians);
        // A long id list is slower than a scan (H2 looks ids up one by one) and may pass H2's 100,000 parameters.
        boolean scan = wanted.size() > LARGE_SELECTION;
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> {
            var query = h.createQuery("select " + ACCOUNT_COLUMNS + " from guardian_accounts"
                    + (scan ? "" : " where guardian_id in (<ids>)"));
            if (!scan) {
                query.bindList("ids", wanted.stream().map(GuardianId::value).toList());
            }
            query.map((rs, ctx) -> account(rs)).filter(a -> wanted.contains(a.guardian()))
                    .forEach(a -> result.put(a.guardian(), a));
        });
        return result;
    }

    public void setPassword(Handle h, GuardianId guardian, String passwordHash, Instant now) {
        h.createUpdate("""
                        update guardian_accounts set password_hash = :hash, status = 'ACTIVE',
                               activated_at = coalesce(activated_at, :now), updated_at = :now
                        where guardian_id = :g""")
                .bind("hash", passwordHash).bind("now", Timestamps.toColumn(now)).bind("g", guardian.value()).execute();
    }

    public void recordLogin(Handle h, GuardianId guardian, Instant now) {
        h.createUpdate("update guardian_accounts set last_login_at = :now where guardian_id = :g")
                .bind("now", Timestamps.toColumn(now)).bind("g", guardian.value()).execute();
    }

    public Optional<GuardianId> guardianOfEmail(String email) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                        "select guardian_id from guardian_accounts where email_normalized = :e")
                .bind("e", EmailAddresses.normalize(email))
                .mapTo(String.class)
                .findOne()
                .map(GuardianId::of));
    }

    /**
     * A new account row. Status NONE keeps an address an administrator corrected before any invitation
     * (R-ACC-13): such a row reserves the address but cannot log in.
     */
    public void insert(Handle h, GuardianId guardian, String email, AccountStatus status, Instant now) {
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

    /** A corrected account email (R-ACC-13); the unique index refuses an address of another account. */
    public void updateEmail(Handle h, GuardianId guardian, String email, Instant now) {
        h.createUpdate("""
                        update guardian_accounts set email = :email, email_normalized = :normalized, updated_at = :now
                        where guardian_id = :g""")
                .bind("email", email.strip())
                .bind("normalized", EmailAddresses.normalize(email))
                .bind("now", Timestamps.toColumn(now))
                .bind("g", guardian.value())
                .execute();
    }

    /**
     * Takes the account's address out of the unique index for the rest of the transaction, so that it can pass
     * to another account in the same transaction (swapped addresses); {@link #updateEmail} then sets the new one.
     * The placeholder holds a space, which no normalised address has.
     */
    public void parkEmail(Handle h, GuardianId guardian, Instant now) {
        h.createUpdate("update guardian_accounts set email_normalized = :parked, updated_at = :now where guardian_id = :g")
                .bind("parked", "parked " + guardian.value()).bind("now", Timestamps.toColumn(now))
                .bind("g", guardian.value()).execute();
    }

    public void updateStatus(Handle h, GuardianId guardian, AccountStatus status, Instant now) {
        h.createUpdate("update guardian_accounts set status = :status, updated_at = :now where guardian_id = :g")
                .bind("status", status.name())
                .bind("now", Timestamps.toColumn(now))
                .bind("g", guardian.value())
                .execute();
    }
}
