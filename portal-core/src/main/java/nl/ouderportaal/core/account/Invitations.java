package nl.ouderportaal.core.account;

import nl.ouderportaal.core.internal.AccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.SqlErrors;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;

/**
 * Sending login details (R-ACC-1..3): to one guardian, or to a selection after a preview. A guardian
 * without an account gets an invited account with the host's email address; an existing account keeps
 * its own address; an inactive account becomes usable again. Each mail holds a single-use link to set a
 * password (never a password), is signed with the staff user's and the school's name, and goes through
 * the outbox. Staff act only for guardians with a child at a school they serve (R-TEN-2). Thread-safe.
 */
public final class Invitations {

    private final PortalStore store;
    private final HostSources sources;
    private final AccountRepository accounts;
    private final OneTimeTokens tokens;
    private final MailOutbox outbox;
    private final AccountMails mails;
    private final AuditLog audit;
    private final AccountSettings settings;
    private final Clock clock;

    Invitations(PortalStore store, HostSources sources, AccountRepository accounts, OneTimeTokens tokens,
                MailOutbox outbox, AccountMails mails, AuditLog audit, AccountSettings settings, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.accounts = accounts;
        this.tokens = tokens;
        this.outbox = outbox;
        this.mails = mails;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** What inviting these guardians for the school would do; changes nothing. */
    public InvitationPreview preview(StaffActor actor, SchoolId school, Collection<GuardianId> guardians) {
        requireServes(actor, school);
        Map<GuardianId, Guardian> known = new LinkedHashMap<>();
        Map<GuardianId, InvitationPreview.SkipReason> skipped = new LinkedHashMap<>();
        GuardianSource guardianSource = sources.get(GuardianSource.class);
        Map<GuardianId, List<StudentId>> children = new HashMap<>();
        Set<StudentId> allChildren = new HashSet<>();
        for (GuardianId id : new java.util.LinkedHashSet<>(guardians)) {
            Optional<Guardian> guardian = guardianSource.guardian(id);
            if (guardian.isEmpty()) {
                skipped.put(id, InvitationPreview.SkipReason.UNKNOWN_GUARDIAN);
                continue;
            }
            known.put(id, guardian.get());
            List<StudentId> linked = guardianSource.linksOfGuardian(id).stream().map(GuardianLink::studentId).toList();
            children.put(id, linked);
            allChildren.addAll(linked);
        }
        Set<StudentId> atSchool = new HashSet<>();
        if (!allChildren.isEmpty()) {
            for (Student student : sources.get(StudentSource.class).students(allChildren)) {
                if (student.schoolId().equals(school)) {
                    atSchool.add(student.id());
                }
            }
        }
        Map<GuardianId, AccountRepository.Account> existing = accounts.byGuardians(known.keySet());
        List<InvitationPreview.Recipient> recipients = new ArrayList<>();
        Set<String> addressesInThisRun = new HashSet<>();
        for (Guardian guardian : known.values()) {
            GuardianId id = guardian.id();
            if (children.get(id).stream().noneMatch(atSchool::contains)) {
                skipped.put(id, InvitationPreview.SkipReason.NOT_AT_YOUR_SCHOOL);
                continue;
            }
            AccountRepository.Account account = existing.get(id);
            String email = account != null ? account.email() : guardian.contact().email();
            if (email == null || email.isBlank()) {
                skipped.put(id, InvitationPreview.SkipReason.NO_EMAIL);
            } else if (!EmailAddresses.isValid(email)) {
                skipped.put(id, InvitationPreview.SkipReason.INVALID_EMAIL);
            } else if (account == null && (accounts.guardianOfEmail(email).isPresent()
                    || !addressesInThisRun.add(EmailAddresses.normalize(email)))) {
                skipped.put(id, InvitationPreview.SkipReason.EMAIL_OF_ANOTHER_ACCOUNT);
            } else {
                recipients.add(new InvitationPreview.Recipient(id, guardian.name().displayName(), email.strip()));
            }
        }
        return new InvitationPreview(recipients, skipped);
    }

    /** Sends login details to one guardian ("save and send login details"). */
    public InvitationPreview inviteOne(StaffActor actor, SchoolId school, GuardianId guardian) {
        return invite(actor, school, List.of(guardian));
    }

    /**
     * Sends login details to every guardian the preview accepts, and reports what was sent and skipped.
     * Each guardian is handled in a transaction of its own: a failure for one does not undo the others.
     */
    public InvitationPreview invite(StaffActor actor, SchoolId school, Collection<GuardianId> guardians) {
        InvitationPreview preview = preview(actor, school, guardians);
        School schoolData = sources.get(SchoolSource.class).schools(List.of(school)).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The host does not know school " + school));
        List<InvitationPreview.Recipient> sent = new ArrayList<>();
        Map<GuardianId, InvitationPreview.SkipReason> skipped = new LinkedHashMap<>(preview.skipped());
        for (InvitationPreview.Recipient recipient : preview.recipients()) {
            try {
                nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
                    Instant now = clock.instant();
                    Optional<AccountRepository.Account> account = accounts.byGuardianForUpdate(h, recipient.guardian());
                    if (account.isEmpty()) {
                        accounts.insert(h, recipient.guardian(), recipient.email(), AccountStatus.INVITED, now);
                    } else if (account.get().status() == AccountStatus.NONE) {
                        // The address was corrected before this first invitation (R-ACC-13).
                        accounts.updateStatus(h, recipient.guardian(), AccountStatus.INVITED, now);
                    } else if (account.get().status() == AccountStatus.INACTIVE) {
                        accounts.updateStatus(h, recipient.guardian(),
                                account.get().passwordHash() == null ? AccountStatus.INVITED : AccountStatus.ACTIVE, now);
                    }
                    // The address as locked now: a correction made since the preview must not get the old one a link.
                    String email = account.map(AccountRepository.Account::email).orElse(recipient.email());
                    String token = tokens.issue(h, recipient.guardian(), TokenPurpose.INVITATION,
                            settings.invitationLifetime(), now);
                    nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mails.invitation(recipient.guardian(), email, recipient.name(), school,
                            schoolData.name(), actor.name(), token, now.plus(settings.invitationLifetime())), now);
                    nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "invitation.issued", school, AuditEvent.ActorType.STAFF,
                            actor.id().value(), actor.name(), recipient.guardian(), null));
                });
                sent.add(recipient);
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // Another invitation created an account with this address in the meantime.
                skipped.put(recipient.guardian(), InvitationPreview.SkipReason.EMAIL_OF_ANOTHER_ACCOUNT);
            }
        }
        return new InvitationPreview(sent, skipped);
    }


    private static void requireServes(StaffActor actor, SchoolId school) {
        if (!actor.serves(school) || !(actor.has(StaffActor.Role.ADMIN) || actor.has(StaffActor.Role.INVITE))) {
            throw PortalValidationException.of("school",
                    "U kunt voor deze school geen inloggegevens versturen.",
                    "You cannot send login details for this school.");
        }
    }
}
