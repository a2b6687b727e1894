package nl.ouderportaal.core.account;

import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.internal.RateLimits;
import java.time.Clock;
import java.time.ZoneId;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.CommandValidator;

/**
 * The account services of one portal, wired together. Internal to the core: hosts reach them through
 * {@code Portal}.
 *
 * @param accounts account status, import and deactivation
 * @param invitations sending login details
 * @param authentication login, logout, sessions, links and recovery
 * @param impersonations log in as guardian
 * @param policy the password policy
 * @param staffSessions sessions of staff users in a web administration
 * @param emails correcting account email addresses
 */
public record AccountServices(Accounts accounts, Invitations invitations, Authentication authentication,
                              Impersonations impersonations, PasswordPolicy policy,
                              StaffSessions staffSessions, AccountEmails emails) {

    public static AccountServices create(PortalStore store, HostSources sources, AccountSettings settings,
                                         MailOutbox outbox, CommandValidator validator, AuditLog audit, Clock clock,
                                         ZoneId zone) {
        AccountRepository repository = new AccountRepository(store);
        OneTimeTokens tokens = new OneTimeTokens(store);
        Sessions sessions = new Sessions(store, audit, clock, settings.idleTimeout(), settings.absoluteTimeout());
        PasswordHasher hasher = new PasswordHasher(settings.hashing());
        PasswordPolicy policy = PasswordPolicy.standard();
        AccountMails mails = new AccountMails(settings, zone);
        Accounts accounts = new Accounts(store, repository, validator, audit, clock, tokens, sessions, sources);
        Invitations invitations = new Invitations(store, sources, repository, tokens, outbox, mails, audit, settings, clock);
        LoginThrottle throttle = new LoginThrottle(store);
        Authentication authentication = new Authentication(store, repository, tokens, sessions, throttle,
                new RateLimits(store), hasher, policy, outbox, mails, audit, settings, clock);
        Impersonations impersonations = new Impersonations(store, sources, repository, sessions, audit, clock);
        StaffSessions staffSessions = new StaffSessions(store, audit, clock, settings.idleTimeout(),
                settings.absoluteTimeout(), throttle);
        AccountEmails emails = new AccountEmails(store, sources, repository, tokens, outbox, mails, validator, audit, settings,
                clock);
        return new AccountServices(accounts, invitations, authentication, impersonations, policy, staffSessions, emails);
    }
}
