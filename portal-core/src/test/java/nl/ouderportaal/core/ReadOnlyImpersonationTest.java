package nl.ouderportaal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.account.WritePermit;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.MutableClock;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Read-only impersonation by construction (ARCHITECTURE.md principle 15), shown without a hand-kept list of
 * writes: every method of the facade that takes a {@link Viewer} is called with an administrator's
 * impersonation and must change nothing in the store but the audit log; every write takes a
 * {@link WritePermit}, which an impersonation cannot produce.
 */
@DisplayName("An impersonation session cannot reach a write")
class ReadOnlyImpersonationTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");
    private static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "J. de Boer", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));
    /** Tables an impersonation changes by design: its audit trail and its own session. */
    private static final Set<String> AUDIT_AND_SESSIONS = Set.of("audit_events", "portal_sessions", "portal_schema_history");

    private final InMemoryHost host = new InMemoryHost();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T07:00:00Z"));
    private PortalStore store;
    private Portal portal;
    private GuardianId anna;
    private StudentId sanne;

    @BeforeEach
    void setUp() {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        anna = host.addGuardian("anna", "Anna", "Jansen").id();
        sanne = host.addStudent("sanne", SCHOOL, "Sanne", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION).id();
        host.link(anna, sanne, true);
        store = PortalStore.h2InMemory("readonly-" + System.nanoTime());
        portal = host.registerAll(Portal.builder()).store(store).clock(clock)
                .install(BuiltInModules.all().toArray(new ContentModule<?>[0])).build();
        portal.accounts().importActiveAccount(anna, "anna@example.org", "test");
        for (ModuleDescriptor<?> module : portal.installedModules()) {
            portal.configuration().activate(SCHOOL, module.id(), "beheerder");
        }
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void noMethodOfTheFacadeThatTakesAViewerChangesTheStoreInAnImpersonation() throws Exception {
        String token = portal.impersonations().start(ADMIN, anna);
        Viewer viewer = Viewer.of(portal.authentication().session(token).orElseThrow());
        Map<String, String> before = tables();
        List<String> called = new ArrayList<>();
        List<String> notCallable = new ArrayList<>();

        for (Method accessor : Portal.class.getMethods()) {
            if (accessor.getParameterCount() != 0 || accessor.getDeclaringClass() != Portal.class
                    || !accessor.getReturnType().getPackageName().startsWith("nl.ouderportaal.core")) {
                continue;
            }
            Object facade = accessor.invoke(portal);
            for (Method method : facade.getClass().getMethods()) {
                boolean takesViewer = List.of(method.getParameterTypes()).contains(Viewer.class);
                if (!takesViewer || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Object[] arguments = arguments(method, viewer);
                if (arguments == null) {
                    notCallable.add(method.toString());
                    continue;
                }
                try {
                    method.invoke(facade, arguments);
                } catch (InvocationTargetException refused) {
                    // A refusal is fine; only a change would not be.
                }
                called.add(facade.getClass().getSimpleName() + "." + method.getName());
            }
        }

        assertThat(notCallable).as("facade methods taking a Viewer whose arguments this test cannot make").isEmpty();
        assertThat(called).as("the reads reached").contains("GuardianPortal.home", "GuardianPortal.modulePage",
                "GuardianActions.forChild", "GuardianActions.forDashboard");
        assertThat(tables()).as("every table but the audit log and sessions").isEqualTo(before);
    }

    @Test
    void everyWriteTakesAPermitAndAnImpersonationCannotProduceOne() {
        String token = portal.impersonations().start(ADMIN, anna);

        assertThatThrownBy(() -> portal.authentication().writePermit(token)).isInstanceOf(ImpersonationReadOnlyException.class)
                .hasMessage("Let op: aangezien je bent ingelogd als applicatiebeheerder zullen je wijzigingen niet worden "
                        + "opgeslagen of verzonden.");
        assertThat(WritePermit.class.getConstructors()).as("no public constructor").isEmpty();
        assertThat(Modifier.isFinal(WritePermit.class.getModifiers())).isTrue();
        List<String> takesSession = new ArrayList<>();
        for (Method accessor : Portal.class.getMethods()) {
            if (accessor.getParameterCount() == 0 && accessor.getReturnType().getPackageName().startsWith("nl.ouderportaal.core")) {
                for (Method method : accessor.getReturnType().getMethods()) {
                    if (List.of(method.getParameterTypes()).contains(nl.ouderportaal.core.account.Session.class)
                            && !method.getDeclaringClass().getSimpleName().equals("Impersonations")) {
                        takesSession.add(method.toString());
                    }
                }
            }
        }
        assertThat(takesSession).as("reads take a Viewer, writes a WritePermit: no facade method takes a Session").isEmpty();
    }

    private Object[] arguments(Method method, Viewer viewer) {
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            Object value;
            if (type == Viewer.class) {
                value = viewer;
            } else if (type == StudentId.class) {
                value = sanne;
            } else if (type == SchoolId.class) {
                value = SCHOOL;
            } else if (type == GuardianId.class) {
                value = anna;
            } else if (type == String.class) {
                value = "notes";
            } else if (type == Optional.class) {
                value = Optional.empty();
            } else if (type == Locale.class) {
                value = Locale.forLanguageTag("nl");
            } else if (type == List.class) {
                value = List.of();
            } else if (type == Map.class) {
                value = Map.of();
            } else if (type == SchoolYear.class) {
                value = SchoolYear.containing(LocalDate.of(2026, 12, 2));
            } else if (type == boolean.class) {
                value = false;
            } else if (type == int.class) {
                value = 0;
            } else {
                return null;
            }
            values[i] = value;
        }
        return values;
    }

    private Map<String, String> tables() {
        Map<String, String> contents = new LinkedHashMap<>();
        List<String> names = nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                        "select table_name from information_schema.tables where table_schema = 'PUBLIC' order by table_name")
                .mapTo(String.class).list());
        for (String name : names) {
            if (!AUDIT_AND_SESSIONS.contains(name.toLowerCase(Locale.ROOT))) {
                contents.put(name, nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select * from \"" + name + "\"").mapToMap().list().toString()));
            }
        }
        assertThat(contents).as("the store's tables").containsKey("MODULE_RECORDS");
        return contents;
    }
}
