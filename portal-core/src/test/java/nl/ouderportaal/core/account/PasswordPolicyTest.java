package nl.ouderportaal.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.testing.PortalExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The password check knows Dutch passwords and the school's own name and town")
class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @RegisterExtension
    final PortalExtension kit = PortalExtension.create();

    @ParameterizedTest
    @ValueSource(strings = {"wachtwoord", "Wachtwoord1", "welkom123", "Welkom2026!", "geheim123", "voetbal12", "Feyenoord1908",
            "zomer2026", "ouderportaal"})
    void dutchWordsWithDigitsOrSignsAreRefused(String password) {
        assertThat(policy.refusal(password)).hasValueSatisfying(text -> assertThat(text.nl()).contains("te vaak gebruikt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zonnebloem2026", "zonnebloem!", "OBSDeZonnebloem1", "Bunnik2026", "bunnik12345"})
    void theSchoolsNameOrTownIsRefused(String password) {
        assertThat(policy.refusal(password, List.of("OBS De Zonnebloem", "Bunnik")))
                .hasValueSatisfying(text -> assertThat(text.en()).contains("name or the town of the school"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fietsen langs de Vecht in mei", "Regenboog-ouder-2026", "drie kleine kittens op de bank"})
    void aPassphraseThatMerelyContainsSuchWordsIsFine(String password) {
        assertThat(policy.refusal(password, List.of("OBS De Regenboog", "Utrecht"))).isEmpty();
    }

    @Test
    void settingThePasswordFromAnInvitationRefusesTheChildsSchoolNameAndKeepsTheLinkValid() {
        kit.host().addSchool("klimop", "CBS De Klimop");
        GuardianId anna = kit.host().addGuardian("anna", "Anna", "Jansen").id();
        var sanne = kit.host().addStudent("sanne", SchoolId.of("klimop"), "Sanne", LocalDate.of(2016, 4, 1),
                EnrolmentStatus.IN_EDUCATION).id();
        kit.host().link(anna, sanne, true);
        kit.portal().invitations().inviteOne(new StaffActor(StaffId.of("m-1"), "J. de Boer", Set.of(StaffActor.Role.ADMIN),
                Set.of(SchoolId.of("klimop"))), SchoolId.of("klimop"), anna);
        kit.sendMail();
        String token = kit.mail().lastTo("anna@example.org").link("/activate").getQuery().substring("token=".length());

        // InMemoryHost's schools are in Utrecht.
        for (String guessable : List.of("Klimop2026!", "utrecht123")) {
            assertThatThrownBy(() -> kit.portal().authentication().acceptInvitation(token, guessable))
                    .isInstanceOf(PortalValidationException.class)
                    .satisfies(e -> assertThat(((PortalValidationException) e).violations().get(0).field()).isEqualTo("password"));
        }
        kit.portal().authentication().acceptInvitation(token, "een lang genoeg wachtwoord");
        assertThat(kit.portal().accounts().status(anna)).isEqualTo(AccountStatus.ACTIVE);
    }
}
