package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.modules.absences.AbsencesOptions;
import nl.ouderportaal.modules.absences.SickReason;
import nl.ouderportaal.web.AdminWebFixture.Client;
import nl.ouderportaal.web.AdminWebFixture.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Guardian actions through the JSON API: one set of routes for every module (R-ACT-5)")
class ActionApiTest {

    private static AdminWebFixture f;

    @BeforeAll
    static void start() {
        f = new AdminWebFixture();
        for (var module : f.portal.installedModules()) {
            f.portal.configuration().activate(AdminWebFixture.SCHOOL, module.id(), "test");
        }
        // Monday 2 March 2026, 09:00 in Amsterdam: after the cut-off, so a report is for a coming school day.
        f.portal.configuration().setOptions(AdminWebFixture.SCHOOL, AbsencesModule.ID, new AbsencesOptions(true, true, true,
                LocalTime.of(8, 30), EnumSet.allOf(SickReason.class), 7, 5, "verzuim@regenboog.example.org"), "test");
        f.activate(f.bram, "bram@example.org");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static Client login(String email) {
        Client client = f.client();
        assertThat(client.json("POST", "/api/session", Map.of("email", email, "password", AdminWebFixture.PASSWORD)).status())
                .isEqualTo(200);
        return client;
    }

    @Test
    void theChildsActionsAreListedWithTheirFormsAndTheSameRoutesRunThem() {
        Client anna = login("anna@example.org");

        JsonNode actions = anna.get("/api/children/sanne/actions").json().get("items");
        List<String> ids = new ArrayList<>();
        actions.forEach(a -> ids.add(a.get("module").asText() + "/" + a.get("id").asText()));
        assertThat(ids).contains("absences/report-sick", "absences/request-leave", "about/correct")
                .doesNotContain("absences/report-recovered");
        JsonNode sick = java.util.stream.StreamSupport.stream(actions.spliterator(), false)
                .filter(a -> a.get("id").asText().equals("report-sick")).findFirst().orElseThrow();
        assertThat(sick.get("href").asText()).isEqualTo("/api/children/sanne/absences/actions/report-sick");
        assertThat(sick.get("intro").get("nl").asText()).contains("08:30");
        assertThat(sick.get("fields").get(0).get("min").asText()).isEqualTo("2026-03-03");

        Response created = anna.json("POST", "/api/children/sanne/absences/actions/report-sick",
                Map.of("date", "2026-03-03", "reason", "sick", "remark", "Koorts"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("message").get("nl").asText()).contains("Sanne", "dinsdag 3 maart 2026");
        Response again = anna.json("POST", "/api/children/sanne/absences/actions/report-sick",
                Map.of("date", "2026-03-03", "reason", "sick"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("conflict");
        assertThat(again.json().get("message").asText()).contains("Anna Jansen");
        JsonNode page = anna.get("/api/children/sanne/absences").json();
        assertThat(page.toString()).contains("Gemeld via het Ouderportaal", "Anna Jansen");
        f.deliver();
        assertThat(f.mailsTo("verzuim@regenboog.example.org")).hasSize(1);
        assertThat(f.mailsTo("anna@example.org").stream().map(WebFixture::plainText).toList())
                .anySatisfy(text -> assertThat(text).contains("ziekmelding van Sanne Jansen ontvangen"));
    }

    @Test
    void anotherFamilysChildAnswersAsAnUnknownOneAndBadInputIsTiedToItsField() {
        Client anna = login("anna@example.org");

        Response other = anna.json("POST", "/api/children/tim/absences/actions/report-sick", Map.of("date", "2026-03-04", "reason", "sick"));
        Response unknown = anna.json("POST", "/api/children/nobody/absences/actions/report-sick", Map.of("date", "2026-03-04", "reason", "sick"));
        Response unknownAction = anna.json("POST", "/api/children/sanne/absences/actions/teleport", Map.of());
        Response bad = anna.json("POST", "/api/children/sanne/absences/actions/report-sick", Map.of("date", "morgen", "reason", "sick"));
        Response noReason = anna.json("POST", "/api/children/sanne/absences/actions/request-leave",
                Map.of("from", "2026-04-01", "until", "2026-04-02", "category", "family"));

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(unknown.body());
        assertThat(unknownAction.status()).isEqualTo(404);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("fields").get("date").asText()).contains("2026-12-03");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("fields").has("explanation")).isTrue();
        assertThat(f.host.sickReports).noneMatch(r -> r.student().value().equals("tim"));
    }

    @Test
    void anImpersonationIsRefusedWithTheSeedsMessageAndNothingIsSent() {
        Client admin = f.staff("beheerder");
        assertThat(admin.json("POST", "/api/admin/impersonation", Map.of("guardianId", "anna")).status()).isEqualTo(201);
        int reports = f.host.sickReports.size();
        int mails = f.portal.outbox().pending();

        assertThat(admin.get("/api/children/sanne/actions").status()).isEqualTo(200);
        Response write = admin.json("POST", "/api/children/sanne/absences/actions/report-sick",
                Map.of("date", "2026-03-05", "reason", "sick"));

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("error").asText()).isEqualTo("read-only");
        assertThat(write.json().get("message").asText()).isEqualTo(
                "Let op: aangezien je bent ingelogd als applicatiebeheerder zullen je wijzigingen niet worden opgeslagen of verzonden.");
        assertThat(f.host.sickReports).hasSize(reports);
        assertThat(f.portal.outbox().pending()).isEqualTo(mails);
    }

    @Test
    void theGuardiansOwnActionsAndCorrectionsOfTheChildAreActionsToo() {
        Client anna = login("anna@example.org");
        f.portal.configuration().updateSettings(AdminWebFixture.SCHOOL, new nl.ouderportaal.core.settings.SchoolSettingsUpdate(
                "administratie@regenboog.example.org", null, false), "test");

        JsonNode own = anna.get("/api/me/actions").json().get("items");
        Response corrected = anna.json("POST", "/api/children/sanne/about/actions/correct",
                Map.of("changes", Map.of("birthPlace", "Zeist")));
        Response alias = anna.json("POST", "/api/children/sanne/change-requests", Map.of("changes", Map.of("birthPlace", "Doorn")));

        assertThat(own.get(0).get("module").asText()).isEqualTo("profile");
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.json().get("id").asLong()).isPositive();
        assertThat(alias.status()).isEqualTo(201);
        assertThat(alias.json().has("id")).isTrue();
    }

    @Test
    void theDocumentDescribesEveryInstalledActionsInput() {
        JsonNode doc = f.client().get("/api/openapi.json").json();

        JsonNode input = doc.get("components").get("schemas").get("AbsencesReportSickInput");
        assertThat(input.get("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("date", "reason");
        assertThat(input.get("properties").get("date").get("format").asText()).isEqualTo("date");
        assertThat(input.get("properties").get("remark").get("maxLength").asInt()).isEqualTo(500);
        assertThat(doc.get("paths").has("/api/children/{childId}/absences/actions/report-sick")).isTrue();
        assertThat(doc.get("paths").has("/api/children/{childId}/notes/actions/reply")).isTrue();
        assertThat(doc.get("paths").has("/api/me/profile/actions/correct")).isTrue();
    }
}
