package nl.ouderportaal.core.account;

import nl.ouderportaal.core.internal.AccountRepository;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.CommandValidator;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;

/**
 * Guardian accounts: their status, and the import of accounts that already exist elsewhere. Thread-safe.
 */
public final class Accounts {

    private final PortalStore store;
    private final AccountRepository repository;
    private final CommandValidator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final OneTimeTokens tokens;
    private final Sessions sessions;
    private final HostSources sources;

    Accounts(PortalStore store, AccountRepository repository, CommandValidator validator, AuditLog audit, Clock clock,
             OneTimeTokens tokens, Sessions sessions, HostSources sources) {
        this.store = store;
        this.repository = repository;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.tokens = tokens;
        this.sessions = sessions;
        this.sources = sources;
    }

    /**
     * Deactivates an account (R-ACC-4): no more logins, every open session ends at once and every
     * outstanding link stops working. Sending login details again makes it usable.
     *
     * @throws PortalValidationException when the staff user does not serve a school of the guardian's children
     */
    public void deactivate(StaffActor actor, GuardianId guardian) {
        // The schools whose audit log shows the deactivation: those of the guardian's children that the actor serves.
        List<SchoolId> schools = new ChildrensSchools(sources).of(guardian).stream().filter(actor::serves).toList();
        if (schools.isEmpty() || !(actor.has(StaffActor.Role.ADMIN) || actor.has(StaffActor.Role.INVITE))) {
            throw PortalValidationException.of("guardian", "U kunt dit account niet inactief maken.",
                    "You cannot deactivate this account.");
        }
        if (repository.status(guardian) == AccountStatus.NONE) {
            throw PortalValidationException.of("guardian", "Deze verzorger heeft geen account.",
                    "This guardian has no account.");
        }
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            Instant now = clock.instant();
            repository.updateStatus(h, guardian, AccountStatus.INACTIVE, now);
            tokens.revokeAll(h, guardian, now);
            int ended = sessions.endAll(h, guardian, "deactivated", null);
            for (SchoolId school : schools) {
                nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "account.deactivated", school, AuditEvent.ActorType.STAFF,
                        actor.id().value(), actor.name(), guardian, "sessions ended: " + ended));
            }
        });
    }

    public AccountStatus status(GuardianId guardian) {
        return repository.status(guardian);
    }

    /**
     * An active account that exists before the school starts with the portal (the seed's "parents who
     * already have an account, for instance for another app"). It has no password in the portal: the
     * guardian sets one through the forgotten-password flow.
     *
     * @throws PortalValidationException when the address is invalid, or the guardian or address already has an account
     */
    public void importActiveAccount(GuardianId guardian, String email, String importedBy) {
        validator.validate(new AccountEmail(email));
        if (repository.status(guardian) != AccountStatus.NONE) {
            throw PortalValidationException.of("guardian", "Deze verzorger heeft al een account.",
                    "This guardian already has an account.");
        }
        if (repository.guardianOfEmail(email).filter(owner -> !owner.equals(guardian)).isPresent()) {
            throw PortalValidationException.of("email", "Dit e-mailadres hoort al bij een ander account.",
                    "This email address already belongs to another account.");
        }
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            // A row with status NONE holds an address corrected by staff (R-ACC-13); the import replaces it.
            h.createUpdate("delete from guardian_accounts where guardian_id = :g and status = 'NONE'")
                    .bind("g", guardian.value()).execute();
            repository.insert(h, guardian, email, AccountStatus.ACTIVE, clock.instant());
            nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), "account.imported", null, AuditEvent.ActorType.STAFF, null,
                    importedBy, guardian, null));
        });
    }

    /** An account email address as entered: required, valid, at most 320 characters. */
    record AccountEmail(
            @NotBlank(message = "{nl.ouderportaal.MailAddress.message}")
            @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{nl.ouderportaal.MailAddress.message}")
            @Size(max = 320, message = "{nl.ouderportaal.Size.max}")
            String email) {

        AccountEmail {
            email = email == null ? null : email.strip();
        }
    }
}
