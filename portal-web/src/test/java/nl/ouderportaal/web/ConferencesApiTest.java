package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupTeacher;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.web.AdminWebFixture.Client;
import nl.ouderportaal.web.AdminWebFixture.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Parents' evenings through the JSON API (R-CONF, R-ACT-5)")
class ConferencesApiTest {

    private static final String SLOT = "gesprekken-maart|t5|2026-03-10T18:30";
    private AdminWebFixture f;

    @BeforeEach
    void setUp() {
        f = new AdminWebFixture();
        SchoolYear year = SchoolYear.containing(LocalDate.of(2026, 3, 2));
        Group g5 = new Group(GroupId.of("g5"), AdminWebFixture.SCHOOL, year, "Groep 5", 5, "Lokaal 5",
                List.of(new GroupTeacher(StaffId.of("t5"), new PersonName(null, "Ineke", "de", "Boer"))));
        f.host.placeInGroup(f.sanne, year, g5);
        f.guardian("eva", "Eva", "eva@example.org", "noor", AdminWebFixture.SCHOOL);
        f.host.placeInGroup(StudentId.of("noor"), year, g5);
        f.activate(nl.ouderportaal.spi.GuardianId.of("eva"), "eva@example.org");
        f.portal.configuration().activate(AdminWebFixture.SCHOOL, "conferences", "test");
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("name", "Gesprekken maart");
        round.put("groups", "Groep 5");
        round.put("dates", "2026-03-10");
        round.put("from", "18:00");
        round.put("until", "20:00");
        round.put("slotMinutes", 10);
        round.put("opensOn", "2026-03-01");
        round.put("opensAt", "08:00");
        round.put("closesOn", "2026-03-09");
        round.put("closesAt", "23:00");
        Response created = f.staff("beheerder").json("POST", "/api/admin/modules/conferences/actions/create-round", round);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Client guardian(String email) {
        Client client = f.client();
        assertThat(client.browser.login(email, AdminWebFixture.PASSWORD).statusCode()).isEqualTo(200);
        return client;
    }

    @Test
    void aGuardianBooksAFreeSlotGetsAnIcsAnotherFamilyGets409AndCancellingSendsACancel() throws Exception {
        Client anna = guardian("anna@example.org");
        JsonNode actions = anna.get("/api/children/sanne/actions").json();
        JsonNode book = null;
        for (JsonNode action : actions.get("items")) {
            if (action.get("module").asText().equals("conferences") && action.get("id").asText().equals("book")) {
                book = action;
            }
        }
        assertThat(book).as(actions.toString()).isNotNull();
        assertThat(book.get("available").asBoolean()).isTrue();
        assertThat(book.toString()).contains(SLOT);

        Response booked = anna.json("POST", "/api/children/sanne/conferences/actions/book", Map.of("slot", SLOT));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        f.deliver();
        MimeMessage confirmation = last("anna@example.org");
        String ics = calendarText(confirmation);
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertThat(ZonedDateTime.from(event.getDateTimeStart().getDate()).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 3, 10, 18, 30, 0, 0, ZoneId.of("Europe/Amsterdam")).toInstant());
        String uid = event.getProperty(Property.UID).orElseThrow().getValue();

        Client eva = guardian("eva@example.org");
        Response taken = eva.json("POST", "/api/children/noor/conferences/actions/book", Map.of("slot", SLOT));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().get("error").asText()).isEqualTo("conflict");
        assertThat(taken.json().get("nearestFreeSlots").get(0).get("slot").asText()).isIn(
                "gesprekken-maart|t5|2026-03-10T18:20", "gesprekken-maart|t5|2026-03-10T18:40");

        Response cancelled = anna.json("POST", "/api/children/sanne/conferences/actions/cancel", Map.of("booking", SLOT));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        f.deliver();
        Calendar cancel = new CalendarBuilder().build(new StringReader(calendarText(last("anna@example.org"))));
        assertThat(cancel.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(cancel.<VEvent>getComponents("VEVENT").get(0).getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
    }

    @Test
    void anImpersonationGets403ReadOnlyAndBooksNothing() {
        Client admin = f.staff("beheerder");
        assertThat(admin.json("POST", "/api/admin/impersonation", Map.of("guardianId", "anna")).status()).isEqualTo(201);

        Response write = admin.json("POST", "/api/children/sanne/conferences/actions/book", Map.of("slot", SLOT));

        assertThat(write.status()).as(write.body()).isEqualTo(403);
        assertThat(write.json().get("error").asText()).isEqualTo("read-only");
        assertThat(f.portal.staffActions().view(AdminWebFixture.STAFF.get("beheerder"), AdminWebFixture.SCHOOL, "conferences",
                "schedule", Map.of()).orElseThrow().rows()).noneMatch(row -> row.contains("Sanne Jansen"));
    }

    @Test
    void theTeachersScheduleDownloadsAsPdfAndXlsx() {
        Client admin = f.staff("beheerder");
        Response pdf = admin.get("/api/admin/modules/conferences/views/schedule.pdf?teacher=t5");
        Response xlsx = admin.get("/api/admin/modules/conferences/views/schedule.xlsx");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.bytes()[0]).isEqualTo((byte) 'P');
    }

    private MimeMessage last(String address) {
        List<MimeMessage> mails = f.mailsTo(address);
        return mails.get(mails.size() - 1);
    }

    private static String calendarText(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".ics")) {
                return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no .ics attachment");
    }
}
