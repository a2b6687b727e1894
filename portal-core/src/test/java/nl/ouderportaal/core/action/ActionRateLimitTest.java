package nl.ouderportaal.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.account.TestSessions;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.modules.notes.NotesOptions;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A guardian's actions are bounded in number: each may mail the school (issue 19, item 11)")
class ActionRateLimitTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");

    private final InMemoryHost host = new InMemoryHost();
    private final io.micrometer.core.instrument.MeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
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
        host.notes.add(new Note("n1", sanne, LocalDate.of(2026, 3, 8), "Gesprek", true, "Oudergesprek", "Tekst", "Juf Ineke"));
        store = PortalStore.h2InMemory("ratelimit-" + System.nanoTime());
        portal = host.registerAll(Portal.builder()).store(store).clock(clock)
                .accounts(AccountSettings.defaults(URI.create("http://localhost/")))
                .install(new NotesModule()).actionRateLimit(3, Duration.ofHours(1)).metrics(registry).build();
        portal.accounts().importActiveAccount(anna, "anna@example.org", "test");
        portal.configuration().activate(SCHOOL, NotesModule.ID, "beheerder");
        portal.configuration().setOptions(SCHOOL, NotesModule.ID, new NotesOptions(null, true), "beheerder");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void reply(String text) {
        String session = TestSessions.start(portal, store, clock, anna);
        portal.actions().run(portal.authentication().writePermit(session), sanne, NotesModule.ID, "reply",
                Map.of("note", "n1", "text", text)).orElseThrow();
    }

    @Test
    void everyAttemptThatReachesAnActionIsCountedInTheMetricsByHowItEnded() {
        reply("een");
        assertThatThrownBy(() -> reply("  ")).isInstanceOf(nl.ouderportaal.core.validation.PortalValidationException.class);
        reply("twee");
        reply("drie");
        assertThatThrownBy(() -> reply("vier")).isInstanceOf(ActionRateLimitedException.class);

        assertThat(actions("done")).isEqualTo(3);
        assertThat(actions("invalid")).isEqualTo(1);
        assertThat(actions("rate-limited")).isEqualTo(1);
    }

    private double actions(String outcome) {
        var counter = registry.find("portal.actions").tags("module", NotesModule.ID, "action", "reply", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void beyondTheLimitNothingRunsUntilTheWindowEndsAndARefusedAttemptDoesNotCount() {
        reply("een");
        reply("twee");
        assertThatThrownBy(() -> reply("  ")).as("refused input does not count").isInstanceOf(
                nl.ouderportaal.core.validation.PortalValidationException.class);
        reply("drie");

        assertThatThrownBy(() -> reply("vier")).isInstanceOfSatisfying(ActionRateLimitedException.class,
                e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z")));
        assertThat(host.replies).hasSize(3);

        clock.advance(Duration.ofHours(1));
        reply("vijf");
        assertThat(host.replies).hasSize(4);
    }
}
