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
        UNKNOWN_GUARDIAN("Onbekende verzorger", "Unknown guardian"),
        NOT_AT_YOUR_SCHOOL("Geen kind op uw school", "No child at your school"),
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
