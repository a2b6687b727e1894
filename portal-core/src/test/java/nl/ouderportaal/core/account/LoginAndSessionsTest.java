package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.spi.GuardianId;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Logging in, sessions and recovery")
class LoginAndSessionsTest {

    private static final String PASSWORD = "fietsen langs de Vecht in mei";

    private static String login(AccountsFixture f, String email, String password) {
        return ((LoginResult.Success) f.portal.authentication().login(email, password)).sessionToken();
    }

    @OnBothDatabases
    void everyRefusalLooksTheSameWhateverTheReason(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            GuardianId invited = f.guardianWithChild("invited", "invited@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, invited);

            LoginResult unknown = f.portal.authentication().login("nobody@example.org", PASSWORD);
            LoginResult wrong = f.portal.authentication().login("anna@example.org", PASSWORD + "x");
            LoginResult notYetActive = f.portal.authentication().login("invited@example.org", PASSWORD);

            assertThat(unknown).isEqualTo(wrong).isEqualTo(notYetActive)
                    .isEqualTo(new LoginResult.Refused(LoginResult.REFUSED));
            assertThat(f.auditActions(anna)).endsWith("login.failed");
        }
    }

    @OnBothDatabases
    void theUsernameIsTheEmailAddressInAnyCase(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "Anna.Jansen@Example.org");
            f.activate(anna, "Anna.Jansen@Example.org", PASSWORD);

            LoginResult result = f.portal.authentication().login("  anna.jansen@EXAMPLE.org ", PASSWORD);

            assertThat(result).isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.guardian()).isEqualTo(anna));
        }
    }

    @OnBothDatabases
    void fiveFailuresMakeTheAccountWaitAMinuteDoublingUpToFifteen(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            for (int i = 0; i < 5; i++) {
                f.portal.authentication().login(i % 2 == 0 ? "ANNA@example.org" : "anna@example.org", "fout wachtwoord");
            }

            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
            assertThat(f.auditActions(anna)).endsWith("login.throttled");
            f.portal.authentication().forgotPassword("anna@example.org");
            f.deliver();
            assertThat(f.mailsTo("anna@example.org")).last().satisfies(m ->
                    assertThat(m.getSubject()).isEqualTo("Nieuw wachtwoord voor het Ouderportaal"));

            f.clock.advance(Duration.ofSeconds(61));
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
            assertThat(LoginThrottle.wait(6)).isEqualTo(Duration.ofMinutes(2));
            assertThat(LoginThrottle.wait(9)).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @OnBothDatabases
    void logoutEndsTheSessionOnTheServer(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            String first = login(f, "anna@example.org", PASSWORD);
            String second = login(f, "anna@example.org", PASSWORD);

            f.portal.authentication().logout(first);

            assertThat(first).isNotEqualTo(second);
            assertThat(f.portal.authentication().session(first)).isEmpty();
            assertThat(f.portal.authentication().session(second)).hasValueSatisfying(s -> assertThat(s.guardian()).isEqualTo(anna));
            assertThat(f.auditActions(anna)).contains("logout");
        }
    }

    @OnBothDatabases
    void sessionsEndAfterThirtyIdleMinutesAndAfterTwelveHoursInAnyCase(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            String idle = login(f, "anna@example.org", PASSWORD);
            String busy = login(f, "anna@example.org", PASSWORD);

            f.clock.advance(Duration.ofMinutes(29));
            assertThat(f.portal.authentication().session(busy)).isPresent();
            f.clock.advance(Duration.ofMinutes(2));
            assertThat(f.portal.authentication().session(idle)).isEmpty();
            for (int i = 0; i < 35; i++) { // 31 + 34 x 20 = 711 minutes, just under 12 hours
                assertThat(f.portal.authentication().session(busy)).as("after %d x 20 minutes", i).isPresent();
                f.clock.advance(Duration.ofMinutes(20));
            }
            assertThat(f.portal.authentication().session(busy)).isEmpty();
            assertThat(f.auditActions(anna)).contains("session.expired");
        }
    }

    @OnBothDatabases
    void settingANewPasswordEndsTheOtherSessions(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            String session = login(f, "anna@example.org", PASSWORD);
            f.portal.authentication().forgotPassword("anna@example.org");
            f.deliver();

            f.portal.authentication().resetPassword(f.lastToken("anna@example.org"), PASSWORD + " en juni");

            assertThat(f.portal.authentication().session(session)).isEmpty();
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
        }
    }

    @OnBothDatabases
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            String phone = login(f, "anna@example.org", PASSWORD);
            String laptop = login(f, "anna@example.org", PASSWORD);

            assertThatThrownBy(() -> f.portal.authentication().changePassword(f.portal.authentication().writePermit(laptop), "fout", PASSWORD + " nieuw"))
                    .isInstanceOf(nl.ouderportaal.core.validation.PortalValidationException.class)
                    .hasMessageContaining("huidige wachtwoord klopt niet");
            f.portal.authentication().changePassword(f.portal.authentication().writePermit(laptop), PASSWORD, PASSWORD + " nieuw");

            assertThat(f.portal.authentication().session(laptop)).isPresent();
            assertThat(f.portal.authentication().session(phone)).isEmpty();
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD + " nieuw")).isInstanceOf(LoginResult.Success.class);
            assertThat(f.auditActions(anna)).contains("password.changed");
        }
    }

    @OnBothDatabases
    void recoveryMailsGoOnlyToActiveAccountsAndAtMostThreeAnHour(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.guardianWithChild("invited", "invited@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            int before = f.mailsTo("anna@example.org").size();

            f.portal.authentication().forgotPassword("nobody@example.org");
            f.portal.authentication().forgotUsername("invited@example.org");
            for (int i = 0; i < 5; i++) {
                f.portal.authentication().forgotUsername("Anna@example.org");
            }
            f.deliver();

            assertThat(f.smtp.getReceivedMessages()).hasSize(before + 3);
            assertThat(AccountsFixture.body(f.mailsTo("anna@example.org").get(before))).contains("Uw gebruikersnaam is: anna@example.org");
            assertThat(f.auditActions(anna)).contains("recovery.rate-limited");
            f.clock.advance(Duration.ofMinutes(61));
            f.portal.authentication().forgotUsername("anna@example.org");
            f.deliver();
            assertThat(f.mailsTo("anna@example.org")).hasSize(before + 4);
        }
    }

    @OnBothDatabases
    void settingAPasswordThroughALinkDoesNotLogIn(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");

            f.activate(anna, "anna@example.org", PASSWORD);

            int sessions = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select count(*) from portal_sessions")
                    .mapTo(Integer.class).one());
            assertThat(sessions).isZero();
        }
    }

    @OnBothDatabases
    void passwordsAreStoredAsArgon2idWithTheirParameters(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);

            String stored = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select password_hash from guardian_accounts")
                    .mapTo(String.class).one());

            assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
        }
    }
}
