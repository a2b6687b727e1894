package nl.ouderportaal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.core.HealthReport.Check;
import nl.ouderportaal.core.HealthReport.Status;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.PortalExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Health: a node is live while it runs and ready while store, schema, dispatcher and outbox are")
class PortalHealthTest {

    @RegisterExtension
    final PortalExtension kit = PortalExtension.create();

    static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "J. de Boer", Set.of(StaffActor.Role.ADMIN),
            Set.of(SchoolId.of("regenboog")));

    private GuardianId invitedGuardian() {
        InMemoryHost host = kit.host();
        host.addSchool("regenboog", "OBS De Regenboog");
        GuardianId anna = host.addGuardian("anna", "Anna", "Jansen").id();
        var sanne = host.addStudent("sanne", SchoolId.of("regenboog"), "Sanne", LocalDate.of(2016, 4, 1),
                EnrolmentStatus.IN_EDUCATION).id();
        host.link(anna, sanne, true);
        kit.portal().invitations().inviteOne(ADMIN, SchoolId.of("regenboog"), anna);
        return anna;
    }

    private static Check check(HealthReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPortalWithItsStoreAndMailIsReadyAndSaysWhatItChecked() {
        HealthReport ready = kit.portal().health().readiness();

        assertThat(ready.isUp()).isTrue();
        assertThat(ready.checks()).extracting(Check::name).containsExactly("store", "migrations", "dispatcher", "outbox");
        assertThat(ready.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.UP));
        assertThat(check(ready, "dispatcher").detail()).isEqualTo("configured, not started on this node");
        assertThat(kit.portal().health().liveness().isUp()).isTrue();
    }

    @Test
    void aStartedDispatcherIsReportedAsRunning() {
        kit.portal().mailDispatcher().orElseThrow().start(Duration.ofHours(1));

        assertThat(check(kit.portal().health().readiness(), "dispatcher").detail()).isEqualTo("running on this node");
    }

    @Test
    void aMailStuckLongerThanHalfAnHourMakesTheNodeNotReadyUntilItIsSent() {
        invitedGuardian();
        kit.mail().setDown(true);
        kit.sendMail();
        assertThat(check(kit.portal().health().readiness(), "outbox").status()).isEqualTo(Status.UP);

        kit.clock().advance(PortalHealth.OUTBOX_STUCK_AFTER.plusMinutes(1));
        HealthReport stuck = kit.portal().health().readiness();
        assertThat(stuck.isUp()).isFalse();
        assertThat(check(stuck, "outbox").detail()).isEqualTo("oldest waiting mail waited 1860 s");

        kit.mail().setDown(false);
        kit.sendMail();
        assertThat(kit.portal().health().readiness().isUp()).isTrue();
        assertThat(check(kit.portal().health().readiness(), "outbox").detail()).isEqualTo("empty");
    }

    @Test
    void withoutMailThePortalIsNotReadyAndTheCheckNamesTheFix() {
        InMemoryHost host = new InMemoryHost();
        try (PortalStore store = PortalStore.h2InMemory("health-" + System.nanoTime());
             Portal portal = host.register(Portal.builder()).store(store)
                     .accounts(AccountSettings.defaults(URI.create("http://localhost/"))).build()) {
            Check dispatcher = check(portal.health().readiness(), "dispatcher");

            assertThat(dispatcher.status()).isEqualTo(Status.DOWN);
            assertThat(dispatcher.detail()).contains("Portal.builder().mail(...)");
        }
    }

    @Test
    void aStoreThatDoesNotAnswerMakesTheNodeNotReadyButStillLive() {
        InMemoryHost host = new InMemoryHost();
        PortalStore store = PortalStore.h2InMemory("health-" + System.nanoTime());
        try (Portal portal = host.register(Portal.builder()).store(store)
                .accounts(AccountSettings.defaults(URI.create("http://localhost/"))).mail(new nl.ouderportaal.testing.CapturedMail())
                .build()) {
            store.close();

            HealthReport ready = portal.health().readiness();
            assertThat(ready.isUp()).isFalse();
            assertThat(ready.checks()).filteredOn(c -> c.status() == Status.DOWN).extracting(Check::name)
                    .containsExactly("store", "migrations", "outbox");
            assertThat(portal.health().liveness().isUp()).isTrue();
        }
    }
}
