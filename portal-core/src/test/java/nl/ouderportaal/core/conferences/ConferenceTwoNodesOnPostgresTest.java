package nl.ouderportaal.core.conferences;

import static nl.ouderportaal.core.conferences.ConferenceFixture.GROUP5;
import static nl.ouderportaal.core.conferences.ConferenceFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.Race;
import nl.ouderportaal.core.testing.TestDatabases;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.action.ActionConflictException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Conference planner on two portal nodes sharing one PostgreSQL (R-CONF-3)")
class ConferenceTwoNodesOnPostgresTest {

    @Test
    void fiftyFamiliesOnTwoNodesBookingOneSlotEndWithOneBookingAndTheOthersGet409() throws Exception {
        List<PortalStore> stores = TestDatabases.postgresNodes(2);
        try (ConferenceFixture f = new ConferenceFixture(stores.get(0))) {
            Portal nodeB = f.build(stores.get(1));
            List<GuardianId> families = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                GuardianId g = f.family("gezin" + i, GROUP5);
                f.login(g);
                families.add(g);
            }
            f.createRound("Gesprekken december");
            f.clock.advance(Duration.ofDays(1).plusHours(11));
            for (int i = 0; i < families.size(); i++) {
                f.session(i % 2 == 0 ? f.portal : nodeB, families.get(i));
            }
            String wanted = slot("gesprekken-december", "t5", "18:30");
            AtomicInteger conflicts = new AtomicInteger();
            ConcurrentLinkedQueue<Object> nearest = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> other = new ConcurrentLinkedQueue<>();
            long began = System.nanoTime();
            int wins = Race.successes(50, i -> {
                Portal node = i % 2 == 0 ? f.portal : nodeB;
                try {
                    f.run(node, families.get(i), f.child(families.get(i), 0), "book", Map.of("slot", wanted));
                    return true;
                } catch (ActionConflictException e) {
                    conflicts.incrementAndGet();
                    nearest.add(e.details().get("nearestFreeSlots"));
                    return false;
                } catch (RuntimeException e) {
                    other.add(e);
                    return false;
                }
            });
            long millis = (System.nanoTime() - began) / 1_000_000;
            System.out.printf("R-CONF-3 PostgreSQL, 2 nodes: 50 threads, one slot: %d booking, %d answered 409, %d other, in %d ms%n",
                    wins, conflicts.get(), other.size(), millis);

            assertThat(other).isEmpty();
            assertThat(wins).isEqualTo(1);
            assertThat(conflicts.get()).isEqualTo(49);
            Integer stored = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(
                    "select count(*) from module_records where module_id = 'conferences' and kind = 'slot'").mapTo(Integer.class).one());
            assertThat(stored).isEqualTo(1);
            assertThat(nearest).hasSize(49).allSatisfy(n -> assertThat(((List<?>) n).stream().map(m -> String.valueOf(((Map<?, ?>) m).get("slot"))).toList())
                    .doesNotContain(wanted).contains(slot("gesprekken-december", "t5", "18:20")));
            stores.get(1).close();
        }
    }
}
