package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.core.testing.Race;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Single-use links to set a password")
class PasswordLinksTest {

    private static final String PASSWORD = "drie kleine kittens op de bank";

    @OnBothDatabases
    void anInvitationLinkSetsThePasswordOnceThenLoginWorksAndAConfirmationIsMailed(String db, Supplier<PortalStore> store)
            throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();
            String token = f.lastToken("anna@example.org");

            f.portal.authentication().acceptInvitation(token, PASSWORD);
            f.deliver();

            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.ACTIVE);
            assertThat(f.mailsTo("anna@example.org")).hasSize(2);
            assertThat(f.mailsTo("anna@example.org").get(1).getSubject()).isEqualTo("Uw wachtwoord voor het Ouderportaal is ingesteld");
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
            // Keycloak #37231: a used link must not work a second time, in any session.
            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation(token, "een ander lang wachtwoord"))
                    .isInstanceOf(PortalValidationException.class).hasMessageContaining("werkt niet meer");
            assertThat(f.auditActions(anna)).containsSubsequence("invitation.issued", "password.set", "login.succeeded",
                    "link.refused");
            String detail = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(
                    "select detail from audit_events where action = 'link.refused'").mapTo(String.class).one());
            assertThat(detail).isEqualTo("invitation: used");
        }
    }

    @OnBothDatabases
    void aNewInvitationRevokesTheOlderLink(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();
            String older = f.lastToken("anna@example.org");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();
            String newer = f.lastToken("anna@example.org");

            // Keycloak #21348: older links stayed valid after a new one was sent.
            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation(older, PASSWORD))
                    .isInstanceOf(PortalValidationException.class);
            assertThatCode(() -> f.portal.authentication().acceptInvitation(newer, PASSWORD)).doesNotThrowAnyException();
        }
    }

    @OnBothDatabases
    void aLinkIsRefusedForAnotherPurpose(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();
            String invitation = f.lastToken("anna@example.org");

            // Keycloak PR #27360: a token of another type was accepted.
            assertThatThrownBy(() -> f.portal.authentication().resetPassword(invitation, PASSWORD))
                    .isInstanceOf(PortalValidationException.class);
            f.portal.authentication().acceptInvitation(invitation, PASSWORD);
            f.portal.authentication().forgotPassword("anna@example.org");
            f.deliver();
            String reset = f.lastToken("anna@example.org");
            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation(reset, PASSWORD + "!"))
                    .isInstanceOf(PortalValidationException.class);
            assertThatCode(() -> f.portal.authentication().resetPassword(reset, PASSWORD + "!")).doesNotThrowAnyException();
        }
    }

    @OnBothDatabases
    void linksExpireInvitationsAfterSevenDaysResetsAfterAnHour(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            GuardianId bram = f.guardianWithChild("bram", "bram@example.org");
            f.activate(bram, "bram@example.org", PASSWORD);
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.portal.authentication().forgotPassword("bram@example.org");
            f.deliver();
            String invitation = f.lastToken("anna@example.org");
            String reset = f.lastToken("bram@example.org");

            f.clock.advance(Duration.ofMinutes(61));
            assertThatThrownBy(() -> f.portal.authentication().resetPassword(reset, PASSWORD + "?"))
                    .isInstanceOf(PortalValidationException.class);
            f.clock.advance(Duration.ofDays(7));
            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation(invitation, PASSWORD))
                    .isInstanceOf(PortalValidationException.class);
            assertThat(f.auditActions(anna)).contains("link.refused");
        }
    }

    @OnBothDatabases
    void fiftyThreadsRedeemingOneLinkGiveExactlyOneSuccess(String db, Supplier<PortalStore> store) throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();
            String token = f.lastToken("anna@example.org");
            int successes = Race.successes(50, i -> {
                try {
                    f.portal.authentication().acceptInvitation(token, PASSWORD + " " + i);
                    return true;
                } catch (PortalValidationException refused) {
                    return false;
                }
            });

            assertThat(successes).isOne();
            assertThat(f.auditActions(anna)).filteredOn("password.set"::equals).hasSize(1);
        }
    }

    @OnBothDatabases
    void aRefusedPasswordLeavesTheLinkUsable(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();
            String token = f.lastToken("anna@example.org");

            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation(token, "kort"))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations().get(0).message().en())
                            .startsWith("Choose a password of at least 8 characters"));
            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation(token, "Password1"))
                    .hasMessageContaining("te vaak gebruikt");
            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation(token, "x".repeat(257)))
                    .hasMessageContaining("hoogstens 256");
            assertThatCode(() -> f.portal.authentication().acceptInvitation(token, "ä".repeat(64))).doesNotThrowAnyException();
            assertThat(f.portal.authentication().login("anna@example.org", "ä".repeat(64))).isInstanceOf(LoginResult.Success.class);
        }
    }

    @OnBothDatabases
    void deactivationRevokesLinksAndEndsSessions(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            String session = ((LoginResult.Success) f.portal.authentication().login("anna@example.org", PASSWORD)).sessionToken();
            f.portal.authentication().forgotPassword("anna@example.org");
            f.deliver();
            String reset = f.lastToken("anna@example.org");

            f.portal.accounts().deactivate(ADMIN, anna);

            assertThat(f.portal.authentication().session(session)).isEmpty();
            assertThatThrownBy(() -> f.portal.authentication().resetPassword(reset, PASSWORD + "!"))
                    .isInstanceOf(PortalValidationException.class);
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
            assertThat(f.auditActions(anna)).contains("account.deactivated");
            assertThat(f.schoolAudit()).as("in the school's own audit log").anyMatch(e -> e.action().equals("account.deactivated")
                    && anna.equals(e.guardian()) && "Juf Ineke de Boer".equals(e.actorName()));
        }
    }
}
