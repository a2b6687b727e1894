package nl.ouderportaal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.LocalizedText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Refusals speak English to developers (getMessage) and keep the Dutch and English texts for users")
class ExceptionMessagesTest {

    @Test
    void aValidationExceptionsMessageIsEnglishAndItsUserTextsAreBothThere() {
        PortalValidationException e = PortalValidationException.of("email", "Vul je e-mailadres in.", "Fill in your email address.");

        assertThat(e.getMessage()).isEqualTo("email: Fill in your email address.");
        assertThat(e.message(LocalizedText.DUTCH)).isEqualTo("email: Vul je e-mailadres in.");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage());
        assertThat(e.violations().get(0).message().nl()).isEqualTo("Vul je e-mailadres in.");
    }

    @Test
    void anAccessRefusalsMessageIsEnglish() {
        AccessRefusedException e = new AccessRefusedException(LocalizedText.of("Niet toegestaan.", "Not allowed."));

        assertThat(e.getMessage()).isEqualTo("Not allowed.");
        assertThat(e.text().nl()).isEqualTo("Niet toegestaan.");
    }

    @Test
    void aReadOnlyImpersonationsMessageIsEnglish() {
        assertThat(new ImpersonationReadOnlyException().getMessage()).isEqualTo(Session.READ_ONLY.en());
    }
}
