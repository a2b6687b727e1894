package nl.ouderportaal.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.TestSessions;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.MutableClock;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.core.testing.Race;
import nl.ouderportaal.core.testing.TestDatabases;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.ActionConflictException;
import nl.ouderportaal.spi.action.ActionContext;
import nl.ouderportaal.spi.action.ActionDescriptor;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.record.DuplicateKeyException;
import nl.ouderportaal.spi.record.RecordKeys;
import nl.ouderportaal.spi.record.RecordKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Module records: a unique key holds across threads and nodes (R-ACT-4)")
class ModuleRecordsConcurrencyTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");
    private static final int GUARDIANS = 50;

    /** What the test module keeps: who claimed a slot. */
    public record Claim(String slot, String by) {
    }

    /** The input of the test module's action. */
    public record ClaimInput(@NotBlank String slot) {
    }

    static final RecordKind<Claim> CLAIM = RecordKind.of("claim", Claim.class);
    static final RecordKind<Claim> PROOF = RecordKind.appendOnly("proof", Claim.class);

    /** A module whose one action claims a slot, one claim per slot at the school: a parents' evening in small. */
    static final class SlotsModule implements ContentModule<NoOptions> {
        @Override
        public ModuleDescriptor<NoOptions> descriptor() {
            return ModuleDescriptor.builder("slots", NoOptions.class, NoOptions.INSTANCE).name("Tijdstippen", "Slots").build();
        }

        @Override
        public List<GuardianAction<NoOptions, ?>> actions() {
            return List.of(new GuardianAction<NoOptions, ClaimInput>() {
                @Override
                public ActionDescriptor<ClaimInput> descriptor() {
                    return ActionDescriptor.forChild("claim", "Kiezen", "Claim", ClaimInput.class);
                }

                @Override
                public ActionForm form(ActionContext<NoOptions> context) {
                    return ActionForm.of(FormField.of("slot", FieldKind.TEXT, "Tijdstip", "Slot").asRequired());
                }

                @Override
                public ActionOutcome run(ActionContext<NoOptions> context, ClaimInput input) {
                    Claim claim = new Claim(input.slot(), context.guardian().name().displayName());
                    context.records().add(PROOF, RecordKeys.guardianOnly(context.guardian().id()), claim);
                    try {
                        context.records().add(CLAIM, RecordKeys.child(context.requireChild().id())
                                .guardian(context.guardian().id()).key("slot:" + input.slot()), claim);
                    } catch (DuplicateKeyException taken) {
                        throw new ActionConflictException("Dit tijdstip is net gekozen.", "This slot was just taken.");
                    }
                    return ActionOutcome.created("Gekozen.", "Claimed.");
                }
            });
        }
    }

    private final InMemoryHost host = new InMemoryHost();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T07:00:00Z"));
    private final List<GuardianId> guardians = new ArrayList<>();
    private final List<StudentId> children = new ArrayList<>();

    private Portal portal(PortalStore store) {
        return host.register(Portal.builder()).store(store).clock(clock).install(new SlotsModule()).build();
    }

    private void families(Portal portal) {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        for (int i = 0; i < GUARDIANS; i++) {
            GuardianId guardian = host.addGuardian("g" + i, "Ouder" + i, "Jansen").id();
            StudentId child = host.addStudent("c" + i, SCHOOL, "Kind" + i, LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION).id();
            host.link(guardian, child, true);
            portal.accounts().importActiveAccount(guardian, "ouder" + i + "@example.org", "test");
            guardians.add(guardian);
            children.add(child);
        }
        portal.configuration().activate(SCHOOL, "slots", "beheerder");
    }

    private static int claims(PortalStore store, String kind) {
        try (var connection = nl.ouderportaal.core.internal.Database.dataSource(store).getConnection();
             var statement = connection.prepareStatement("select count(*) from module_records where module_id = 'slots' and kind = ?")) {
            statement.setString(1, kind);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fifty guardians claim one slot at once on the given portals (one after the other of the list, round robin). */
    private Map<String, Integer> race(List<Portal> nodes, List<PortalStore> stores) throws Exception {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < GUARDIANS; i++) {
            sessions.add(TestSessions.start(nodes.get(0), stores.get(0), clock, guardians.get(i)));
        }
        AtomicInteger conflicts = new AtomicInteger();
        int wins = Race.successes(GUARDIANS, i -> {
            Portal node = nodes.get(i % nodes.size());
            try {
                node.actions().run(node.authentication().writePermit(sessions.get(i)), children.get(i), "slots", "claim",
                        Map.of("slot", "2026-12-10T19:10")).orElseThrow();
                return true;
            } catch (ActionConflictException taken) {
                conflicts.incrementAndGet();
                return false;
            }
        });
        return Map.of("wins", wins, "conflicts", conflicts.get());
    }

    @OnBothDatabases
    void fiftyGuardiansClaimingOneSlotAtOnceGiveOneClaimAndFortyNineConflicts(String db, Supplier<PortalStore> stores) throws Exception {
        try (PortalStore store = stores.get(); Portal portal = portal(store)) {
            families(portal);

            Map<String, Integer> outcome = race(List.of(portal), List.of(store));

            assertThat(outcome).containsEntry("wins", 1).containsEntry("conflicts", GUARDIANS - 1);
            assertThat(claims(store, "claim")).isOne();
            assertThat(claims(store, "proof")).as("a refused claim rolls back all it wrote").isOne();
        }
    }

    @Test
    void fiftyGuardiansOnTwoPortalsOnOnePostgresqlGiveOneClaim() throws Exception {
        List<PortalStore> stores = TestDatabases.postgresNodes(2);
        try (Portal a = portal(stores.get(0)); Portal b = portal(stores.get(1))) {
            families(a);

            Map<String, Integer> outcome = race(List.of(a, b), stores);

            assertThat(outcome).containsEntry("wins", 1).containsEntry("conflicts", GUARDIANS - 1);
            assertThat(claims(stores.get(0), "claim")).isOne();
        } finally {
            stores.forEach(PortalStore::close);
        }
    }

    @OnBothDatabases
    void anAppendOnlyRecordCannotBeChangedOrRemovedAndAReadOutsideAnActionCannotWrite(String db, Supplier<PortalStore> stores) {
        try (PortalStore store = stores.get(); Portal portal = portal(store)) {
            families(portal);
            String session = TestSessions.start(portal, store, clock, guardians.get(0));
            portal.actions().run(portal.authentication().writePermit(session), children.get(0), "slots", "claim",
                    Map.of("slot", "a")).orElseThrow();

            var records = nl.ouderportaal.core.internal.records.StoreModuleRecords.reading(store, SCHOOL, "slots", clock);
            var proof = records.byGuardian(PROOF, guardians.get(0)).get(0);
            assertThat(proof.value()).isEqualTo(new Claim("a", "Ouder0 Jansen"));
            assertThatThrownBy(() -> records.add(CLAIM, RecordKeys.none(), new Claim("b", "x"))).isInstanceOf(IllegalStateException.class);
            nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
                var writing = nl.ouderportaal.core.internal.records.StoreModuleRecords.writing(store, h, SCHOOL, "slots", clock);
                assertThatThrownBy(() -> writing.remove(proof)).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> writing.update(proof, new Claim("z", "x"))).isInstanceOf(UnsupportedOperationException.class);
            });
            assertThat(claims(store, "proof")).isOne();
        }
    }
}
