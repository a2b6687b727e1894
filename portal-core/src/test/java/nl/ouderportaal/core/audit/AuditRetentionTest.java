package nl.ouderportaal.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.spi.SchoolId;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The audit log keeps events for the configured retention")
class AuditRetentionTest {

    @OnBothDatabases
    void eventsOlderThanTheRetentionArePurgedNewerOnesStay(String db, Supplier<PortalStore> stores) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (PortalStore store = stores.get()) {
            Portal portal = new InMemoryHost().register(Portal.builder()).store(store).clock(clock)
                    .accounts(nl.ouderportaal.core.account.AccountSettings.defaults(java.net.URI.create("http://localhost/")))
                    .auditRetention(Duration.ofDays(30)).build();
            SchoolId school = SchoolId.of("regenboog");
            portal.configuration().setMaintenanceMode(school, true, "beheerder");
            clock.advance(Duration.ofDays(20));
            portal.configuration().setMaintenanceMode(school, false, "beheerder");
            clock.advance(Duration.ofDays(15));

            int purged = portal.audit().purgeExpired();

            assertThat(purged).isOne();
            assertThat(portal.audit().ofSchool(school, 10)).singleElement()
                    .satisfies(e -> assertThat(e.detail()).isEqualTo("maintenanceMode: true -> false"));
        }
    }
}
