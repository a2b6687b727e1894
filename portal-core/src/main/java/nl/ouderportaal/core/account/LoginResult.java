package nl.ouderportaal.core.account;

import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;

/**
 * The outcome of a login. A refusal never says why: unknown address, wrong password, inactive or
 * waiting account all give the same message (R-ACC-7, no enumeration).
 */
public sealed interface LoginResult {

    /**
     * Logged in.
     *
     * @param sessionToken the new session's token, for the client only (a cookie)
     * @param guardian who logged in
     */
    record Success(String sessionToken, GuardianId guardian) implements LoginResult {
        public Success {
            Objects.requireNonNull(sessionToken, "sessionToken");
            Objects.requireNonNull(guardian, "guardian");
        }

        @Override
        public String toString() {
            return "Success[guardian=" + guardian + "]";
        }
    }

    /**
     * Not logged in.
     *
     * @param message the one message every refusal shows
     */
    record Refused(LocalizedText message) implements LoginResult {
    }

    LocalizedText REFUSED = LocalizedText.of(
            "Het e-mailadres of het wachtwoord klopt niet, of er is te vaak een verkeerd wachtwoord ingevuld. "
                    + "Probeer het over een paar minuten opnieuw, of vraag een nieuw wachtwoord aan.",
            "The email address or the password is not right, or a wrong password was entered too often. "
                    + "Try again in a few minutes, or ask for a new password.");
}
