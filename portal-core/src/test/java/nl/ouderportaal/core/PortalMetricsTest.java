package nl.ouderportaal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.internal.PortalMetrics;
import nl.ouderportaal.core.mail.MailDispatcher;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.testing.PortalExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Metrics: logins, sessions and the outbox are counted in the host's registry")
class PortalMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @RegisterExtension
    final PortalExtension kit = PortalExtension.create().configure(builder -> builder.metrics(registry));

    private static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "J. de Boer", Set.of(StaffActor.Role.ADMIN),
            Set.of(SchoolId.of("regenboog")));

    private GuardianId guardian() {
        kit.host().addSchool("regenboog", "OBS De Regenboog");
        GuardianId anna = kit.host().addGuardian("anna", "Anna", "Jansen").id();
        var sanne = kit.host().addStudent("sanne", SchoolId.of("regenboog"), "Sanne", LocalDate.of(2016, 4, 1),
                EnrolmentStatus.IN_EDUCATION).id();
        kit.host().link(anna, sanne, true);
        return anna;
    }

    private void activeGuardian() {
        GuardianId anna = guardian();
        kit.portal().invitations().inviteOne(ADMIN, SchoolId.of("regenboog"), anna);
        kit.sendMail();
        String token = kit.mail().lastTo("anna@example.org").link("/activate").getQuery().substring("token=".length());
        kit.portal().authentication().acceptInvitation(token, "een lang genoeg wachtwoord");
    }

    private double logins(String outcome) {
        var counter = registry.find("portal.logins").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    @Test
    void loginsAreCountedByOutcomeAndSessionsWhileTheyLast() {
        activeGuardian();

        var success = (LoginResult.Success) kit.portal().authentication().login("anna@example.org", "een lang genoeg wachtwoord");
        kit.portal().authentication().login("anna@example.org", "fout");
        kit.portal().authentication().login("", "fout");

        assertThat(logins("success")).isEqualTo(1);
        assertThat(logins("refused")).isEqualTo(1);
        assertThat(logins("invalid")).isEqualTo(1);
        assertThat(gauge("portal.sessions.active")).isEqualTo(1);

        kit.portal().authentication().logout(success.sessionToken());
        assertThat(gauge("portal.sessions.active")).isZero();
    }

    @Test
    void aLoginWhileTheAddressWaitsIsCountedAsThrottled() {
        activeGuardian();
        for (int i = 0; i < 8; i++) {
            kit.portal().authentication().login("anna@example.org", "fout");
        }

        assertThat(logins("throttled")).isPositive();
        assertThat(logins("refused") + logins("throttled")).isEqualTo(8);
    }

    @Test
    void theOutboxShowsWhatWaitsHowLongAndWhatWasSentRetriedOrGivenUp() {
        GuardianId anna = guardian();
        kit.portal().invitations().inviteOne(ADMIN, SchoolId.of("regenboog"), anna);
        kit.clock().advance(Duration.ofMinutes(3));

        assertThat(gauge("portal.outbox.pending")).isEqualTo(1);
        assertThat(gauge("portal.outbox.oldest.age")).isEqualTo(180);

        kit.mail().setDown(true);
        kit.sendMail();
        assertThat(counter("portal.outbox.retried")).isEqualTo(1);

        kit.mail().setDown(false);
        kit.clock().advance(Duration.ofMinutes(2));
        kit.sendMail();
        assertThat(counter("portal.outbox.sent")).isEqualTo(1);
        assertThat(gauge("portal.outbox.pending")).isZero();
        assertThat(gauge("portal.outbox.oldest.age")).isZero();
        assertThat(counter("portal.outbox.failed")).isZero();
    }

    @Test
    void aMailGivenUpAfterTheLastAttemptIsCountedAsFailed() {
        GuardianId anna = guardian();
        kit.portal().invitations().inviteOne(ADMIN, SchoolId.of("regenboog"), anna);
        // Every send fails on an open connection, so each attempt counts.
        MailDispatcher failing = new MailDispatcher(kit.portal().outbox(), () -> new nl.ouderportaal.core.mail.MailTransport.Connection() {
            @Override
            public void send(nl.ouderportaal.core.mail.QueuedMail mail) throws nl.ouderportaal.core.mail.MailTransport.MailException {
                throw new nl.ouderportaal.core.mail.MailTransport.MailException("550 refused", null, false);
            }

            @Override
            public void close() {
            }
        }, kit.clock(), new PortalMetrics(registry));
        for (int attempt = 0; attempt < MailDispatcher.MAX_ATTEMPTS; attempt++) {
            failing.drainOnce();
            kit.clock().advance(Duration.ofHours(2));
        }

        assertThat(counter("portal.outbox.failed")).isEqualTo(1);
        assertThat(counter("portal.outbox.retried")).isEqualTo(MailDispatcher.MAX_ATTEMPTS - 1);
    }

    @Test
    void theActionRunnerCountsEachActionByModuleActionAndOutcome() {
        PortalMetrics metrics = new PortalMetrics(registry);

        metrics.actionRan("notes", "reply", "done");
        metrics.actionRan("notes", "reply", "done");
        metrics.actionRan("notes", "reply", "refused");

        assertThat(registry.get("portal.actions").tags("module", "notes", "action", "reply", "outcome", "done")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("portal.actions").tags("outcome", "refused").counter().count()).isEqualTo(1);
    }

    @Test
    void withoutARegistryNothingIsRecordedAndNothingFails() {
        PortalMetrics none = PortalMetrics.none();
        none.login("success");
        none.actionRan("notes", "reply", "done");

        assertThat(none.registry().counter("portal.logins", "outcome", "success").count()).isZero();
    }
}
