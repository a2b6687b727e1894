package nl.ouderportaal.core.account;

import nl.ouderportaal.core.internal.AccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.SqlErrors;
import nl.ouderportaal.core.validation.CommandValidator;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.SchoolSource;
import org.jdbi.v3.core.Handle;

/**
 * Correcting a guardian's account email (R-ACC-13), one at a time or several at once, before or after
 * login details were sent. The account email starts as the host's address; a correction is kept in the
 * portal (the host's data is never changed) and is where every later mail goes.
 *
 * <p>A changed address is unique among the accounts, revokes every outstanding link of the guardian (an
 * invitation sent to the old address no longer works) and, for a guardian who has an account, is
 * announced to both the old and the new address; an invited guardian who has not set a password yet gets a
 * fresh invitation at the new address instead. A guardian who has no account yet gets no announcement: the
 * invitation that follows goes to the new address. Open sessions stay: the guardian is the same person
 * with a new username. Addresses may be swapped between guardians in one call.
 *
 * <p>Every change of a call is checked before any is made: one bad address refuses the whole call and
 * changes nothing. Staff act with the ADMIN or INVITE role, for guardians with a child at the school, and
 * only when they serve every school of the guardian's children: one account serves them all (R-TEN-1), so
 * redirecting its mail is for someone who serves them all. Each of those schools' audit logs shows the
 * change. Thread-safe.
 */
public final class AccountEmails {

    private final PortalStore store;
    private final HostSources sources;
    private final AccountRepository accounts;
    private final OneTimeTokens tokens;
    private final MailOutbox outbox;
    private final AccountMails mails;
    private final CommandValidator validator;
    private final AuditLog audit;
    private final AccountSettings settings;
    private final Clock clock;

    AccountEmails(PortalStore store, HostSources sources, AccountRepository accounts, OneTimeTokens tokens,
                  MailOutbox outbox, AccountMails mails, CommandValidator validator, AuditLog audit,
                  AccountSettings settings, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.accounts = accounts;
        this.tokens = tokens;
        this.outbox = outbox;
        this.mails = mails;
        this.validator = validator;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Corrects one guardian's account email ("edit the mail address, then send login details").
     *
     * @return whether the address changed (false when it was already this address, ignoring case)
     * @throws PortalValidationException on the field {@code email} when the address is invalid or belongs to
     *     another account; on {@code guardian} when the staff user may not act for this guardian
     */
    public boolean change(StaffActor actor, SchoolId school, GuardianId guardian, String email) {
        return changeAll(actor, school, Map.of(guardian, email == null ? "" : email), id -> "email") == 1;
    }

    /**
     * Corrects the account email of several guardians at once (the overview's "edit the mail addresses of
     * several guardians"). All or nothing.
     *
     * @param emails the new address per guardian
     * @return how many addresses changed
     * @throws PortalValidationException with one violation per refused address, on the field
     *     {@code emails.<guardianId>}; nothing changed then
     */
    public int changeAll(StaffActor actor, SchoolId school, Map<GuardianId, String> emails) {
        return changeAll(actor, school, emails, AccountEmails::fieldOf);
    }

    /** The field of a guardian's address in {@link #changeAll(StaffActor, SchoolId, Map)}'s violations. */
    public static String fieldOf(GuardianId guardian) {
        return "emails." + guardian.value();
    }

    private int changeAll(StaffActor actor, SchoolId school, Map<GuardianId, String> emails,
                          Function<GuardianId, String> field) {
        if (!actor.serves(school) || !(actor.has(StaffActor.Role.ADMIN) || actor.has(StaffActor.Role.INVITE))) {
            throw PortalValidationException.of("school",
                    "U kunt voor deze school geen e-mailadressen wijzigen.",
                    "You cannot change email addresses for this school.");
        }
        if (emails.isEmpty()) {
            throw PortalValidationException.of("guardianIds", "Kies eerst een of meer verzorgers.",
                    "Choose one or more guardians first.");
        }
        Map<GuardianId, GuardianAtSchools> guardians = guardians(emails.keySet());
        Map<GuardianId, AccountRepository.Account> existing = accounts.byGuardians(emails.keySet());
        List<Violation> violations = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Map<String, GuardianId> newAddresses = new HashMap<>();
        for (Map.Entry<GuardianId, String> entry : emails.entrySet()) {
            GuardianId id = entry.getKey();
            GuardianAtSchools guardian = guardians.get(id);
            if (guardian == null || !guardian.schools().contains(school)) {
                violations.add(new Violation(field.apply(id), LocalizedText.of(
                        "U kunt voor deze verzorger geen e-mailadres wijzigen.",
                        "You cannot change this guardian's email address.")));
                continue;
            }
            // One account serves every school of the guardian's children (R-TEN-1): whoever redirects its mail
            // must serve all of them, or staff of one school could take over what another school shares.
            if (!actor.schools().containsAll(guardian.schools())) {
                violations.add(new Violation(field.apply(id), LocalizedText.of(
                        "Deze verzorger heeft ook een kind op een school die u niet beheert. Het e-mailadres kan alleen"
                                + " worden gewijzigd door iemand die alle scholen van de kinderen beheert.",
                        "This guardian also has a child at a school you do not serve. Only someone who serves every"
                                + " school of the children can change the email address.")));
                continue;
            }
            String email = entry.getValue() == null ? "" : entry.getValue().strip();
            Optional<LocalizedText> invalid = invalidity(email);
            if (invalid.isPresent()) {
                violations.add(new Violation(field.apply(id), invalid.get()));
                continue;
            }
            AccountRepository.Account account = existing.get(id);
            String current = account != null ? account.email() : guardian.guardian().contact().email();
            String normalized = EmailAddresses.normalize(email);
            if (current != null && EmailAddresses.normalize(current).equals(normalized)) {
                continue;
            }
            if (newAddresses.putIfAbsent(normalized, id) != null) {
                violations.add(new Violation(field.apply(id), TAKEN));
                continue;
            }
            changes.add(new Change(id, guardian.guardian().name().displayName(), guardian.schools(), email));
        }
        // An address another account holds is free only when that account moves to another address in this same
        // call: so that swapped addresses (the father's and the mother's) can be corrected in one go.
        Set<GuardianId> movingAway = changes.stream().map(Change::guardian).collect(Collectors.toSet());
        for (Change change : changes) {
            Optional<GuardianId> owner = accounts.guardianOfEmail(change.email());
            if (owner.isPresent() && !owner.get().equals(change.guardian()) && !movingAway.contains(owner.get())) {
                violations.add(new Violation(field.apply(change.guardian()), TAKEN));
            }
        }
        if (!violations.isEmpty()) {
            throw new PortalValidationException(violations);
        }
        if (changes.isEmpty()) {
            return 0;
        }
        changes.sort(java.util.Comparator.comparing(c -> c.guardian().value())); // one lock order: no deadlock
        String schoolName = sources.get(SchoolSource.class).schools(List.of(school)).stream().findFirst()
                .map(School::name).orElseThrow(() -> new IllegalStateException("The host does not know school " + school));
        try {
            nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
                Instant now = clock.instant();
                Map<GuardianId, AccountRepository.Account> locked = new HashMap<>();
                for (Change change : changes) {
                    accounts.byGuardianForUpdate(h, change.guardian()).ifPresent(a -> locked.put(change.guardian(), a));
                }
                // Free the addresses first, so that an address may pass from one of these accounts to another.
                locked.keySet().forEach(guardian -> accounts.parkEmail(h, guardian, now));
                for (Change change : changes) {
                    AccountRepository.Account account = locked.get(change.guardian());
                    String previous = account != null ? account.email()
                            : guardians.get(change.guardian()).guardian().contact().email();
                    if (account == null) {
                        accounts.insert(h, change.guardian(), change.email(), AccountStatus.NONE, now);
                    } else {
                        accounts.updateEmail(h, change.guardian(), change.email(), now);
                        tokens.revokeAll(h, change.guardian(), now);
                        announce(h, actor, school, schoolName, change, account, now);
                    }
                    for (SchoolId each : change.schools()) {
                        nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "account.email-changed", each, AuditEvent.ActorType.STAFF,
                                actor.id().value(), actor.name(), change.guardian(),
                                (previous == null ? "(none)" : previous) + " -> " + change.email()));
                    }
                }
            });
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // Another call took one of the addresses, or made one of these accounts, in the meantime; this
            // transaction changed nothing.
            List<Violation> taken = changes.stream()
                    .filter(c -> accounts.guardianOfEmail(c.email()).filter(g -> !g.equals(c.guardian())).isPresent())
                    .map(c -> new Violation(field.apply(c.guardian()), TAKEN)).toList();
            throw new PortalValidationException(taken.isEmpty() ? List.of(new Violation("", LocalizedText.of(
                    "Tegelijk werd hetzelfde account gewijzigd. Er is niets opgeslagen; probeer het opnieuw.",
                    "The same account was changed at the same time. Nothing was saved; please try again."))) : taken);
        }
        return changes.size();
    }

    /**
     * Tells the account's old and new address. An invited guardian without a password gets a fresh invitation at
     * the new address (the old link was just revoked); an inactive account is told it is inactive.
     */
    private void announce(Handle h, StaffActor actor, SchoolId school, String schoolName, Change change,
                          AccountRepository.Account account, Instant now) {
        if (account.status() == AccountStatus.NONE) {
            return;
        }
        nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mails.emailChangedToOld(change.guardian(), account.email(), change.name(), school, schoolName,
                actor.name()), now);
        if (account.status() == AccountStatus.INVITED) {
            String token = tokens.issue(h, change.guardian(), TokenPurpose.INVITATION, settings.invitationLifetime(), now);
            nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mails.invitation(change.guardian(), change.email(), change.name(), school, schoolName,
                    actor.name(), token, now.plus(settings.invitationLifetime())), now);
            nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "invitation.issued", school, AuditEvent.ActorType.STAFF,
                    actor.id().value(), actor.name(), change.guardian(), "after an email correction"));
        } else {
            nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mails.emailChangedToNew(change.guardian(), change.email(), change.name(), school, schoolName,
                    actor.name(), account.status() == AccountStatus.ACTIVE), now);
        }
    }

    private static final LocalizedText TAKEN = LocalizedText.of("Dit e-mailadres hoort al bij een ander account.",
            "This email address already belongs to another account.");

    private Optional<LocalizedText> invalidity(String email) {
        try {
            validator.validate(new Accounts.AccountEmail(email));
        } catch (PortalValidationException e) {
            return Optional.of(e.violations().get(0).message());
        }
        // Stricter than Bean Validation: one address without display name or line breaks, a dotted domain.
        return EmailAddresses.isValid(email) ? Optional.empty() : Optional.of(LocalizedText.of(
                "Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.",
                "Enter a valid email address, for example name@school.org."));
    }

    /** A guardian the host knows, with the schools of all their linked children. */
    private record GuardianAtSchools(Guardian guardian, Set<SchoolId> schools) {
    }

    private Map<GuardianId, GuardianAtSchools> guardians(Set<GuardianId> ids) {
        GuardianSource guardianSource = sources.get(GuardianSource.class);
        List<GuardianId> known = new ArrayList<>();
        Map<GuardianId, Guardian> data = new HashMap<>();
        for (GuardianId id : ids) {
            guardianSource.guardian(id).ifPresent(g -> {
                known.add(id);
                data.put(id, g);
            });
        }
        Map<GuardianId, GuardianAtSchools> result = new LinkedHashMap<>();
        new ChildrensSchools(sources).of(known).forEach((id, schools) -> result.put(id, new GuardianAtSchools(data.get(id), schools)));
        return result;
    }

    private record Change(GuardianId guardian, String name, Set<SchoolId> schools, String email) {
    }
}
