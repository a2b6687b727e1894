package nl.ouderportaal.core.account;

import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.internal.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.internal.PortalMetrics;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.LocalizedText;
import org.jdbi.v3.core.Handle;

/**
 * What a guardian does to get in and out (R-ACC-6..8): log in, log out, set a password from an
 * invitation or a reset link, and ask for a forgotten username or password. Every answer that could
 * reveal whether an address has an account is the same for all addresses. Thread-safe.
 */
public final class Authentication {

    private static final Duration RECOVERY_WINDOW = Duration.ofHours(1);

    private final PortalStore store;
    private final AccountRepository accounts;
    private final OneTimeTokens tokens;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final RateLimits rateLimits;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final MailOutbox outbox;
    private final AccountMails mails;
    private final AuditLog audit;
    private final AccountSettings settings;
    private final Clock clock;
    private final PortalMetrics metrics;
    private final HostSources sources;
    private final ChildrensSchools childrensSchools;

    Authentication(PortalStore store, AccountRepository accounts, OneTimeTokens tokens, Sessions sessions,
                   LoginThrottle throttle, RateLimits rateLimits, PasswordHasher hasher, PasswordPolicy policy,
                   MailOutbox outbox, AccountMails mails, AuditLog audit, AccountSettings settings, Clock clock,
                   PortalMetrics metrics, HostSources sources) {
        this.metrics = metrics;
        this.sources = sources;
        this.childrensSchools = new ChildrensSchools(sources);
        this.store = store;
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.rateLimits = rateLimits;
        this.hasher = hasher;
        this.policy = policy;
        this.outbox = outbox;
        this.mails = mails;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Logs in with the account's email address and password. */
    public LoginResult login(String email, String password) {
        // Why a refusal was given, for the meters only: never shown (R-ACC-7).
        String[] refusal = {"refused"};
        LoginResult result = attemptLogin(email, password, refusal);
        metrics.login(result instanceof LoginResult.Success ? "success" : refusal[0]);
        return result;
    }

    private LoginResult attemptLogin(String email, String password, String[] refusal) {
        Instant now = clock.instant();
        char[] secret = password == null ? new char[0] : password.toCharArray();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (email == null || email.isBlank() || email.length() > 320 || length > PasswordPolicy.MAX_LENGTH) {
            hasher.verifyDummy(secret);
            refusal[0] = "invalid";
            return new LoginResult.Refused(LoginResult.REFUSED);
        }
        Optional<AccountRepository.Account> account = accounts.byEmail(email);
        String[] reason = {"wrong-password"};
        LoginThrottle.Outcome outcome = throttle.attempt(email, now, () -> {
            if (account.isEmpty() || account.get().passwordHash() == null) {
                hasher.verifyDummy(secret);
                reason[0] = account.isEmpty() ? "unknown-address" : "no-password";
                return false;
            }
            boolean matches = hasher.verify(secret, account.get().passwordHash());
            if (matches && account.get().status() != AccountStatus.ACTIVE) {
                reason[0] = "account-" + account.get().status();
                return false;
            }
            return matches;
        });
        GuardianId known = account.map(AccountRepository.Account::guardian).orElse(null);
        if (outcome == LoginThrottle.Outcome.WAITING) {
            // No hash while an address waits: every address, known or not, waits alike, so skipping it tells
            // nothing, and a flood of guesses at a waiting address costs no Argon2 at all (issue 19).
            nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> audit(h, "login.throttled", known, null));
            refusal[0] = "throttled";
            return new LoginResult.Refused(LoginResult.REFUSED);
        }
        if (outcome == LoginThrottle.Outcome.REFUSED) {
            nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> audit(h, "login.failed", known, reason[0]));
            return new LoginResult.Refused(LoginResult.REFUSED);
        }
        GuardianId guardian = account.get().guardian();
        String verifiedHash = account.get().passwordHash();
        // Never hash inside the transaction: it would hold a connection and the account's lock for the hash's time.
        String upgraded = hasher.needsRehash(verifiedHash) ? hasher.hash(secret) : null;
        Optional<String> token = nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            // The account may have changed while the password was checked (a reset, a deactivation): no session then.
            Optional<AccountRepository.Account> current = accounts.byGuardianForUpdate(h, guardian);
            if (current.isEmpty() || current.get().status() != AccountStatus.ACTIVE
                    || !verifiedHash.equals(current.get().passwordHash())) {
                return Optional.<String>empty();
            }
            if (upgraded != null) {
                accounts.updateHash(h, guardian, upgraded, now);
            }
            accounts.recordLogin(h, guardian, now);
            audit(h, "login.succeeded", guardian, null);
            return Optional.of(sessions.start(h, guardian, null, null));
        });
        return token.<LoginResult>map(t -> new LoginResult.Success(t, guardian))
                .orElseGet(() -> new LoginResult.Refused(LoginResult.REFUSED));
    }

    /** The names and towns of the guardian's children's schools: words a password must not be made of. */
    private java.util.List<String> givenAway(Optional<GuardianId> guardian) {
        if (guardian.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> words = new java.util.ArrayList<>();
        for (nl.ouderportaal.spi.host.School school : sources.get(nl.ouderportaal.spi.host.SchoolSource.class)
                .schools(childrensSchools.of(guardian.get()))) {
            words.add(school.name());
            if (school.address() != null) {
                words.add(school.address().city());
            }
        }
        return words;
    }

    /** Ends the session server-side (R-ACC-8). */
    public void logout(String sessionToken) {
        sessions.resolve(sessionToken).ifPresent(session -> {
            sessions.end(sessionToken, "logout");
            nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> {
                if (session.isImpersonation()) {
                    for (SchoolId school : session.impersonatorSchools()) {
                        nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), "impersonation.ended", school, AuditEvent.ActorType.STAFF,
                                session.impersonator().value(), session.impersonatorName(), session.guardian(), null));
                    }
                } else {
                    audit(h, "logout", session.guardian(), null);
                }
            });
        });
    }

    /**
     * Changes the password of the session's guardian, who must give the current one. Ends the guardian's
     * other sessions and mails a confirmation. Refused in an impersonation (R-IMP-2).
     *
     * @throws ImpersonationReadOnlyException in an impersonation; nothing is stored or sent
     * @throws PortalValidationException when the session is not live, the current password is wrong, or the
     *     new one is not acceptable
     */
    public void changePassword(WritePermit permit, String currentPassword, String newPassword) {
        String sessionToken = permit.sessionToken();
        Session session = requireSession(sessionToken);
        AccountRepository.Account account = accounts.byGuardian(session.guardian()).orElseThrow();
        boolean tooLong = currentPassword != null
                && currentPassword.codePointCount(0, currentPassword.length()) > PasswordPolicy.MAX_LENGTH;
        // The current password is guessed under the same throttle as a login, so a borrowed session cannot brute-force it.
        LoginThrottle.Outcome outcome = throttle.attempt(account.email(), clock.instant(), () -> !tooLong
                && currentPassword != null && hasher.verify(currentPassword.toCharArray(), account.passwordHash()));
        if (outcome != LoginThrottle.Outcome.ACCEPTED) {
            throw PortalValidationException.of("currentPassword", "Uw huidige wachtwoord klopt niet, of u moet even wachten.",
                    "Your current password is not right, or you must wait a moment.");
        }
        policy.refusal(newPassword, givenAway(Optional.of(session.guardian()))).ifPresent(message -> {
            throw new PortalValidationException(java.util.List.of(
                    new nl.ouderportaal.core.validation.Violation("password", message)));
        });
        String hash = hasher.hash(newPassword.toCharArray());
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            Instant now = clock.instant();
            accounts.setPassword(h, session.guardian(), hash, now);
            tokens.revokeAll(h, session.guardian(), now);
            sessions.endAll(h, session.guardian(), "password-changed", sessionToken);
            audit(h, "password.changed", session.guardian(), null);
            nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mails.passwordChanged(session.guardian(), account.email()), now);
        });
    }

    /**
     * The live session of a token, for an action that needs one.
     *
     * @throws PortalValidationException when the token belongs to no live session
     */
    public Session requireSession(String sessionToken) {
        return sessions.resolve(sessionToken).orElseThrow(() -> PortalValidationException.of("session",
                "U bent niet (meer) ingelogd.", "You are not logged in (any more)."));
    }

    /**
     * The permit a guardian's write takes (ARCHITECTURE.md principle 15): only for the guardian's own live
     * session.
     *
     * @throws ImpersonationReadOnlyException for an administrator's impersonation session (R-IMP-2)
     * @throws PortalValidationException when the token belongs to no live session
     */
    public WritePermit writePermit(String sessionToken) {
        Session session = requireSession(sessionToken);
        if (session.isImpersonation()) {
            throw new ImpersonationReadOnlyException();
        }
        return new WritePermit(session.guardian(), sessionToken);
    }

    /** The live session of a token; see {@link Sessions#resolve}. */
    public Optional<Session> session(String sessionToken) {
        return sessions.resolve(sessionToken);
    }

    /**
     * Sets the first password from an invitation link. The guardian is not logged in; a confirmation
     * mail is sent.
     *
     * @throws PortalValidationException when the password is not acceptable (the link stays valid) or the
     *     link is not valid (unknown, used, expired, revoked or of another kind)
     */
    public void acceptInvitation(String token, String newPassword) {
        setPassword(token, newPassword, TokenPurpose.INVITATION);
    }

    /** Sets a new password from a reset link; as {@link #acceptInvitation}. */
    public void resetPassword(String token, String newPassword) {
        setPassword(token, newPassword, TokenPurpose.PASSWORD_RESET);
    }

    /**
     * Sets a password from either kind of link (an invitation or a reset), told apart by the token itself:
     * one look-up and at most one hash, as {@link #acceptInvitation}.
     *
     * @throws PortalValidationException as {@link #acceptInvitation}
     */
    public void setPasswordFromLink(String token, String newPassword) {
        TokenPurpose purpose = tokens.purpose(token).orElse(TokenPurpose.INVITATION);
        setPassword(token, newPassword, purpose);
    }

    private void setPassword(String token, String newPassword, TokenPurpose purpose) {
        policy.refusal(newPassword, givenAway(token == null ? Optional.empty() : tokens.owner(token))).ifPresent(message -> {
            throw new PortalValidationException(java.util.List.of(
                    new nl.ouderportaal.core.validation.Violation("password", message)));
        });
        Instant now = clock.instant();
        // The link is checked before the costly hash: an unknown, used or expired link costs no hash at all.
        if (!"valid".equals(tokens.diagnose(token, purpose, now))) {
            refuseLink(token, purpose, now);
        }
        // Hash before taking the link, so that the transaction stays short.
        String hash = hasher.hash(newPassword.toCharArray());
        Optional<GuardianId> redeemed = nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            Optional<GuardianId> guardian = tokens.redeem(h, token, purpose, now);
            if (guardian.isEmpty()) {
                return guardian;
            }
            Optional<AccountRepository.Account> account = accounts.byGuardianForUpdate(h, guardian.get());
            if (account.isEmpty() || account.get().status() == AccountStatus.INACTIVE
                    || account.get().status() == AccountStatus.NONE) {
                h.rollback();
                return Optional.<GuardianId>empty();
            }
            accounts.setPassword(h, guardian.get(), hash, now);
            tokens.revokeAll(h, guardian.get(), now);
            sessions.endAll(h, guardian.get(), "password-changed", null);
            audit(h, "password.set", guardian.get(), purpose.name().toLowerCase(java.util.Locale.ROOT));
            nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mails.passwordChanged(guardian.get(), account.get().email()), now);
            return guardian;
        });
        if (redeemed.isEmpty()) {
            refuseLink(token, purpose, now);
        }
    }

    /** What a link that does not (or no longer) work answers, audited with the reason. */
    public static final LocalizedText LINK_REFUSED = LocalizedText.of(
            "Deze link werkt niet meer: hij is al gebruikt, verlopen of vervangen door een nieuwere. Vraag een nieuwe link aan.",
            "This link no longer works: it was used, has expired or was replaced by a newer one. Ask for a new link.");

    private void refuseLink(String token, TokenPurpose purpose, Instant now) {
        String why = tokens.diagnose(token, purpose, now);
        GuardianId owner = tokens.owner(token).orElse(null);
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> audit(h, "link.refused", owner, purpose.name().toLowerCase(java.util.Locale.ROOT) + ": " + why));
        throw PortalValidationException.of("token", LINK_REFUSED.nl(), LINK_REFUSED.en());
    }

    /**
     * Whether a link from a mail still works (unused, unexpired, not replaced), without using it: the page
     * that shows the password form asks first, so that a used or expired link says so at once.
     */
    public boolean linkWorks(String token) {
        Instant now = clock.instant();
        return tokens.purpose(token).filter(p -> "valid".equals(tokens.diagnose(token, p, now))).isPresent();
    }

    /**
     * Forgot password (R-ACC-7): mails a reset link to an active account's address. The caller shows the
     * same answer whatever happens here; see {@link #RECOVERY_ANSWER}.
     */
    public void forgotPassword(String email) {
        forgotPassword(email, Runnable::run);
    }

    /**
     * As {@link #forgotPassword(String)}, but only the work that is the same for every address (the rate
     * limit) is done at once; what differs between a known and an unknown address (looking up the account,
     * issuing a link, queueing the mail) goes to {@code later}, so that the caller can answer before it runs
     * and the time of the answer tells nothing (issue 19). The web layer passes a small background executor.
     */
    public void forgotPassword(String email, java.util.concurrent.Executor later) {
        recover(email, "password", later, (h, account) -> {
            Instant now = clock.instant();
            String token = tokens.issue(h, account.guardian(), TokenPurpose.PASSWORD_RESET, settings.resetLifetime(), now);
            nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mails.passwordReset(account.guardian(), account.email(), token,
                    now.plus(settings.resetLifetime())), now);
            audit(h, "password.reset.requested", account.guardian(), null);
        });
    }

    /** Forgot username (R-ACC-7): mails the username to an active account's address. */
    public void forgotUsername(String email) {
        forgotUsername(email, Runnable::run);
    }

    /** As {@link #forgotUsername(String)}, with the account's part in {@code later}; see {@link #forgotPassword(String, java.util.concurrent.Executor)}. */
    public void forgotUsername(String email, java.util.concurrent.Executor later) {
        recover(email, "username", later, (h, account) -> {
            nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mails.username(account.guardian(), account.email()), clock.instant());
            audit(h, "username.reminder.requested", account.guardian(), null);
        });
    }

    /** What the page shows after either recovery request, whether or not the address is known. */
    public static final LocalizedText RECOVERY_ANSWER = LocalizedText.of(
            "Als dit e-mailadres bij een account hoort, ontvangt u binnen enkele minuten een e-mail. Kijk ook in uw map met ongewenste e-mail.",
            "If this email address belongs to an account, you will receive an email within a few minutes. Please also check your spam folder.");

    private void recover(String email, String what, java.util.concurrent.Executor later,
                         java.util.function.BiConsumer<Handle, AccountRepository.Account> send) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        // Counted for every address, known or not, so that the work done does not tell which addresses exist.
        String key = "recovery:" + EmailAddresses.normalize(email);
        boolean allowed = rateLimits.tryAcquire(key, settings.recoveryMailsPerHour(), RECOVERY_WINDOW, clock.instant());
        later.execute(() -> sendRecovery(email, what, allowed, send));
    }

    private void sendRecovery(String email, String what, boolean allowed,
                              java.util.function.BiConsumer<Handle, AccountRepository.Account> send) {
        Optional<AccountRepository.Account> account = accounts.byEmail(email);
        if (account.isEmpty() || account.get().status() != AccountStatus.ACTIVE) {
            return;
        }
        if (!allowed) {
            nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> audit(h, "recovery.rate-limited", account.get().guardian(), what));
            return;
        }
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> send.accept(h, account.get()));
    }

    private void audit(Handle h, String action, GuardianId guardian, String detail) {
        nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), action, null, AuditEvent.ActorType.GUARDIAN,
                guardian == null ? null : guardian.value(), null, guardian, detail));
    }
}
