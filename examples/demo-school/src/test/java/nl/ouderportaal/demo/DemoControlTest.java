package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.ouderportaal.spi.StudentId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo control (issue 19, item 27): a tester moves the demo's clock, locks a report and adds a note or an
 * absence in the demo SIS, and the guardian's portal follows at once; bad input is refused and changes nothing.
 */
@DisplayName("The demo control: the demo as a test host")
class DemoControlTest {

    /** Monday 30 November 2026, 08:00 in Zeist: half an hour before the demo school's 08:30 cut-off. */
    private static final DemoClock CLOCK = new DemoClock(Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC));
    private static final String SANNE = DemoSchoolGenerator.SANNE;

    @TempDir
    static Path dataDirectory;
    private static DemoWeb web;

    @BeforeAll
    static void start() {
        web = DemoWeb.start(DemoSchool.open(dataDirectory, CLOCK), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    private static DemoClient tester() {
        return new DemoClient(web.port());
    }

    private static JsonNode state() throws Exception {
        return tester().get("/demo/control.json");
    }

    @Test
    void movingTheClockPastTheCutOffTakesAwayTodaysSickReportAndResettingGivesItBack() throws Exception {
        Map<String, String> today = Map.of("date", "2026-11-30", "reason", "sick");

        HttpResponse<String> moved = tester().send("POST", "/demo/control/clock", Map.of("hours", 1, "minutes", 15));
        // After the move: moving the clock ahead past the idle timeout ends a session, as real time would.
        DemoClient guardian = DemoClient.guardian(web.port());
        HttpResponse<String> late = guardian.send("POST", "/api/children/" + SANNE + "/absences/actions/report-sick", today);
        JsonNode afterCutOff = state();
        tester().send("POST", "/demo/control/clock/reset", Map.of());
        HttpResponse<String> inTime = guardian.send("POST", "/api/children/" + SANNE + "/absences/actions/report-sick", today);

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(afterCutOff.get("offset").asText()).isEqualTo("PT1H15M");
        assertThat(afterCutOff.get("now").asText()).startsWith("2026-11-30T09:15+01:00");
        assertThat(late.statusCode()).as(late.body()).isBetween(400, 499);
        assertThat(late.body()).contains("08:30");
        assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(201);
        assertThat(CLOCK.offset()).isZero();
    }

    @Test
    void theClockMovesDaysAheadAndTheGuardiansTodayFollows() throws Exception {
        tester().send("POST", "/demo/control/clock", Map.of("days", 3));

        assertThat(state().get("today").asText()).isEqualTo("2026-12-03");
        assertThat(web.school().portal().clock().instant()).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
    }

    @Test
    void lockingAndUnlockingAReportShowsAndHidesItForTheGuardian() throws Exception {
        DemoClient guardian = DemoClient.guardian(web.port());
        DemoSis.ReportState report = web.school().sis().reportStates(StudentId.of(SANNE)).stream()
                .filter(r -> r.locked() && r.date().getYear() == 2026 && r.date().getMonthValue() <= 7).findFirst().orElseThrow();
        String reports = "/api/children/" + SANNE + "/reports?schoolYear=2025-2026";
        String anchor = '"' + report.id() + '"';
        assertThat(guardian.get(reports).toString()).contains(anchor);

        HttpResponse<String> unlocked = tester().send("POST", "/demo/control/reports/" + report.id() + "/lock",
                Map.of("locked", false));
        String hidden = guardian.get(reports).toString();
        HttpResponse<String> locked = tester().send("POST", "/demo/control/reports/" + report.id() + "/lock",
                Map.of("locked", true));

        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        assertThat(hidden).doesNotContain(anchor);
        assertThat(locked.statusCode()).isEqualTo(200);
        assertThat(guardian.get(reports).toString()).contains(anchor);
        assertThat(state().toString()).contains(report.id());
    }

    @Test
    void anAddedNoteAndAnAddedAbsenceShowOnTheGuardiansPages() throws Exception {
        DemoClient guardian = DemoClient.guardian(web.port());

        HttpResponse<String> note = tester().send("POST", "/demo/control/notes", Map.of("student", SANNE,
                "date", "2026-11-27", "subject", "Schoolreisje", "text", "Sanne mag haar knuffel meenemen."));
        HttpResponse<String> absence = tester().send("POST", "/demo/control/absences", Map.of("student", SANNE,
                "from", "2026-11-25", "until", "2026-11-26", "reason", "Tandarts"));

        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        assertThat(absence.statusCode()).as(absence.body()).isEqualTo(200);
        assertThat(guardian.get("/api/children/" + SANNE + "/notes").toString()).contains("Schoolreisje",
                "Sanne mag haar knuffel meenemen.");
        assertThat(guardian.get("/api/children/" + SANNE + "/absences").toString()).contains("Tandarts");
    }

    @Test
    void aFormIsSentBackToThePageWhichShowsTheMovedClock() throws Exception {
        DemoClient tester = tester();
        String csrf = tester.get("/api/csrf").get("token").asText();

        HttpResponse<String> moved = tester.send("POST", "/demo/control/clock", "application/x-www-form-urlencoded",
                "_csrf=" + csrf + "&days=-2");
        HttpResponse<String> page = tester.send("GET", "/demo/control", null);

        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(moved.headers().firstValue("Location")).hasValue("/demo/control?done=clock");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("zaterdag 28 november 2026, 08:00:00", "PT-48H", "Sanne", "s-sanne");
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
        JsonNode before = state();
        int notes = guardianNotes();

        HttpResponse<String> tooFar = tester().send("POST", "/demo/control/clock", Map.of("days", 399, "hours", 48));
        HttpResponse<String> notANumber = tester().send("POST", "/demo/control/clock", Map.of("days", "morgen"));
        HttpResponse<String> nothing = tester().send("POST", "/demo/control/clock", Map.of());
        HttpResponse<String> backwards = tester().send("POST", "/demo/control/absences", Map.of("student", SANNE,
                "from", "2026-11-26", "until", "2026-11-25", "reason", "Ziek"));
        HttpResponse<String> noPupil = tester().send("POST", "/demo/control/notes", Map.of("student", "s-nobody",
                "subject", "x", "text", "y"));
        HttpResponse<String> noSubject = tester().send("POST", "/demo/control/notes", Map.of("student", SANNE, "text", "y"));
        HttpResponse<String> badDate = tester().send("POST", "/demo/control/notes", Map.of("student", SANNE,
                "date", "30-11-2026", "subject", "x", "text", "y"));
        HttpResponse<String> noReport = tester().send("POST", "/demo/control/reports/no-such-report/lock", Map.of("locked", true));
        HttpResponse<String> notABoolean = tester().send("POST", "/demo/control/reports/x/lock", Map.of("locked", "ja"));
        HttpResponse<String> noCsrf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + web.port() + "/demo/control/clock"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"days\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(tooFar.statusCode()).isEqualTo(400);
        assertThat(tooFar.body()).contains("400 dagen", "400 days");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("geen geheel getal", "not a whole number");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("einddatum", "end date");
        assertThat(noPupil.statusCode()).isEqualTo(404);
        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(noSubject.body()).contains("subject");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(noReport.statusCode()).isEqualTo(404);
        assertThat(notABoolean.statusCode()).isEqualTo(400);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(state()).isEqualTo(before);
        assertThat(CLOCK.offset()).isZero();
        assertThat(guardianNotes()).isEqualTo(notes);
    }

    private static int guardianNotes() throws Exception {
        return DemoClient.guardian(web.port()).get("/api/children/" + SANNE + "/notes").toString().length();
    }

    @Test
    void theControlAnswersOnlyRequestsFromThisMachine() {
        assertThat(DemoControl.isLoopback("127.0.0.1")).isTrue();
        assertThat(DemoControl.isLoopback("127.0.0.2")).isTrue();
        assertThat(DemoControl.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(DemoControl.isLoopback("::1")).isTrue();
        assertThat(DemoControl.isLoopback("192.168.1.20")).isFalse();
        assertThat(DemoControl.isLoopback("10.0.0.1")).isFalse();
        assertThat(DemoControl.isLoopback("")).isFalse();
        assertThat(DemoControl.isLoopback(null)).isFalse();
    }

    @Test
    void theClockCannotBeMovedBeyondItsLimitAndStaysWhereItWas() {
        DemoClock clock = new DemoClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        clock.move(Duration.ofDays(400));

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> clock.move(Duration.ofMinutes(1)));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(400));
        assertThat(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")).instant()).isEqualTo(Instant.parse("2027-02-05T00:00:00Z"));
    }
}
