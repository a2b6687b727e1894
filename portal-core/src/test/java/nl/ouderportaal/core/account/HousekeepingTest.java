package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.ouderportaal.core.mail.DeliveryStatus;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.spi.GuardianId;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Housekeeping purges dead links, sessions and throttles, and nothing that is still needed")
class HousekeepingTest {

    private static final String PASSWORD = "een lang en goed wachtwoord";

    @OnBothDatabases
    void deadLinksSessionsAndThrottlesGoWhileLiveOnesAndTheOverviewStay(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            String ended = ((LoginResult.Success) f.portal.authentication().login("anna@example.org", PASSWORD)).sessionToken();
            f.portal.authentication().logout(ended);
            f.portal.authentication().login("niemand-" + db + "@example.org", "geraden wachtwoord");
            f.portal.authentication().forgotPassword("anna@example.org");
            f.portal.authentication().forgotUsername("onbekend@example.org");
            f.portal.staffSessions().close(f.portal.staffSessions().open(ADMIN));
            f.deliver();

            Map<String, Integer> right = f.portal.housekeeping().run();
            assertThat(right.values()).as("nothing is old enough yet").containsOnly(0);

            f.clock.advance(Duration.ofDays(38)); // the invitation link expired after 7 days, plus the 30 days kept
            String live = ((LoginResult.Success) f.portal.authentication().login("anna@example.org", PASSWORD)).sessionToken();
            f.portal.authentication().forgotPassword("anna@example.org");
            Map<String, Integer> report = f.portal.housekeeping().run();

            assertThat(report).containsEntry("one_time_tokens", 2).containsEntry("portal_sessions", 1)
                    .containsEntry("staff_sessions", 1).containsEntry("login_throttle", 1).containsEntry("rate_limits", 1)
                    .containsEntry("audit_events", 0);
            assertThat(f.portal.authentication().session(live)).as("a live session stays").isPresent();
            assertThat(count(f, "select count(*) from one_time_tokens where used_at is null and revoked_at is null"))
                    .as("the new reset link stays").isEqualTo(1);
            assertThat(f.portal.outbox().lastOfKind("invitation", List.of(anna)).get(anna).state())
                    .as("the overview still shows the last invitation").isEqualTo(DeliveryStatus.State.SENT);
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.ACTIVE);
            assertThat(f.portal.housekeeping().run().values()).as("a second run finds nothing").containsOnly(0);
        }
    }

    @OnBothDatabases
    void aRunningLoginWaitIsKeptSoThatHousekeepingCannotLiftIt(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            for (int i = 0; i < AccountSettings.FAILURES_BEFORE_WAIT; i++) {
                f.portal.authentication().login("anna@example.org", "fout " + i);
            }

            assertThat(f.portal.housekeeping().run()).containsEntry("login_throttle", 0);
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
        }
    }

    private static int count(AccountsFixture f, String sql) {
        return nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
