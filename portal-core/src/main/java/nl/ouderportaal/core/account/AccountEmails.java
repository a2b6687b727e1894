package nl.ouderportaal.core.account;

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
import nl.ouderportaal.core.store.SqlErrors;
import nl.ouderportaal.core.validation.CommandValidator;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.StudentSource;

/**
 * Correcting a guardian's account email (R-ACC-13), one at a time or several at once, before or after
 * login details were sent. The account email starts as the host's address; a correction is kept in the
 * portal (the host's data is never changed) and is where every later mail goes.
 *
 * <p>A changed address is unique among the accounts, revokes every outstanding link of the guardian (an
 * invitation sent to the old address no longer works) and, for a guardian who has an account, is
 * announced to both the old and the new address. A guardian who has no account yet gets no announcement:
 * the invitation that follows goes to the new address. Open sessions stay: the guardian is the same
 * person with a new username.
 *
 * <p>Every change of a call is checked before any is made: one bad address refuses the whole call and
 * changes nothing. Staff act only for guardians with a child at a school they serve, with the ADMIN or
 * INVITE role. Thread-safe.
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
    private final Clock clock;

    AccountEmails(PortalStore store, HostSources sources, AccountRepository accounts, OneTimeTokens tokens,
                  MailOutbox outbox, AccountMails mails, CommandValidator validator, AuditLog audit, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.accounts = accounts;
        this.tokens = tokens;
        this.outbox = outbox;
        this.mails = mails;
        this.validator = validator;
        this.audit = audit;
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
        Map<GuardianId, Guardian> guardians = guardiansAtSchool(school, emails.keySet());
        Map<GuardianId, AccountRepository.Account> existing = accounts.byGuardians(emails.keySet());
        List<Violation> violations = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Map<String, GuardianId> newAddresses = new HashMap<>();
        for (Map.Entry<GuardianId, String> entry : emails.entrySet()) {
            GuardianId id = entry.getKey();
            Guardian guardian = guardians.get(id);
            if (guardian == null) {
                violations.add(new Violation(field.apply(id), LocalizedText.of(
                        "U kunt voor deze verzorger geen e-mailadres wijzigen.",
                        "You cannot change this guardian's email address.")));
                continue;
            }
            String email = entry.getValue() == null ? "" : entry.getValue().strip();
            Optional<LocalizedText> invalid = invalidity(email);
            if (invalid.isPresent()) {
                violations.add(new Violation(field.apply(id), invalid.get()));
                continue;
            }
            AccountRepository.Account account = existing.get(id);
            String current = account != null ? account.email() : guardian.contact().email();
            String normalized = EmailAddresses.normalize(email);
            if (current != null && EmailAddresses.normalize(current).equals(normalized)) {
                continue;
            }
            Optional<GuardianId> owner = accounts.guardianOfEmail(email);
            GuardianId earlierInThisCall = newAddresses.putIfAbsent(normalized, id);
            if ((owner.isPresent() && !owner.get().equals(id)) || earlierInThisCall != null) {
                violations.add(new Violation(field.apply(id), TAKEN));
                continue;
            }
            changes.add(new Change(id, guardian.name().displayName(), current, email));
        }
        if (!violations.isEmpty()) {
            throw new PortalValidationException(violations);
        }
        if (changes.isEmpty()) {
            return 0;
        }
        String schoolName = sources.get(SchoolSource.class).schools(List.of(school)).stream().findFirst()
                .map(School::name).orElseThrow(() -> new IllegalStateException("The host does not know school " + school));
        try {
            store.jdbi().useTransaction(h -> {
                Instant now = clock.instant();
                for (Change change : changes) {
                    Optional<AccountRepository.Account> locked = accounts.byGuardianForUpdate(h, change.guardian());
                    if (locked.isEmpty()) {
                        accounts.insert(h, change.guardian(), change.email(), AccountStatus.NONE, now);
                    } else {
                        accounts.updateEmail(h, change.guardian(), change.email(), now);
                        tokens.revokeAll(h, change.guardian(), now);
                        if (locked.get().status() != AccountStatus.NONE) {
                            outbox.enqueue(h, mails.emailChangedToOld(change.guardian(), locked.get().email(),
                                    change.name(), school, schoolName, actor.name()), now);
                            outbox.enqueue(h, mails.emailChangedToNew(change.guardian(), change.email(), change.name(),
                                    school, schoolName, actor.name()), now);
                        }
                    }
                    audit.append(h, new AuditEvent(now, "account.email-changed", school, AuditEvent.ActorType.STAFF,
                            actor.id().value(), actor.name(), change.guardian(),
                            (change.previous() == null ? "(none)" : change.previous()) + " -> " + change.email()));
                }
            });
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // Another call took one of the addresses in the meantime; this transaction changed nothing.
            throw new PortalValidationException(changes.stream()
                    .filter(c -> accounts.guardianOfEmail(c.email()).filter(g -> !g.equals(c.guardian())).isPresent())
                    .map(c -> new Violation(field.apply(c.guardian()), TAKEN))
                    .collect(Collectors.collectingAndThen(Collectors.toList(),
                            list -> list.isEmpty() ? List.of(new Violation("", TAKEN)) : list)));
        }
        return changes.size();
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

    /** The guardians among these that the host knows and that have a child at the school. */
    private Map<GuardianId, Guardian> guardiansAtSchool(SchoolId school, Set<GuardianId> ids) {
        GuardianSource guardianSource = sources.get(GuardianSource.class);
        Map<GuardianId, Guardian> known = new LinkedHashMap<>();
        Map<GuardianId, List<StudentId>> children = new HashMap<>();
        for (GuardianId id : ids) {
            guardianSource.guardian(id).ifPresent(g -> {
                known.put(id, g);
                children.put(id, guardianSource.linksOfGuardian(id).stream().map(GuardianLink::studentId).toList());
            });
        }
        List<StudentId> all = children.values().stream().flatMap(List::stream).distinct().toList();
        Set<StudentId> atSchool = all.isEmpty() ? Set.of() : sources.get(StudentSource.class).students(all).stream()
                .filter(s -> s.schoolId().equals(school)).map(s -> s.id()).collect(Collectors.toSet());
        known.keySet().removeIf(id -> children.get(id).stream().noneMatch(atSchool::contains));
        return known;
    }

    private record Change(GuardianId guardian, String name, String previous, String email) {
    }
}
