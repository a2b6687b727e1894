package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Staff sessions of a web administration")
class StaffSessionsTest {

    private static final StaffActor TWO_SCHOOLS = new StaffActor(StaffId.of("m-7"), "Meester Bas, O'Neill",
            Set.of(StaffActor.Role.ADMIN, StaffActor.Role.INVITE), Set.of(SchoolId.of("regenboog"), SchoolId.of("a,b")));

    @OnBothDatabases
    void aSessionGivesBackTheStaffUserAsTheHostAuthenticatedThem(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String token = f.portal.staffSessions().open(TWO_SCHOOLS);

            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(f.portal.staffSessions().find(token)).contains(TWO_SCHOOLS);
            java.util.List<String> hashes = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select session_hash from staff_sessions")
                    .mapTo(String.class).list());
            assertThat(hashes).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).isNotEqualTo(token).matches("[0-9a-f]{64}");
            assertThat(f.portal.staffSessions().find(token + "x")).isEmpty();
            assertThat(f.portal.staffSessions().find(null)).isEmpty();
        }
    }

    @OnBothDatabases
    void staffLoginsAreThrottledPerUsernameAndTheHostIsNotAskedWhileAUsernameWaits(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            Supplier<java.util.Optional<StaffActor>> wrong = () -> {
                asked.incrementAndGet();
                return java.util.Optional.empty();
            };
            Supplier<java.util.Optional<StaffActor>> right = () -> {
                asked.incrementAndGet();
                return java.util.Optional.of(ADMIN);
            };
            for (int i = 0; i < AccountSettings.FAILURES_BEFORE_WAIT; i++) {
                assertThat(f.portal.staffSessions().authenticate("Beheerder", wrong)).isEmpty();
            }

            assertThat(f.portal.staffSessions().authenticate("beheerder", right)).as("the username waits").isEmpty();
            assertThat(asked).as("the host was not asked while waiting").hasValue(AccountSettings.FAILURES_BEFORE_WAIT);
            assertThat(f.portal.staffSessions().authenticate("iemand-anders", right)).as("per username").contains(ADMIN);

            f.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            assertThat(f.portal.staffSessions().authenticate("beheerder", right)).contains(ADMIN);
            assertThat(f.portal.staffSessions().authenticate(" ", right)).isEmpty();
            java.util.List<String> actions = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(
                    "select action from audit_events where action like 'staff.login.%' order by id").mapTo(String.class).list());
            assertThat(actions).contains("staff.login.failed", "staff.login.throttled");

            for (int i = 0; i < AccountSettings.FAILURES_BEFORE_WAIT + 2; i++) {
                f.portal.authentication().login("staff:directeur", "gok " + i);
                f.portal.authentication().login("s:directeur", "gok " + i);
            }
            assertThat(f.portal.staffSessions().authenticate("directeur", right))
                    .as("guardian logins cannot make a staff user wait").contains(ADMIN);
        }
    }

    @OnBothDatabases
    void logoutClosesTheSessionForEveryNodeAndIsAudited(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String token = f.portal.staffSessions().open(ADMIN);
            String other = f.portal.staffSessions().open(ADMIN);

            f.portal.staffSessions().close(token);
            f.portal.staffSessions().close(token);

            assertThat(f.portal.staffSessions().find(token)).isEmpty();
            assertThat(f.portal.staffSessions().find(other)).contains(ADMIN);
            java.util.List<String> actions = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(
                    "select action from audit_events where action like 'staff.session.%' order by id")
                    .mapTo(String.class).list());
            assertThat(actions)
                    .containsExactly("staff.session.opened", "staff.session.opened", "staff.session.closed");
        }
    }

    @OnBothDatabases
    void aSessionEndsAfterTheIdleTimeoutAndAfterTheAbsoluteTimeoutWhateverTheActivity(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String idle = f.portal.staffSessions().open(ADMIN);
            String busy = f.portal.staffSessions().open(ADMIN);

            f.clock.advance(Duration.ofMinutes(29));
            assertThat(f.portal.staffSessions().find(busy)).isPresent();
            f.clock.advance(Duration.ofMinutes(2));
            assertThat(f.portal.staffSessions().find(idle)).isEmpty();
            assertThat(f.portal.staffSessions().find(busy)).isPresent();
            for (int minute = 31 + 25; minute < 12 * 60; minute += 25) {
                f.clock.advance(Duration.ofMinutes(25));
                assertThat(f.portal.staffSessions().find(busy)).as("after %d minutes", minute).isPresent();
            }
            f.clock.advance(Duration.ofMinutes(25));
            assertThat(f.portal.staffSessions().find(idle)).as("ended, not revived").isEmpty();
            assertThat(f.portal.staffSessions().find(busy)).as("past 12 hours").isEmpty();
        }
    }
}
