package nl.ouderportaal.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import nl.ouderportaal.core.mail.OutgoingMail;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Account mails put names from the host into their HTML as text, never as markup")
class AccountMailsTest {

    private final AccountMails mails = new AccountMails(
            AccountSettings.defaults(URI.create("https://ouders.regenboog.example.org/")), ZoneId.of("Europe/Amsterdam"));

    @Test
    void markupInANameOrSchoolIsEscapedInTheHtmlPartAndLeftAsTextInThePlainPart() {
        OutgoingMail mail = mails.invitation(GuardianId.of("g-1"), "ouder@example.org",
                "<img src=x onerror=alert(1)> & \"Jansen\"", SchoolId.of("s"), "OBS <b>De</b> Regenboog",
                "Juf 'Ineke'", "TOKEN123", Instant.parse("2026-03-09T08:00:00Z"));

        assertThat(mail.html()).doesNotContain("<img", "<b>", "\"Jansen\"", "'Ineke'")
                .contains("&lt;img src", "&amp;", "OBS &lt;b&gt;De&lt;/b&gt; Regenboog")
                .contains("<a href=\"https://ouders.regenboog.example.org/activate?token&#61;TOKEN123\"");
        assertThat(mail.text()).contains("Beste <img src=x onerror=alert(1)> & \"Jansen\",",
                "https://ouders.regenboog.example.org/activate?token=TOKEN123");
    }
}
