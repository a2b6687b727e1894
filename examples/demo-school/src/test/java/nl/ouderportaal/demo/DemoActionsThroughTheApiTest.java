package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a new user tries it through its JSON API: the demo guardian reports a child sick and hands in
 * homework (an integrator's module with an action of its own), an administrator logged in as her cannot.
 */
@DisplayName("The demo's actions through its JSON API")
class DemoActionsThroughTheApiTest {

    /** Monday 30 November 2026, 08:00 in Zeist: before the demo school's 08:30 cut-off. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = DemoClient.JSON;

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
        web.school().close();
    }

    private static DemoClient guardian() throws Exception {
        return DemoClient.guardian(web.port());
    }

    private static String childAtTheMainSchool(DemoClient client) throws Exception {
        for (JsonNode child : client.get("/api/children").get("items")) {
            if (child.get("school").get("id").asText().equals(DemoSchoolGenerator.MAIN_SCHOOL)) {
                return child.get("id").asText();
            }
        }
        throw new AssertionError("The demo guardian has no child at the main school");
    }

    private static List<DemoWeb.Mail> mailsTo(String address) {
        return web.mails().stream().filter(m -> m.to().contains(address)).toList();
    }

    @Test
    void theDemoGuardianReportsAChildSickOnceTheSchoolAndSheGetAMailAndTheAbsencesPageSaysWho() throws Exception {
        DemoClient client = guardian();
        String child = childAtTheMainSchool(client);
        int toSchool = mailsTo("verzuim@regenboog.example.org").size();

        HttpResponse<String> created = client.send("POST", "/api/children/" + child + "/absences/actions/report-sick",
                Map.of("date", "2026-12-01", "reason", "sick", "remark", "Koorts"));
        HttpResponse<String> again = client.send("POST", "/api/children/" + child + "/absences/actions/report-sick",
                Map.of("date", "2026-12-01", "reason", "sick"));
        web.school().portal().mailDispatcher().orElseThrow().drainOnce();

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").asText()).isEqualTo("conflict");
        assertThat(mailsTo("verzuim@regenboog.example.org")).hasSize(toSchool + 1);
        assertThat(mailsTo("verzuim@regenboog.example.org").get(0).text()).contains("Groep", "dinsdag 1 december 2026", "Ziek",
                "Marieke");
        assertThat(mailsTo(DemoSchool.GUARDIAN_LOGIN).get(0).subject()).startsWith("Ziekmelding van");
        assertThat(client.get("/api/children/" + child + "/absences").toString())
                .contains("Gemeld via het Ouderportaal", "Marieke", "ziekgemeld door verzorger");
    }

    @Test
    void anotherFamilysChildAnswers404AndAnAdministratorLoggedInAsTheGuardian403WithNoMail() throws Exception {
        DemoClient client = guardian();
        String own = childAtTheMainSchool(client);
        // A generated pupil of the main school: another family's child.
        String other = DemoSchoolGenerator.MAIN_SCHOOL + "-s1";
        assertThat(web.school().sis().students(List.of(nl.ouderportaal.spi.StudentId.of(other)))).hasSize(1);
        HttpResponse<String> foreign = client.send("POST", "/api/children/" + other + "/absences/actions/report-sick",
                Map.of("date", "2026-12-02", "reason", "sick"));
        assertThat(foreign.statusCode()).isEqualTo(404);

        DemoClient admin = new DemoClient(web.port());
        assertThat(admin.send("POST", "/api/admin/session", Map.of("username", DemoSchool.ADMIN_LOGIN,
                "password", DemoSchool.ADMIN_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(admin.send("POST", "/api/admin/impersonation", Map.of("guardianId", DemoSchoolGenerator.DEMO_GUARDIAN))
                .statusCode()).isEqualTo(201);
        int mails = web.mails().size();
        HttpResponse<String> refused = admin.send("POST", "/api/children/" + own + "/absences/actions/report-sick",
                Map.of("date", "2026-12-03", "reason", "sick"));
        web.school().portal().mailDispatcher().orElseThrow().drainOnce();

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("read-only");
        assertThat(web.mails()).hasSize(mails);
    }

    @Test
    void theIntegratorsHomeworkModuleHasAnActionOfItsOwnThroughTheSameRoutes() throws Exception {
        DemoClient client = guardian();
        String child = childAtTheMainSchool(client);
        JsonNode handIn = null;
        for (JsonNode action : client.get("/api/children/" + child + "/actions").get("items")) {
            if (action.get("module").asText().equals("homework")) {
                handIn = action;
            }
        }
        assertThat(handIn).as("the homework module's action is offered").isNotNull();
        List<String> open = new ArrayList<>();
        handIn.get("fields").get(0).get("choices").forEach(c -> open.add(c.get("value").asText()));
        assertThat(open).isNotEmpty();

        HttpResponse<String> done = client.send("POST", handIn.get("href").asText(), Map.of("assignment", open.get(0), "remark", "Klaar!"));
        HttpResponse<String> twice = client.send("POST", handIn.get("href").asText(), Map.of("assignment", open.get(0)));
        HttpResponse<String> unknown = client.send("POST", handIn.get("href").asText(), Map.of("assignment", "no-such-assignment"));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(client.get("/api/children/" + child + "/homework").toString()).contains("✓");
    }
}
