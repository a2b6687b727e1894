package nl.ouderportaal.core.account;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * How accounts behave. The defaults are deliberate:
 * <ul>
 *   <li>an invitation link lives 7 days, because parents read school mail late, and a school that invites
 *       a whole school on a Friday should not have to resend on Monday; a reset link lives 60 minutes,
 *       because the guardian asked for it a moment ago;</li>
 *   <li>a session ends after 30 minutes without a request and after 12 hours in any case;</li>
 *   <li>after 5 failed logins in a row an account waits 1 minute, doubling per failure up to 15;</li>
 *   <li>at most 3 recovery mails per address per hour.</li>
 * </ul>
 *
 * @param portalUrl the portal's public address; every link in a mail is built from it, never from a request
 * @param invitationLifetime lifetime of an invitation link
 * @param resetLifetime lifetime of a password-reset link
 * @param idleTimeout session idle timeout
 * @param absoluteTimeout session absolute timeout
 * @param hashing Argon2id cost
 * @param mailLocale the language of mails (Dutch by default)
 * @param recoveryMailsPerHour per address
 */
public record AccountSettings(URI portalUrl, Duration invitationLifetime, Duration resetLifetime, Duration idleTimeout,
                              Duration absoluteTimeout, PasswordHasher.Parameters hashing, Locale mailLocale,
                              int recoveryMailsPerHour) {

    public static final int FAILURES_BEFORE_WAIT = 5;
    public static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    public AccountSettings {
        Objects.requireNonNull(portalUrl, "portalUrl");
        String scheme = portalUrl.getScheme();
        if (!("https".equals(scheme) || "http".equals(scheme)) || portalUrl.getHost() == null) {
            throw new IllegalArgumentException("The portal URL must be an absolute http(s) address: " + portalUrl);
        }
        Objects.requireNonNull(hashing, "hashing");
        Objects.requireNonNull(mailLocale, "mailLocale");
    }

    public static AccountSettings defaults(URI portalUrl) {
        return new AccountSettings(portalUrl, Duration.ofDays(7), Duration.ofMinutes(60), Duration.ofMinutes(30),
                Duration.ofHours(12), PasswordHasher.PRODUCTION, LocalizedText.DUTCH, 3);
    }

    public AccountSettings withHashing(PasswordHasher.Parameters parameters) {
        return new AccountSettings(portalUrl, invitationLifetime, resetLifetime, idleTimeout, absoluteTimeout, parameters,
                mailLocale, recoveryMailsPerHour);
    }

    /** A link into the portal: the configured address plus a path and a token. */
    public String link(String path, String token) {
        String base = portalUrl.toString().endsWith("/") ? portalUrl.toString() : portalUrl + "/";
        return base + path + "?token=" + token;
    }
}
