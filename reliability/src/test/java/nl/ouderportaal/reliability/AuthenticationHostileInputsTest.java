package nl.ouderportaal.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import nl.ouderportaal.core.account.LoginResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Hostile inputs: authentication (login, recovery, links, passwords, sessions)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationHostileInputsTest {

    private final HostilePortal p = new HostilePortal("auth");

    @BeforeEach
    void housekeeping() {
        p.housekeeping();
    }

    @AfterAll
    void close() {
        p.close();
    }

    Stream<HostileInputs.Input> all() {
        return HostileInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("A hostile login address or password never opens a session, and never throws")
    void login(HostileInputs.Input input) {
        long sessions = sessions();
        p.clock.advance(Duration.ofMinutes(16)); // past any throttle wait, so every attempt reaches the check

        LoginResult asEmail = p.portal.authentication().login(input.value(), p.password + "-wrong");
        LoginResult asPassword = p.portal.authentication().login(HostilePortal.EMAIL, input.value());

        assertThat(asEmail).isNotInstanceOf(LoginResult.Success.class);
        assertThat(asPassword).as("the real password is not in the corpus").isNotInstanceOf(LoginResult.Success.class);
        assertThat(sessions()).isEqualTo(sessions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("Recovery of a hostile address mails only an account's own stored address, or nothing")
    void recovery(HostileInputs.Input input) throws Exception {
        p.clock.advance(Duration.ofHours(2)); // past the recovery rate limit
        int before = p.smtp.getReceivedMessages().length;

        Refusals.attempt(p, input, () -> p.portal.authentication().forgotPassword(input.value()));
        Refusals.attempt(p, input, () -> p.portal.authentication().forgotUsername(input.value()));
        p.deliver();

        var mails = p.received().subList(before, p.received().size());
        for (var mail : mails) {
            assertThat(Mails.recipients(mail)).as("recipients for %s", input).containsExactly(HostilePortal.EMAIL);
            assertThat(Mails.headerLines(mail)).noneMatch(h -> h.toLowerCase().startsWith("bcc"));
        }
        p.purgeMail();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("A hostile token in an invitation or reset link is refused clearly and changes nothing")
    void linkTokens(HostileInputs.Input input) {
        var invitation = Refusals.attempt(p, input, Refusals.SECURITY_RECORDS,
                () -> p.portal.authentication().acceptInvitation(input.value(), "Een-goed-wachtwoord-77"));
        var reset = Refusals.attempt(p, input, Refusals.SECURITY_RECORDS,
                () -> p.portal.authentication().resetPassword(input.value(), "Een-goed-wachtwoord-77"));

        assertThat(invitation.accepted()).isFalse();
        assertThat(reset.accepted()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("A hostile session token is no session: no guardian action runs under it")
    void sessionTokens(HostileInputs.Input input) {
        assertThat(p.portal.authentication().session(input.value())).isEmpty();
        var change = Refusals.attempt(p, input,
                () -> p.portal.authentication().changePassword(p.portal.authentication().writePermit(input.value()), p.password, "Een-goed-wachtwoord-77"));
        var logout = Refusals.attempt(p, input, () -> p.portal.authentication().logout(input.value()));

        assertThat(change.accepted()).isFalse();
        assertThat(logout.refusal()).isNull(); // logging out of nothing is fine
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("A hostile new password is refused clearly, or it is the password exactly as typed")
    void newPassword(HostileInputs.Input input) {
        p.clock.advance(Duration.ofMinutes(16));
        String session = p.session();
        String original = p.password;

        var outcome = Refusals.attempt(p, input,
                () -> p.portal.authentication().changePassword(p.portal.authentication().writePermit(session), original, input.value()));

        if (outcome.accepted()) {
            assertThat(p.portal.authentication().login(HostilePortal.EMAIL, original))
                    .isNotInstanceOf(LoginResult.Success.class);
            p.clock.advance(Duration.ofMinutes(16));
            LoginResult withNew = p.portal.authentication().login(HostilePortal.EMAIL, input.value());
            assertThat(withNew).as("the new password works exactly as typed").isInstanceOf(LoginResult.Success.class);
            p.portal.authentication().changePassword(p.portal.authentication().writePermit(((LoginResult.Success) withNew).sessionToken()), input.value(),
                    original);
        } else {
            var wrongCurrent = Refusals.attempt(p, input, Refusals.SECURITY_RECORDS,
                    () -> p.portal.authentication().changePassword(p.portal.authentication().writePermit(session), input.value(), "Een-goed-wachtwoord-77"));
            assertThat(wrongCurrent.accepted()).isFalse();
        }
        p.deliver();
        p.purgeMail();
    }

    private long sessions() {
        return nl.ouderportaal.core.internal.Database.jdbi(p.store).withHandle(h -> h.createQuery("select count(*) from portal_sessions").mapTo(Long.class).one());
    }
}
