package nl.ouderportaal.core.conferences;

import static nl.ouderportaal.core.conferences.ConferenceFixture.GROUP5;
import static nl.ouderportaal.core.conferences.ConferenceFixture.GROUP7;
import static nl.ouderportaal.core.conferences.ConferenceFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.action.ActionUnavailableException;
import nl.ouderportaal.core.action.OfferedAction;
import nl.ouderportaal.core.testing.Race;
import nl.ouderportaal.core.testing.TestDatabases;
import nl.ouderportaal.modules.conferences.ConferencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.ActionConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Conference planner: booking, moving and cancelling a conversation (R-CONF-2..4)")
class ConferenceBookingTest {

    private static final String ROUND = "gesprekken-december";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private ConferenceFixture f;

    @BeforeEach
    void setUp() {
        f = new ConferenceFixture(TestDatabases.h2());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** Makes the round (the host's groups are those of the families made so far) and moves to when booking is open. */
    private void openBooking() {
        f.createRound("Gesprekken december");
        f.clock.advance(Duration.ofDays(1).plusHours(11)); // 2 December 19:00 in Amsterdam
    }

    private static List<String> choices(OfferedAction action) {
        return action.form().fields().get(0).choices().stream().map(c -> c.value()).toList();
    }

    private OfferedAction offered(GuardianId guardian, StudentId child, String action) {
        return f.portal.actions().find(Viewer.guardian(guardian), child, ConferencesModule.ID, action).orElseThrow();
    }

    @Test
    void fiftyFamiliesBookingOneSlotAtOnceEndWithOneBookingAndTheOthersGet409WithTheNearestFreeSlots() throws Exception {
        List<GuardianId> families = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            GuardianId g = f.family("gezin" + i, GROUP5);
            f.login(g);
            families.add(g);
        }
        openBooking();
        families.forEach(g -> f.session(f.portal, g));
        String wanted = slot(ROUND, "t5", "18:30");
        AtomicInteger conflicts = new AtomicInteger();
        ConcurrentLinkedQueue<Object> nearest = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> other = new ConcurrentLinkedQueue<>();
        long began = System.nanoTime();
        int wins = Race.successes(50, i -> {
            try {
                f.run(families.get(i), f.child(families.get(i), 0), "book", Map.of("slot", wanted));
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
        System.out.printf("R-CONF-3 H2: 50 threads, one slot: %d booking, %d answered 409, %d other, in %d ms%n",
                wins, conflicts.get(), other.size(), millis);

        assertThat(other).isEmpty();
        assertThat(wins).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(49);
        Integer stored = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(
                "select count(*) from module_records where module_id = 'conferences' and kind = 'slot'").mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(1);
        // The nearest free slots are offered: 18:20 and 18:40 first, never the slot that was taken.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> offer = (List<Map<String, Object>>) nearest.peek();
        assertThat(offer).extracting(m -> m.get("slot")).doesNotContain(wanted)
                .startsWith(slot(ROUND, "t5", "18:20"), slot(ROUND, "t5", "18:40"));
    }

    @Test
    void theFormOffersOnlyFreeSlotsAndASecondFamilyOnATakenSlotGets409() {
        GuardianId anna = f.family("anna", GROUP5);
        GuardianId bram = f.family("bram", GROUP5);
        f.login(anna);
        f.login(bram);
        openBooking();

        assertThat(choices(offered(anna, f.child(anna, 0), "book"))).hasSize(11).first()
                .isEqualTo(slot(ROUND, "t5", "18:00"));
        ActionResult booked = f.run(anna, f.child(anna, 0), "book", Map.of("slot", slot(ROUND, "t5", "18:00")));
        assertThat(booked.created()).isTrue();

        assertThat(choices(offered(bram, f.child(bram, 0), "book"))).hasSize(10).doesNotContain(slot(ROUND, "t5", "18:00"));
        assertThatThrownBy(() -> f.run(bram, f.child(bram, 0), "book", Map.of("slot", slot(ROUND, "t5", "18:00"))))
                .isInstanceOfSatisfying(ActionConflictException.class, e -> assertThat(e.text().nl()).contains("18:10"));
        // A slot in the break is no slot at all.
        assertThatThrownBy(() -> f.run(bram, f.child(bram, 0), "book", Map.of("slot", slot(ROUND, "t5", "19:00"))))
                .isInstanceOf(nl.ouderportaal.core.validation.PortalValidationException.class);
        // Group 5's child does not talk to group 7's teacher.
        assertThatThrownBy(() -> f.run(bram, f.child(bram, 0), "book", Map.of("slot", slot(ROUND, "t7", "18:00"))))
                .isInstanceOf(nl.ouderportaal.core.validation.PortalValidationException.class);
    }

    @Test
    void oneConversationPerChildPerTeacherWhicheverGuardianBooksUnlessTheSchoolLetsEachGuardianBook() {
        GuardianId anna = f.family("anna", GROUP5);
        StudentId child = f.child(anna, 0);
        GuardianId vader = f.secondParent("vader", child);
        f.login(anna);
        f.login(vader);
        openBooking();
        f.run(anna, child, "book", Map.of("slot", slot(ROUND, "t5", "18:00")));

        // The other parent sees the booking on the child's page and cannot book a second one.
        String page = nl.ouderportaal.core.render.PortalJson.write(f.portal.guardians().modulePage(Viewer.guardian(vader), child,
                ConferencesModule.ID, java.util.Optional.empty()).orElseThrow());
        assertThat(page).contains("Ouder anna", "18:00");
        assertThatThrownBy(() -> f.run(vader, child, "book", Map.of("slot", slot(ROUND, "t5", "18:10"))))
                .isInstanceOf(ActionUnavailableException.class);

        f.portal.configuration().setOptions(ConferenceFixture.SCHOOL, ConferencesModule.ID,
                new nl.ouderportaal.modules.conferences.ConferencesOptions(true), "test");
        assertThat(f.run(vader, child, "book", Map.of("slot", slot(ROUND, "t5", "18:10"))).created()).isTrue();
        assertThatThrownBy(() -> f.run(vader, child, "book", Map.of("slot", slot(ROUND, "t5", "18:20"))))
                .isInstanceOf(ActionUnavailableException.class);
    }

    @Test
    void theConfirmationCarriesAnIcsThatParsesAsAVEventAtTheBookedTimeInAmsterdam() throws Exception {
        GuardianId anna = f.family("anna", GROUP5);
        f.login(anna);
        openBooking();
        f.run(anna, f.child(anna, 0), "book", Map.of("slot", slot(ROUND, "t5", "18:30")));
        f.deliver();

        MimeMessage mail = last(anna);
        assertThat(mail.getSubject()).startsWith("Gesprek gepland");
        List<ConferenceFixture.Attachment> files = ConferenceFixture.attachments(mail);
        assertThat(files).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("gesprek.ics");
            assertThat(a.type()).startsWith("text/calendar").contains("method=REQUEST");
        });
        Calendar calendar = new CalendarBuilder().build(new StringReader(files.get(0).text()));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        Temporal start = event.getDateTimeStart().getDate();
        assertThat(ZonedDateTime.from(start).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 12, 8, 18, 30, 0, 0, AMSTERDAM).toInstant());
        // Local time with the school's zone (and its VTIMEZONE), not UTC: a calendar shows 18:30 in Amsterdam.
        assertThat(event.getDateTimeStart().<net.fortuna.ical4j.model.parameter.TzId>getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Amsterdam");
        assertThat(files.get(0).text()).contains("DTSTART;TZID=Europe/Amsterdam:20261208T183000", "BEGIN:VTIMEZONE");
        // RFC 5545 3.2.19: the TZID names a VTIMEZONE of the file itself, not one a reader's registry may know.
        assertThat(calendar.<net.fortuna.ical4j.model.component.VTimeZone>getComponents("VTIMEZONE"))
                .singleElement().satisfies(zone -> assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Amsterdam"));
        assertThat(files.get(0).text()).doesNotContain("Brussels");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Lokaal 5");
        // Sent: the outbox forgets the attachment with the body.
        Integer kept = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select count(*) from mail_outbox_attachments")
                .mapTo(Integer.class).one());
        assertThat(kept).isZero();
    }

    @Test
    void movingKeepsTheUidWithAHigherSequenceAndCancellingSendsACancelWithTheSameUid() throws Exception {
        GuardianId anna = f.family("anna", GROUP5);
        StudentId child = f.child(anna, 0);
        f.login(anna);
        openBooking();
        // Nothing booked yet: moving and cancelling are not offered at all (no notice beside booking's).
        assertThat(f.portal.actions().find(Viewer.guardian(anna), child, ConferencesModule.ID, "move")).isEmpty();
        assertThat(f.portal.actions().find(Viewer.guardian(anna), child, ConferencesModule.ID, "cancel")).isEmpty();
        String uid = (String) f.run(anna, child, "book", Map.of("slot", slot(ROUND, "t5", "18:30"))).details().get("uid");
        assertThat(offered(anna, child, "cancel").available()).isTrue();
        f.run(anna, child, "move", Map.of("slot", slot(ROUND, "t5", "19:20")));
        f.deliver();
        VEvent moved = event(last(anna));
        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(ZonedDateTime.from(moved.getDateTimeStart().getDate()).toLocalTime()).hasToString("19:20");
        // The old slot is free again, the new one taken.
        assertThat(choices(offered(anna, child, "move"))).contains(slot(ROUND, "t5", "18:30")).doesNotContain(slot(ROUND, "t5", "19:20"));

        f.run(anna, child, "cancel", Map.of("booking", slot(ROUND, "t5", "19:20")));
        f.deliver();
        MimeMessage cancelled = last(anna);
        assertThat(ConferenceFixture.attachments(cancelled).get(0).type()).contains("method=CANCEL");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ConferenceFixture.attachments(cancelled).get(0).text()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        // Cancelled: the child may book again.
        assertThat(offered(anna, child, "book").available()).isTrue();
    }

    private MimeMessage last(GuardianId guardian) {
        List<MimeMessage> mails = f.mailsTo(ConferenceFixture.email(guardian));
        return mails.get(mails.size() - 1);
    }

    private static VEvent event(MimeMessage mail) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ConferenceFixture.attachments(mail).get(0).text()));
        return calendar.<VEvent>getComponents("VEVENT").get(0);
    }

    @Test
    void bookingIsAuditedInTheSchoolsLog() {
        GuardianId anna = f.family("anna", GROUP7);
        f.login(anna);
        openBooking();
        f.run(anna, f.child(anna, 0), "book", Map.of("slot", slot(ROUND, "t7", "18:00")));
        List<String> actions = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(
                "select action from audit_events where action like 'action.conferences.%'").mapTo(String.class).list());
        assertThat(actions).containsExactly("action.conferences.book");
    }
}
