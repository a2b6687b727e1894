package nl.ouderportaal.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import nl.ouderportaal.core.account.EmailAddresses;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Refusals at the boundary (issue 19)")
class OneAddressRuleTest {

    private final CommandValidator validator = new CommandValidator();

    @Test
    @DisplayName("17. one address rule: no lookalike letters of another script, quoted local parts, IP literals or fullwidth forms")
    void oneAddressRuleForEveryField() {
        List<String> refused = List.of("ouder@ex\u0430mple.org", "\"ouder\"@example.org", "\"o u\"@example.org",
                "ouder@[127.0.0.1]", "ouder@127.0.0.1", "ouder\uff20example.org", "\uff4fuder@example.org", "ouder@example.o",
                "ou\u0430der@example.org", "ouder@exa_mple.org", "ouder@example..org");
        List<String> accepted = List.of("ouder@example.org", "o.de-vries+school@sub.example.nl", "ouder@b\u00fccher.de",
                "ouder@xn--bcher-kva.de", "ouder@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444");

        for (String address : refused) {
            assertThat(EmailAddresses.isValid(address)).as(address).isFalse();
            assertThatThrownBy(() -> validator.validate(new SchoolSettingsUpdate(address, null, false))).as(address)
                    .isInstanceOf(PortalValidationException.class);
        }
        for (String address : accepted) {
            assertThat(EmailAddresses.isValid(address)).as(address).isTrue();
            assertThat(validator.validate(new SchoolSettingsUpdate(address, null, false))).isNotNull();
        }
    }

    record Options(@Size(max = 60) String label, @Min(1) int days) {
    }

    @Test
    @DisplayName("22. constraints without a message of their own say in plain Dutch and English what to do")
    void defaultMessagesAreThePortalsOwn() {
        assertThatThrownBy(() -> validator.validate(new Options("x".repeat(61), 0)))
                .isInstanceOfSatisfying(PortalValidationException.class, e -> {
                    assertThat(e.message(new Locale("nl"))).contains("Gebruik tussen 0 en 60 tekens.", "Vul een getal in van 1 of meer.")
                            .doesNotContain("grootte", "moet groter");
                    assertThat(e.message(Locale.ENGLISH)).contains("Use between 0 and 60 characters.", "Enter a number of 1 or more.");
                });
    }
}
