package nl.ouderportaal.examples.homework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An integrator's own module runs in the portal without touching the core")
class HomeworkModuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final SchoolYear YEAR = SchoolYear.containing(TODAY);

    private final InMemoryHost host = new InMemoryHost();
    private PortalStore store;
    private Portal portal;
    private School school;
    private GuardianId parent;
    private StudentId child;

    @BeforeEach
    void setUp() {
        school = host.addSchool("regenboog", "OBS De Regenboog");
        parent = host.addGuardian("parent", "Anna", "Jansen").id();
        child = host.addStudent("sanne", school.id(), "Sanne", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION).id();
        host.link(parent, child, true);
        host.placeInGroup(child, YEAR, InMemoryHost.group("g6", school.id(), YEAR, "Groep 6", 6));
        List<Assignment> homework = List.of(
                new Assignment("h1", GroupId.of("g6"), "Topografie", "Provincies leren", TODAY.plusDays(2)),
                new Assignment("h2", GroupId.of("g6"), "Spreekbeurt", "Over een dier", TODAY.plusDays(20)),
                new Assignment("h3", GroupId.of("g7"), "Rekenen", "Breuken", TODAY.plusDays(1)));
        store = PortalStore.h2InMemory("homework-" + System.nanoTime());
        portal = host.register(Portal.builder())
                .source(HomeworkSource.class, (group, year) -> homework.stream().filter(a -> a.group().equals(group)).toList())
                .store(store)
                .clock(Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneId.of("Europe/Amsterdam")))
                .install(new HomeworkModule())
                .build();
        portal.accounts().importActiveAccount(parent, "anna@example.org", "test");
        portal.configuration().activate(school.id(), HomeworkModule.ID, "beheerder");
        portal.configuration().showOnDashboard(school.id(), HomeworkModule.ID, true, "beheerder");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theChildPageListsTheGroupsHomeworkByDueDate() {
        var page = portal.guardians().modulePage(Viewer.guardian(parent), child, HomeworkModule.ID, Optional.empty()).orElseThrow();

        Block.Table table = (Block.Table) page.sections().get(0).blocks().get(0);
        assertThat(table.rows()).extracting(row -> row.get(1)).containsExactly(Value.text("Topografie"), Value.text("Spreekbeurt"));
        assertThat(portal.guardians().home(Viewer.guardian(parent)).children().get(0).modules())
                .extracting(m -> m.name().nl()).containsExactly("Huiswerk");
    }

    @Test
    void theDashboardShowsHomeworkDueWithinTheChosenDays() {
        assertThat(portal.guardians().dashboard(Viewer.guardian(parent), Optional.of(HomeworkModule.ID)).entries())
                .extracting(DashboardEntry::title).extracting(t -> t.nl()).containsExactly("Huiswerk Topografie inleveren");

        portal.configuration().setOptions(school.id(), HomeworkModule.ID, new HomeworkOptions(14), "beheerder");

        assertThat(portal.guardians().dashboard(Viewer.guardian(parent), Optional.of(HomeworkModule.ID)).entries()).hasSize(1);
        portal.configuration().setOptions(school.id(), HomeworkModule.ID, new HomeworkOptions(3), "beheerder");
        assertThat(portal.configuration().options(school.id(), new HomeworkModule())).isEqualTo(new HomeworkOptions(3));
    }

    @Test
    void itsOptionsAreValidatedLikeABuiltInModules() {
        assertThatThrownBy(() -> portal.configuration().setOptions(school.id(), HomeworkModule.ID, new HomeworkOptions(30), "x"))
                .isInstanceOf(PortalValidationException.class)
                .satisfies(e -> assertThat(((PortalValidationException) e).violations().get(0).field()).isEqualTo("dashboardDaysAhead"));
    }

    @Test
    void withoutItsSourceThePortalDoesNotStart() {
        var builder = host.register(Portal.builder()).store(store).install(new HomeworkModule());

        assertThatThrownBy(builder::build).hasMessageContaining("'homework'").hasMessageContaining("HomeworkSource");
    }

    @Test
    void aGuardianReportsHomeworkHandedInOnceThroughTheModulesOwnAction() {
        String session = nl.ouderportaal.core.account.TestSessions.start(portal, store,
                Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneId.of("Europe/Amsterdam")), parent);
        var permit = portal.authentication().writePermit(session);

        var offered = portal.actions().find(Viewer.guardian(parent), child, HomeworkModule.ID, "hand-in").orElseThrow();
        var done = portal.actions().run(permit, child, HomeworkModule.ID, "hand-in", java.util.Map.of("assignment", "h1",
                "remark", "Alle twaalf geleerd")).orElseThrow();

        assertThat(offered.form().fields().get(0).choices()).extracting(c -> c.value()).containsExactly("h1", "h2");
        assertThat(done.created()).isTrue();
        assertThatThrownBy(() -> portal.actions().run(permit, child, HomeworkModule.ID, "hand-in", java.util.Map.of("assignment", "h1")))
                .isInstanceOf(nl.ouderportaal.spi.action.ActionConflictException.class);
        assertThatThrownBy(() -> portal.actions().run(permit, child, HomeworkModule.ID, "hand-in", java.util.Map.of("assignment", "h3")))
                .as("another group's homework is not one of the choices").isInstanceOf(PortalValidationException.class);
        var page = portal.guardians().modulePage(Viewer.guardian(parent), child, HomeworkModule.ID, Optional.empty()).orElseThrow();
        Block.Table table = (Block.Table) page.sections().get(0).blocks().get(0);
        assertThat(table.rows()).extracting(row -> row.get(3)).containsExactly(Value.text("✓"), Value.text(""));
    }
}
