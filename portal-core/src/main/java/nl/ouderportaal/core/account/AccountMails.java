package nl.ouderportaal.core.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.ouderportaal.core.mail.OutgoingMail;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;

/**
 * The account mails in Dutch (default) and English, as plain text and HTML. Never a password; links
 * come from the configured portal address. Names go into the subject only as one line.
 */
final class AccountMails {

    static final String INVITATION = "invitation";
    static final String PASSWORD_RESET = "password-reset";
    static final String USERNAME = "username-reminder";
    static final String PASSWORD_CHANGED = "password-changed";
    static final String EMAIL_CHANGED = "email-changed";

    private final AccountSettings settings;
    private final ZoneId zone;

    AccountMails(AccountSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    OutgoingMail invitation(GuardianId guardian, String email, String guardianName, SchoolId school, String schoolName,
                            String staffName, String token, Instant validUntil) {
        boolean en = english();
        String link = settings.link("activate", token);
        String until = formatInstant(validUntil);
        String subject = en ? "Your login details for the parent portal of " + OutgoingMail.oneLine(schoolName)
                : "Uw inloggegevens voor het Ouderportaal van " + OutgoingMail.oneLine(schoolName);
        String[] paragraphs = en ? new String[] {
            "Dear " + guardianName + ",",
            "You now have access to the parent portal of " + schoolName + ". Your username is your email address: " + email + ".",
            "Set your password with this link. It works once and until " + until + ":",
            "\u0000" + link,
            "After that, log in at " + settings.portalUrl() + ".",
            "Kind regards,\n" + staffName + "\n" + schoolName}
            : new String[] {
            "Beste " + guardianName + ",",
            "U heeft toegang gekregen tot het Ouderportaal van " + schoolName + ". Uw gebruikersnaam is uw e-mailadres: " + email + ".",
            "Stel uw wachtwoord in met deze link. De link werkt één keer en is geldig tot " + until + ":",
            "\u0000" + link,
            "Daarna logt u in op " + settings.portalUrl() + ".",
            "Met vriendelijke groet,\n" + staffName + "\n" + schoolName};
        return mail(email, subject, paragraphs, INVITATION, guardian, school);
    }

    OutgoingMail passwordReset(GuardianId guardian, String email, String token, Instant validUntil) {
        boolean en = english();
        String link = settings.link("reset-password", token);
        String until = formatInstant(validUntil);
        String[] paragraphs = en ? new String[] {
            "Someone asked to set a new password for the parent portal account " + email + ".",
            "Set a new password with this link. It works once and until " + until + ":",
            "\u0000" + link,
            "Did you not ask for this? Then ignore this mail: your password stays as it is."}
            : new String[] {
            "Er is gevraagd om een nieuw wachtwoord voor het Ouderportaal-account " + email + ".",
            "Stel een nieuw wachtwoord in met deze link. De link werkt één keer en is geldig tot " + until + ":",
            "\u0000" + link,
            "Heeft u dit niet gevraagd? Dan kunt u deze mail negeren: uw wachtwoord blijft zoals het is."};
        return mail(email, en ? "A new password for the parent portal" : "Nieuw wachtwoord voor het Ouderportaal",
                paragraphs, PASSWORD_RESET, guardian, null);
    }

    OutgoingMail username(GuardianId guardian, String email) {
        boolean en = english();
        String[] paragraphs = en ? new String[] {
            "You asked for your username for the parent portal.",
            "Your username is: " + email,
            "Log in at " + settings.portalUrl() + "."}
            : new String[] {
            "U heeft uw gebruikersnaam voor het Ouderportaal opgevraagd.",
            "Uw gebruikersnaam is: " + email,
            "Log in op " + settings.portalUrl() + "."};
        return mail(email, en ? "Your username for the parent portal" : "Uw gebruikersnaam voor het Ouderportaal",
                paragraphs, USERNAME, guardian, null);
    }

    OutgoingMail passwordChanged(GuardianId guardian, String email) {
        boolean en = english();
        String[] paragraphs = en ? new String[] {
            "The password of your parent portal account " + email + " has just been set.",
            "Was this not you? Ask for a new password at " + settings.portalUrl() + " and tell the school."}
            : new String[] {
            "Het wachtwoord van uw Ouderportaal-account " + email + " is zojuist ingesteld.",
            "Was u dit niet? Vraag dan een nieuw wachtwoord aan via " + settings.portalUrl() + " en meld het bij school."};
        return mail(email, en ? "Your parent portal password was set" : "Uw wachtwoord voor het Ouderportaal is ingesteld",
                paragraphs, PASSWORD_CHANGED, guardian, null);
    }

    /** To the address an account had: it changed, and who changed it; not the new address (R-ACC-13). */
    OutgoingMail emailChangedToOld(GuardianId guardian, String oldEmail, String guardianName, SchoolId school,
                                   String schoolName, String staffName) {
        boolean en = english();
        String[] paragraphs = en ? new String[] {
            "Dear " + guardianName + ",",
            "The email address of your parent portal account " + oldEmail + " has been changed by " + staffName
                + " of " + schoolName + ". From now on you log in with the new address, and the portal's mails go there.",
            "Links sent to this address no longer work.",
            "Is this not right? Please contact the school.",
            "Kind regards,\n" + schoolName}
            : new String[] {
            "Beste " + guardianName + ",",
            "Het e-mailadres van uw Ouderportaal-account " + oldEmail + " is gewijzigd door " + staffName
                + " van " + schoolName + ". U logt voortaan in met het nieuwe adres, en de mails van het portaal gaan daarheen.",
            "Links die naar dit adres zijn gestuurd, werken niet meer.",
            "Klopt dit niet? Neem dan contact op met de school.",
            "Met vriendelijke groet,\n" + schoolName};
        return mail(oldEmail, en ? "The email address of your parent portal account was changed"
                : "Het e-mailadres van uw Ouderportaal-account is gewijzigd", paragraphs, EMAIL_CHANGED, guardian, school);
    }

    /**
     * To the new address of an account: it is now the username (R-ACC-13). An inactive account is told so: the
     * guardian cannot log in until the school sends login details again.
     */
    OutgoingMail emailChangedToNew(GuardianId guardian, String newEmail, String guardianName, SchoolId school,
                                   String schoolName, String staffName, boolean active) {
        boolean en = english();
        String next = en
                ? (active ? "Your password stays as it is. Log in at " + settings.portalUrl() + "."
                        : "Your account is not active at the moment: you can log in again once the school sends you login details.")
                : (active ? "Uw wachtwoord blijft zoals het is. U logt in op " + settings.portalUrl() + "."
                        : "Uw account is op dit moment niet actief: u kunt weer inloggen zodra de school u inloggegevens stuurt.");
        String[] paragraphs = en ? new String[] {
            "Dear " + guardianName + ",",
            staffName + " of " + schoolName + " has made this address the email address of your parent portal account.",
            "Your username is now: " + newEmail,
            next,
            "Is this not right? Please contact the school.",
            "Kind regards,\n" + schoolName}
            : new String[] {
            "Beste " + guardianName + ",",
            staffName + " van " + schoolName + " heeft dit adres ingesteld als e-mailadres van uw Ouderportaal-account.",
            "Uw gebruikersnaam is nu: " + newEmail,
            next,
            "Klopt dit niet? Neem dan contact op met de school.",
            "Met vriendelijke groet,\n" + schoolName};
        return mail(newEmail, en ? "Your new username for the parent portal" : "Uw nieuwe gebruikersnaam voor het Ouderportaal",
                paragraphs, EMAIL_CHANGED, guardian, school);
    }

    /** To the new address of an account with a password: the change waits for this address to confirm it. */
    OutgoingMail emailChangeToConfirm(GuardianId guardian, String newEmail, String guardianName, SchoolId school,
                                      String schoolName, String staffName, String token, Instant validUntil) {
        boolean en = english();
        String link = settings.link("confirm-email", token);
        String until = formatInstant(validUntil);
        String[] paragraphs = en ? new String[] {
            "Dear " + guardianName + ",",
            staffName + " of " + schoolName + " has asked to make this address the email address of your parent portal account.",
            "Confirm it with this link. It works once and until " + until + "; nothing changes until you do:",
            "\u0000" + link,
            "Is this not right? Then ignore this mail, and please tell the school.",
            "Kind regards,\n" + schoolName}
            : new String[] {
            "Beste " + guardianName + ",",
            staffName + " van " + schoolName + " wil dit adres instellen als e-mailadres van uw Ouderportaal-account.",
            "Bevestig dat met deze link. De link werkt één keer en is geldig tot " + until + "; tot dan verandert er niets:",
            "\u0000" + link,
            "Klopt dit niet? Negeer dan deze mail en meld het bij de school.",
            "Met vriendelijke groet,\n" + schoolName};
        return mail(newEmail, en ? "Confirm your new email address for the parent portal"
                : "Bevestig uw nieuwe e-mailadres voor het Ouderportaal", paragraphs, EMAIL_CHANGED, guardian, school);
    }

    /** To the present address of an account with a password: a change was asked for, and waits for confirmation. */
    OutgoingMail emailChangeRequestedToOld(GuardianId guardian, String oldEmail, String guardianName, SchoolId school,
                                           String schoolName, String staffName) {
        boolean en = english();
        String[] paragraphs = en ? new String[] {
            "Dear " + guardianName + ",",
            staffName + " of " + schoolName + " has asked to change the email address of your parent portal account "
                + oldEmail + ". The change takes effect only when the new address confirms it; until then you log in as always.",
            "Is this not right? Please contact the school.",
            "Kind regards,\n" + schoolName}
            : new String[] {
            "Beste " + guardianName + ",",
            staffName + " van " + schoolName + " wil het e-mailadres van uw Ouderportaal-account " + oldEmail
                + " wijzigen. De wijziging gaat pas in als het nieuwe adres haar bevestigt; tot dan logt u in zoals altijd.",
            "Klopt dit niet? Neem dan contact op met de school.",
            "Met vriendelijke groet,\n" + schoolName};
        return mail(oldEmail, en ? "A change of your parent portal email address was asked for"
                : "Er is gevraagd uw e-mailadres voor het Ouderportaal te wijzigen", paragraphs, EMAIL_CHANGED, guardian, school);
    }

    /** To the old address once the new one confirmed: the change took effect, and a link undoes it for a while. */
    OutgoingMail emailChangedWithUndo(GuardianId guardian, String oldEmail, String newEmail, String token, Instant validUntil) {
        boolean en = english();
        String link = settings.link("undo-email", token);
        String until = formatInstant(validUntil);
        String[] paragraphs = en ? new String[] {
            "The email address of your parent portal account " + oldEmail + " has been changed: the new address"
                + " confirmed the change. From now on you log in with the new address.",
            "Was this not you, or not what you wanted? Undo it with this link until " + until
                + "; it gives the account back to this address and ends every open session:",
            "\u0000" + link}
            : new String[] {
            "Het e-mailadres van uw Ouderportaal-account " + oldEmail + " is gewijzigd: het nieuwe adres heeft de"
                + " wijziging bevestigd. U logt voortaan in met het nieuwe adres.",
            "Was u dit niet, of wilde u dit niet? Maak het ongedaan met deze link, tot " + until
                + "; het account hoort dan weer bij dit adres en alle open sessies worden beëindigd:",
            "\u0000" + link};
        return mail(oldEmail, en ? "The email address of your parent portal account was changed"
                : "Het e-mailadres van uw Ouderportaal-account is gewijzigd", paragraphs, EMAIL_CHANGED, guardian, null);
    }

    /** To the restored address after an undo. */
    OutgoingMail emailChangeUndone(GuardianId guardian, String email) {
        boolean en = english();
        String[] paragraphs = en ? new String[] {
            "Your parent portal account belongs to " + email + " again, and every open session has ended.",
            "If your password no longer works, ask for a new one at " + settings.portalUrl() + " and tell the school."}
            : new String[] {
            "Uw Ouderportaal-account hoort weer bij " + email + ", en alle open sessies zijn beëindigd.",
            "Werkt uw wachtwoord niet meer? Vraag dan een nieuw aan via " + settings.portalUrl() + " en meld het bij school."};
        return mail(email, en ? "Your parent portal email address was restored"
                : "Uw e-mailadres voor het Ouderportaal is hersteld", paragraphs, EMAIL_CHANGED, guardian, null);
    }

    /** An inactive account with a password is active again: the guardian logs in as before. */
    OutgoingMail reactivated(GuardianId guardian, String email, String guardianName, SchoolId school, String schoolName,
                             String staffName) {
        boolean en = english();
        String[] paragraphs = en ? new String[] {
            "Dear " + guardianName + ",",
            "Your parent portal account " + email + " is active again. Log in at " + settings.portalUrl()
                + " with your password; forgot it? Ask for a new one there.",
            "Kind regards,\n" + staffName + "\n" + schoolName}
            : new String[] {
            "Beste " + guardianName + ",",
            "Uw Ouderportaal-account " + email + " is weer actief. Log in op " + settings.portalUrl()
                + " met uw wachtwoord; vergeten? Vraag daar een nieuw aan.",
            "Met vriendelijke groet,\n" + staffName + "\n" + schoolName};
        return mail(email, en ? "Your parent portal account is active again" : "Uw Ouderportaal-account is weer actief",
                paragraphs, INVITATION, guardian, school);
    }

    /** Paragraphs starting with NUL are links: shown as is in text, as an anchor in HTML. */
    private static OutgoingMail mail(String to, String subject, String[] paragraphs, String kind, GuardianId guardian,
                                     SchoolId school) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (String paragraph : paragraphs) {
            boolean link = paragraph.startsWith("\u0000");
            String content = link ? paragraph.substring(1) : paragraph;
            text.append(content).append("\n\n");
            html.append("<p>");
            if (link) {
                html.append("<a href=\"").append(escape(content)).append("\">").append(escape(content)).append("</a>");
            } else {
                html.append(escape(content).replace("\n", "<br>"));
            }
            html.append("</p>");
        }
        html.append("</body></html>");
        return new OutgoingMail(to, subject, text.toString().strip() + "\n", html.toString(), kind, guardian, school);
    }

    /** Text as HTML, safe in element content and in a quoted attribute (the sanitizer library's encoder). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        try {
            org.owasp.html.Encoding.encodeRcdataOnto(value, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private boolean english() {
        return "en".equals(settings.mailLocale().getLanguage());
    }

    private String formatInstant(Instant instant) {
        Locale locale = english() ? Locale.ENGLISH : settings.mailLocale();
        return DateTimeFormatter.ofPattern(english() ? "d MMMM yyyy 'at' HH:mm" : "d MMMM yyyy 'om' HH:mm", locale)
                .format(instant.atZone(zone));
    }
}
