package nl.ouderportaal.core.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.TestSessions;
import nl.ouderportaal.core.action.GuardianActions;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import nl.ouderportaal.modules.absences.AbsenceReportSink;
import nl.ouderportaal.modules.absences.AbsenceSource;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.ChangeRequestListener;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.host.ViewingRightSink;
import nl.ouderportaal.spi.notify.NotificationChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every way of wiring gets every feature: what is bound in Guice is used (ARCHITECTURE.md principle 17)")
class GuiceParityTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");
    private static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "J. de Boer", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));

    private final InMemoryHost host = new InMemoryHost();
    private final PortalStore store = PortalStore.h2InMemory("guice-" + System.nanoTime());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T07:00:00Z"));
    private final ViewingRightSink viewingRights = mock(ViewingRightSink.class);
    private final ChangeRequestListener changes = mock(ChangeRequestListener.class);
    private final NotificationChannel channel = mock(NotificationChannel.class);
    private GuardianId anna;
    private StudentId sanne;

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Portal portal() {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        anna = host.addGuardian("anna", "Anna", "Jansen").id();
        sanne = host.addStudent("sanne", SCHOOL, "Sanne", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION).id();
        host.link(anna, sanne, true);
        Portal portal = Guice.createInjector(new PortalGuiceModule(), new AbstractModule() {
            @Override
            protected void configure() {
                PortalGuiceModule.contentModules(binder()).addBinding().toInstance(new AbsencesModule());
                PortalGuiceModule.clock(binder()).setBinding().toInstance(clock);
                PortalGuiceModule.zone(binder()).setBinding().toInstance(ZoneId.of("Europe/Brussels"));
                PortalGuiceModule.notificationChannels(binder()).addBinding().toInstance(channel);
                PortalGuiceModule.retention(binder()).setBinding().toInstance(
                        new PortalGuiceModule.Retention(Duration.ofDays(400), Duration.ofDays(20)));
                PortalGuiceModule.actions(binder()).setBinding().toInstance(
                        new PortalGuiceModule.Actions(1, Duration.ofHours(1), Set.of("absences/request-leave")));
                PortalGuiceModule.mailTransport(binder()).setBinding().toInstance(new nl.ouderportaal.testing.CapturedMail());
                PortalGuiceModule.mailConnections(binder()).setBinding().toInstance(new PortalGuiceModule.MailConnections(3));
                bind(PortalStore.class).toInstance(store);
                PortalGuiceModule.accountSettings(binder()).setBinding().toInstance(
                        nl.ouderportaal.core.account.AccountSettings.defaults(java.net.URI.create("http://localhost/")));
                bind(SchoolSource.class).toInstance(host);
                bind(StudentSource.class).toInstance(host);
                bind(GuardianSource.class).toInstance(host);
                bind(GroupSource.class).toInstance(host);
                bind(ActivitySource.class).toInstance(host);
                bind(AbsenceSource.class).toInstance(host);
                bind(AbsenceReportSink.class).toInstance(host);
                bind(ViewingRightSink.class).toInstance(viewingRights);
                bind(ChangeRequestListener.class).toInstance(changes);
            }
        }).getInstance(Portal.class);
        portal.accounts().importActiveAccount(anna, "anna@example.org", "test");
        return portal;
    }

    @Test
    void aBoundViewingRightSinkIsToldOfAChangeOfInzage() {
        Portal portal = portal();

        portal.viewingRights().set(ADMIN, SCHOOL, anna, sanne, false);

        verify(viewingRights).setViewingRight(eq(anna), eq(sanne), eq(false), any());
    }

    @Test
    void aBoundChangeRequestListenerReceivesACorrection() {
        Portal portal = portal();
        portal.configuration().updateSettings(SCHOOL, new SchoolSettingsUpdate("administratie@regenboog.example.org", null, false),
                "beheerder");
        String session = TestSessions.start(portal, store, clock, anna);

        portal.actions().run(portal.authentication().writePermit(session), sanne, GuardianActions.ABOUT, "correct",
                Map.of("changes", Map.of("birthPlace", "Zeist"))).orElseThrow();

        verify(changes).changeRequested(any());
    }

    @Test
    void theBoundZoneAndActionSettingsReachThePortal() {
        Portal portal = portal();
        portal.configuration().activate(SCHOOL, AbsencesModule.ID, "beheerder");

        assertThat(portal.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(portal.actions().forChild(nl.ouderportaal.core.guardian.Viewer.guardian(anna), sanne).orElseThrow())
                .extracting(a -> a.module() + "/" + a.id()).doesNotContain("absences/request-leave");
        assertThat(host.calls("reportSick")).isZero();
    }

    @Test
    void theBoundMailTransportSendsOverTheBoundNumberOfConnections() {
        Portal portal = portal();

        assertThat(portal.mailDispatcher()).hasValueSatisfying(d -> assertThat(d.connections()).isEqualTo(3));
    }
}
