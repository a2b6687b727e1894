package nl.ouderportaal.core.account;

import java.util.List;
import java.util.Map;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What a bulk invitation would do, for the confirmation step (R-ACC-2): who will receive login details,
 * who is skipped and why. The send step returns the same shape with what was done.
 *
 * @param recipients the guardians who receive (or received) login details, with the address used
 * @param skipped the guardians left out, with the reason
 */
public record InvitationPreview(List<Recipient> recipients, Map<GuardianId, SkipReason> skipped) {

    public InvitationPreview {
        recipients = List.copyOf(recipients);
        skipped = Map.copyOf(skipped);
    }

    /**
     * A guardian who receives login details.
     *
     * @param guardian the guardian
     * @param name the guardian's name
     * @param email the address the mail goes to
     */
    public record Recipient(GuardianId guardian, String name, String email) {
        @Override
        public String toString() {
            return "Recipient[" + guardian + "]";
        }
    }

    /** Why a guardian is skipped. */
    public enum SkipReason {
        /**
         * No longer given: an unknown guardian is skipped as {@link #NOT_AT_YOUR_SCHOOL}, so that the answer does
         * not tell which guardian ids exist at other schools.
         */
        @Deprecated
        UNKNOWN_GUARDIAN("Onbekende verzorger", "Unknown guardian"),
        NOT_AT_YOUR_SCHOOL("Geen kind op uw school", "No child at your school"),
        /** The account has a password: the guardian logs in, or uses "forgot password"; no staff user sends a link. */
        HAS_PASSWORD("Heeft al een wachtwoord (kan zelf 'wachtwoord vergeten' gebruiken)",
                "Already has a password (can use 'forgot password')"),
        /** An inactive account of a guardian with children at a school the staff user does not serve. */
        OTHER_SCHOOLS("Account hoort ook bij een andere school; alleen wie alle scholen van de kinderen beheert, kan het weer actief maken",
                "The account also belongs to another school; only someone who serves every school of the children can reactivate it"),
        NO_EMAIL("Geen e-mailadres", "No email address"),
        INVALID_EMAIL("Ongeldig e-mailadres", "Invalid email address"),
        EMAIL_OF_ANOTHER_ACCOUNT("E-mailadres hoort bij een ander account", "Email address belongs to another account");

        private final LocalizedText text;

        SkipReason(String nl, String en) {
            this.text = LocalizedText.of(nl, en);
        }

        public LocalizedText text() {
            return text;
        }
    }

    /** "12 verzorgers ontvangen inloggegevens; 2 worden overgeslagen." */
    public LocalizedText summary() {
        return LocalizedText.of(
                recipients.size() + (recipients.size() == 1 ? " verzorger ontvangt" : " verzorgers ontvangen")
                        + " inloggegevens; " + skipped.size() + (skipped.size() == 1 ? " wordt" : " worden") + " overgeslagen.",
                recipients.size() + (recipients.size() == 1 ? " guardian receives" : " guardians receive")
                        + " login details; " + skipped.size() + " skipped.");
    }
}
