package nl.ouderportaal.core.conferences;

import static nl.ouderportaal.core.conferences.ConferenceFixture.ADMIN;
import static nl.ouderportaal.core.conferences.ConferenceFixture.GROUP5;
import static nl.ouderportaal.core.conferences.ConferenceFixture.GROUP7;
import static nl.ouderportaal.core.conferences.ConferenceFixture.SCHOOL;
import static nl.ouderportaal.core.conferences.ConferenceFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.action.ActionUnavailableException;
import nl.ouderportaal.core.action.OfferedAction;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.testing.TestDatabases;
import nl.ouderportaal.modules.conferences.ConferencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.Choice;
import nl.ouderportaal.spi.action.StaffTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Conference planner: booking windows, siblings, reminders and the administrator's side (R-CONF-1, -4, -5)")
class ConferenceRoundsTest {

    private static final String ROUND = "gesprekken-december";
    private ConferenceFixture f;

    @BeforeEach
    void setUp() {
        f = new ConferenceFixture(TestDatabases.h2());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void at(String instant) {
        f.clock.advance(Duration.between(f.clock.instant(), Instant.parse(instant)));
    }

    private OfferedAction offered(GuardianId guardian, StudentId child, String action) {
        return f.portal.actions().find(Viewer.guardian(guardian), child, ConferencesModule.ID, action).orElseThrow();
    }

    private int count(String sql) {
        return nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private int mailsOfKind(String kind) {
        return nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select count(*) from mail_outbox where kind = :kind")
                .bind("kind", kind).mapTo(Integer.class).one());
    }

    @Test
    void bookingOpensAndClosesWithTheClockInTheSchoolsZone() {
        GuardianId anna = f.family("anna", GROUP5);
        f.login(anna);
        f.createRound("Gesprekken december");
        StudentId child = f.child(anna, 0);

        OfferedAction early = offered(anna, child, "book");
        assertThat(early.available()).isFalse();
        assertThat(early.reason().nl()).isEqualTo("Inschrijven voor Gesprekken december kan vanaf woensdag 2 december 18:00.");
        assertThat(early.form().fields().get(0).choices()).isEmpty();
        assertThatThrownBy(() -> f.run(anna, child, "book", Map.of("slot", slot(ROUND, "t5", "18:00"))))
                .isInstanceOf(ActionUnavailableException.class);

        at("2026-12-02T16:59:00Z"); // 17:59 in Amsterdam
        assertThat(offered(anna, child, "book").available()).isFalse();
        at("2026-12-02T17:00:00Z"); // 18:00 in Amsterdam
        assertThat(offered(anna, child, "book").available()).isTrue();
        f.run(anna, child, "book", Map.of("slot", slot(ROUND, "t5", "18:00")));

        at("2026-12-07T22:00:00Z"); // 23:00 in Amsterdam: closed
        assertThat(offered(anna, child, "move").available()).isFalse();
        assertThat(offered(anna, child, "cancel").reason().en()).isEqualTo("Booking for Gesprekken december has closed.");
    }

    @Test
    void familiesWithSeveralChildrenBookFromTheEarlierWindowAndSeeBackToBackSlotsFirst() {
        GuardianId gezin = f.family("gezin", GROUP5, GROUP7);
        GuardianId enkel = f.family("enkel", GROUP5);
        f.login(gezin);
        f.login(enkel);
        f.createRound("Gesprekken december");
        StudentId oudste = f.child(gezin, 0);
        StudentId jongste = f.child(gezin, 1);

        at("2026-12-01T07:59:00Z"); // 08:59: not even for siblings
        assertThat(offered(gezin, oudste, "book").available()).isFalse();
        at("2026-12-01T08:00:00Z"); // 09:00: the siblings' window
        assertThat(offered(gezin, oudste, "book").available()).isTrue();
        assertThat(offered(gezin, jongste, "book").available()).isTrue();
        assertThat(offered(enkel, f.child(enkel, 0), "book").available()).isFalse();

        f.run(gezin, oudste, "book", Map.of("slot", slot(ROUND, "t5", "18:30")));
        List<Choice> choices = offered(gezin, jongste, "book").form().fields().get(0).choices();
        assertThat(choices).extracting(Choice::value).startsWith(slot(ROUND, "t7", "18:20"), slot(ROUND, "t7", "18:40"));
        assertThat(choices.get(0).label().nl()).contains("aansluitend op het gesprek van");
        assertThat(choices).extracting(Choice::value).element(2).isIn(slot(ROUND, "t7", "18:10"), slot(ROUND, "t7", "18:50"));
        assertThat(choices.get(4).label().nl()).doesNotContain("aansluitend");
    }

    @Test
    void theReminderGoesOutOnceTheDayBeforeHoweverOftenAndOnHowManyNodesItRuns() {
        GuardianId anna = f.family("anna", GROUP5);
        f.login(anna);
        f.createRound("Gesprekken december");
        at("2026-12-03T10:00:00Z");
        f.run(anna, f.child(anna, 0), "book", Map.of("slot", slot(ROUND, "t5", "18:30")));

        at("2026-12-06T10:00:00Z"); // two days before: nothing yet
        assertThat(f.portal.staffActions().runDaily()).isZero();
        at("2026-12-07T06:00:00Z"); // the day before
        Portal otherNode = f.build(f.store);
        assertThat(f.portal.staffActions().runDaily() + otherNode.staffActions().runDaily() + f.portal.staffActions().runDaily())
                .isEqualTo(1);
        assertThat(mailsOfKind("conference-reminder")).isEqualTo(1);
        f.deliver();
        assertThat(f.mailsTo(ConferenceFixture.email(anna))).anySatisfy(m ->
                assertThat(m.getSubject()).isEqualTo("Morgen: oudergesprek " + "Kind1anna Jansen om 18:30"));
        at("2026-12-08T06:00:00Z"); // the day itself: no second reminder
        assertThat(f.portal.staffActions().runDaily()).isZero();
    }

    @Test
    void anAdministratorBlocksASlotClosesTheRoundAndPrintsTheSchedule() throws Exception {
        GuardianId anna = f.family("anna", GROUP5);
        f.login(anna);
        ActionResult created = f.createRound("Gesprekken december");
        assertThat(created.details()).containsEntry("slots", 22);
        at("2026-12-03T10:00:00Z");
        f.portal.staffActions().run(ADMIN, SCHOOL, ConferencesModule.ID, "block-slot", Map.of("slot", slot(ROUND, "t5", "18:00")));
        assertThat(offered(anna, f.child(anna, 0), "book").form().fields().get(0).choices()).extracting(Choice::value)
                .hasSize(10).doesNotContain(slot(ROUND, "t5", "18:00"));
        f.run(anna, f.child(anna, 0), "book", Map.of("slot", slot(ROUND, "t5", "18:10")));

        StaffTable schedule = f.portal.staffActions().view(ADMIN, SCHOOL, ConferencesModule.ID, "schedule",
                Map.of("round", ROUND, "teacher", "t5")).orElseThrow();
        assertThat(schedule.rows()).hasSize(11);
        assertThat(schedule.rows().get(0)).contains("geblokkeerd / blocked");
        assertThat(schedule.rows().get(1)).contains("Ineke de Boer", "2026-12-08", "18:10–18:20", "Lokaal 5", "Kind1anna Jansen", "Groep 5");
        byte[] pdf = f.portal.staffActions().pdf(schedule, SCHOOL, java.util.Locale.forLanguageTag("nl"));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            // Columns as wide as their words: nothing a teacher reads is cut in two, and the title is printed once.
            assertThat(text).contains("Kind1anna Jansen", "Lokaal 5", "geblokkeerd / blocked", "18:10–18:20", "Leerkracht", "Groep 5");
            assertThat(text.split("Gespreksrooster Gesprekken december", -1)).hasSize(2);
        }

        f.portal.staffActions().run(ADMIN, SCHOOL, ConferencesModule.ID, "close-round", Map.of("round", ROUND));
        assertThat(offered(anna, f.child(anna, 0), "cancel").available()).isFalse();
        assertThat(count("select count(*) from audit_events where action like 'staff-action.conferences.%'")).isEqualTo(3);
    }

    @Test
    void aRoundWithoutAnySlotOrWithAnUnknownGroupIsRefusedWithTheField() {
        f.family("anna", GROUP5);
        Map<String, Object> input = new java.util.LinkedHashMap<>(Map.of("name", "Te kort", "groups", "Groep 5", "dates", "2026-12-08",
                "from", "18:00", "until", "18:05", "slotMinutes", 10, "opensOn", "2026-12-02", "opensAt", "18:00",
                "closesOn", "2026-12-07"));
        input.put("closesAt", "23:00");
        assertThatThrownBy(() -> f.portal.staffActions().run(ADMIN, SCHOOL, ConferencesModule.ID, "create-round", input))
                .isInstanceOfSatisfying(nl.ouderportaal.core.validation.PortalValidationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("until"));
        input.put("until", "20:00");
        input.put("groups", "Groep 9");
        assertThatThrownBy(() -> f.portal.staffActions().run(ADMIN, SCHOOL, ConferencesModule.ID, "create-round", input))
                .isInstanceOfSatisfying(nl.ouderportaal.core.validation.PortalValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("groups");
                            assertThat(v.message().nl()).contains("Groep 9");
                        }));
    }

    @Test
    void theBulkReminderToFamiliesWhoHaveNotBookedAsksForConfirmationFirst() {
        GuardianId anna = f.family("anna", GROUP5);
        GuardianId bram = f.family("bram", GROUP5);
        GuardianId cees = f.family("cees", GROUP7);
        for (GuardianId g : List.of(anna, bram, cees)) {
            f.login(g);
        }
        f.createRound("Gesprekken december");
        at("2026-12-03T10:00:00Z");
        f.run(anna, f.child(anna, 0), "book", Map.of("slot", slot(ROUND, "t5", "18:10")));

        StaffTable unbooked = f.portal.staffActions().view(ADMIN, SCHOOL, ConferencesModule.ID, "unbooked",
                Map.of("round", ROUND, "group", "g5")).orElseThrow();
        assertThat(unbooked.rows()).hasSize(1);
        assertThat(unbooked.rows().get(0)).contains("Groep 5", "Ineke de Boer");

        ActionResult asked = f.portal.staffActions().run(ADMIN, SCHOOL, ConferencesModule.ID, "remind",
                Map.of("round", ROUND, "group", "g5")).orElseThrow();
        assertThat(asked.details()).containsEntry("confirmed", false).containsEntry("wouldMail", 1);
        assertThat(mailsOfKind("conference-booking-reminder")).isZero();

        ActionResult sent = f.portal.staffActions().run(ADMIN, SCHOOL, ConferencesModule.ID, "remind",
                Map.of("round", ROUND, "confirm", true)).orElseThrow();
        assertThat(sent.details()).containsEntry("mailed", 2);
        assertThat(mailsOfKind("conference-booking-reminder")).isEqualTo(2);
    }

    @Test
    void housekeepingRemovesTheRoundAndItsBookingsASchoolYearAfterItsLastEvening() {
        GuardianId anna = f.family("anna", GROUP5);
        f.login(anna);
        f.createRound("Gesprekken december");
        at("2026-12-03T10:00:00Z");
        f.run(anna, f.child(anna, 0), "book", Map.of("slot", slot(ROUND, "t5", "18:10")));
        String count = "select count(*) from module_records where module_id = 'conferences'";

        at("2027-12-08T12:00:00Z");
        f.portal.housekeeping().run();
        assertThat(count(count)).isEqualTo(3);
        at("2027-12-09T12:00:00Z");
        assertThat(f.portal.housekeeping().run()).containsEntry("module_records", 3);
        assertThat(count(count)).isZero();
    }
}
