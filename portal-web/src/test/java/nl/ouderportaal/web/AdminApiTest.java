package nl.ouderportaal.web;

import static nl.ouderportaal.web.AdminWebFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.spi.StaffActor;
import javax.imageio.ImageIO;
import nl.ouderportaal.web.AdminWebFixture.Client;
import nl.ouderportaal.web.AdminWebFixture.Response;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The administration JSON API")
class AdminApiTest {

    private final AdminWebFixture f = new AdminWebFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Map<String, Object> news(String subject, String from, String until) {
        return Map.of("subject", subject, "date", "2026-03-02", "publishFrom", from, "publishUntil", until,
                "groups", List.of("g5"), "text", "<p>Beste ouders, <b>morgen</b> vrij.</p><script>alert(1)</script>");
    }

    @Test
    void everyAdminEndpointAnswers401WithoutAStaffSession() {
        Client anonymous = f.client();
        for (String path : List.of("/api/admin/session", "/api/admin/settings", "/api/admin/modules", "/api/admin/news",
                "/api/admin/guardians", "/api/admin/guardians.xlsx", "/api/admin/audit", "/api/admin/groups")) {
            Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().get("error").asText()).isEqualTo("not-logged-in");
        }
        assertThat(anonymous.json("PUT", "/api/admin/settings", Map.of("changeRequestEmail", "x@example.org")).status())
                .isEqualTo(401);
        assertThat(anonymous.json("POST", "/api/admin/invitations", Map.of("guardianIds", List.of("bram"))).status())
                .isEqualTo(401);
    }

    @Test
    void guessingAStaffPasswordMakesTheUsernameWaitAndTheRightPasswordIsRefusedAlikeMeanwhile() {
        Client guesser = f.client();
        for (int i = 0; i < nl.ouderportaal.core.account.AccountSettings.FAILURES_BEFORE_WAIT; i++) {
            guesser.json("POST", "/api/admin/session", Map.of("username", "beheerder", "password", "gok " + i));
        }

        Response waiting = f.client().json("POST", "/api/admin/session",
                Map.of("username", "beheerder", "password", "beheerder-wachtwoord"));
        Response wrong = f.client().json("POST", "/api/admin/session", Map.of("username", "beheerder", "password", "fout"));

        assertThat(waiting.status()).isEqualTo(401);
        assertThat(waiting.json().toString()).isEqualTo(wrong.json().toString());
        f.clock.advance(java.time.Duration.ofMinutes(20));
        assertThat(f.staff("beheerder").get("/api/admin/session").status()).isEqualTo(200);
    }

    @Test
    void staffLogInThroughTheHostsAuthenticatorAndLogOutServerSide() {
        Client client = f.client();
        Response refused = client.json("POST", "/api/admin/session", Map.of("username", "beheerder", "password", "fout"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("login-refused");

        Client admin = f.staff("beheerder");
        JsonNode me = admin.get("/api/admin/session").json();
        assertThat(me.get("name").asText()).isEqualTo("Juf Ineke");
        assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
        String token = admin.cookie(AdminAccess.STAFF_COOKIE);

        assertThat(admin.json("DELETE", "/api/admin/session", null).status()).isEqualTo(204);
        assertThat(admin.get("/api/admin/settings").status()).isEqualTo(401);
        assertThat(f.portal.staffSessions().find(token)).isEmpty();
    }

    @Test
    void settingsAreReadAndChangedByAnAdministrator() {
        Client admin = f.staff("beheerder");

        Response changed = admin.json("PUT", "/api/admin/settings", Map.of("changeRequestEmail", "wijzigingen@regenboog.nl",
                "websiteUrl", "https://regenboog.nl", "maintenanceMode", true));

        assertThat(changed.status()).isEqualTo(200);
        JsonNode settings = admin.get("/api/admin/settings").json();
        assertThat(settings.get("changeRequestEmail").asText()).isEqualTo("wijzigingen@regenboog.nl");
        assertThat(settings.get("websiteUrl").asText()).isEqualTo("https://regenboog.nl");
        assertThat(settings.get("maintenanceMode").asBoolean()).isTrue();
        assertThat(f.auditActions()).contains("settings.changed");
    }

    @Test
    void invalidSettingsAre400WithTheFieldsAndNothingChanges() {
        Client admin = f.staff("beheerder");

        Response refused = admin.json("PUT", "/api/admin/settings", Map.of("changeRequestEmail", "geen adres",
                "websiteUrl", "javascript:alert(1)", "maintenanceMode", true));
        Response wrongShape = admin.json("PUT", "/api/admin/settings", Map.of("maintenanceMode", "misschien"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("validation");
        assertThat(refused.json().get("fields").has("changeRequestEmail")).isTrue();
        assertThat(refused.json().get("fields").has("websiteUrl")).isTrue();
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.json().get("fields").has("maintenanceMode")).isTrue();
        assertThat(f.portal.configuration().settings(SCHOOL).maintenanceMode()).isFalse();
    }

    @Test
    void writesWithoutTheCsrfTokenAre403AndChangeNothing() {
        Client admin = f.staff("beheerder");
        admin.sendCsrf = false;

        Response refused = admin.json("PUT", "/api/admin/settings", Map.of("changeRequestEmail", "x@regenboog.nl",
                "maintenanceMode", true));
        Response noInvite = admin.json("POST", "/api/admin/invitations", Map.of("guardianIds", List.of("bram")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("csrf");
        assertThat(noInvite.status()).isEqualTo(403);
        assertThat(f.portal.configuration().settings(SCHOOL).maintenanceMode()).isFalse();
        assertThat(f.portal.outbox().pending()).isZero();
    }

    @Test
    void staffWithoutAdminAre403ForSettingsModulesNewsImpersonationAndAuditButMayUseTheOverview() {
        Client inviter = f.staff("uitnodiger");

        for (String path : List.of("/api/admin/settings", "/api/admin/modules", "/api/admin/news", "/api/admin/audit")) {
            Response response = inviter.get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.json().get("error").asText()).isEqualTo("forbidden");
        }
        assertThat(inviter.json("POST", "/api/admin/news", news("Vrij", "2026-03-01", "2026-03-10")).status()).isEqualTo(403);
        assertThat(inviter.json("POST", "/api/admin/impersonation", Map.of("guardianId", "anna")).status()).isEqualTo(403);
        assertThat(inviter.get("/api/admin/guardians").status()).isEqualTo(200);
        assertThat(inviter.json("POST", "/api/admin/invitations/preview", Map.of("guardianIds", List.of("bram"))).status())
                .isEqualTo(200);

        Client teacher = f.staff("leerkracht");
        assertThat(teacher.get("/api/admin/guardians").status()).isEqualTo(403);
        assertThat(teacher.json("POST", "/api/admin/guardians/anna/deactivate", null).status()).isEqualTo(403);
        assertThat(f.portal.accounts().status(f.anna).name()).isEqualTo("ACTIVE");
    }

    @Test
    void aStaffUserOfSeveralSchoolsNamesTheSchool() {
        Client board = f.staff("bestuur");

        Response ambiguous = board.get("/api/admin/settings");
        Response chosen = board.get("/api/admin/settings?school=klimop");

        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("fields").get("school").asText()).contains("klimop", "regenboog");
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.json().get("school").asText()).isEqualTo("klimop");
        assertThat(f.staff("beheerder").get("/api/admin/settings?school=klimop").status()).isEqualTo(403);
    }

    @Test
    void theDashboardImageAcceptsAPictureAndRefusesWhatIsNoImage() throws Exception {
        Client admin = f.staff("beheerder");
        byte[] defaultImage = admin.get("/api/admin/settings/image").bytes();

        Response notAnImage = admin.bytes("PUT", "/api/admin/settings/image", "image/png", "<html>geen plaatje</html>".getBytes());
        assertThat(notAnImage.status()).isEqualTo(400);
        assertThat(notAnImage.json().get("fields").size()).isPositive();
        assertThat(admin.get("/api/admin/settings/image").bytes()).isEqualTo(defaultImage);

        Response stored = admin.bytes("PUT", "/api/admin/settings/image", "image/png", png(300, 200));
        assertThat(stored.status()).isEqualTo(204);
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(admin.get("/api/admin/settings/image").bytes()));
        assertThat(shown.getWidth()).isEqualTo(shown.getHeight());

        assertThat(admin.json("DELETE", "/api/admin/settings/image", null).status()).isEqualTo(204);
        assertThat(admin.get("/api/admin/settings/image").bytes()).isEqualTo(defaultImage);
    }

    @Test
    void modulesAreListedWithTheirIdsAndChangedWithOptions() {
        Client admin = f.staff("beheerder");
        JsonNode modules = admin.get("/api/admin/modules").json().get("items");
        List<String> ids = new ArrayList<>();
        modules.forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).contains("absences", "notes", "staff", "plans", "national-tests");

        Response changed = admin.json("PUT", "/api/admin/modules/staff", Map.of("active", true, "dashboard", false,
                "options", Map.of("showEmail", true)));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("active").asBoolean()).isTrue();
        assertThat(changed.json().get("options").get("showEmail").asBoolean()).isTrue();
        assertThat(changed.json().get("options").get("showPhone").asBoolean()).isFalse();
        Response onDashboard = admin.json("PUT", "/api/admin/modules/absences", Map.of("active", true, "dashboard", true));
        assertThat(onDashboard.json().get("dashboard").asBoolean()).isTrue();
        assertThat(admin.json("PUT", "/api/admin/modules/bestaat-niet", Map.of("active", true)).status()).isEqualTo(404);
    }

    @Test
    void invalidModuleChangesAre400WithTheFieldAndChangeNothing() {
        Client admin = f.staff("beheerder");

        Response dashboardWhileInactive = admin.json("PUT", "/api/admin/modules/absences",
                Map.of("active", false, "dashboard", true));
        Response blankLabel = admin.json("PUT", "/api/admin/modules/plans",
                Map.of("active", true, "options", Map.of("problemStatementLabel", " ")));
        Response unknownPresentation = admin.json("PUT", "/api/admin/modules/national-tests",
                Map.of("active", true, "options", Map.of("fallback", "CIJFER")));

        assertThat(dashboardWhileInactive.status()).isEqualTo(400);
        assertThat(dashboardWhileInactive.json().get("fields").has("dashboard")).isTrue();
        assertThat(blankLabel.status()).isEqualTo(400);
        assertThat(blankLabel.json().get("fields").has("options.problemStatementLabel")).isTrue();
        assertThat(unknownPresentation.status()).isEqualTo(400);
        assertThat(unknownPresentation.json().get("fields").has("options.fallback")).isTrue();
        JsonNode modules = admin.get("/api/admin/modules").json().get("items");
        modules.forEach(m -> assertThat(m.get("active").asBoolean()).as(m.get("id").asText()).isFalse());
    }

    @Test
    void newsIsCreatedListedFilteredChangedAndDeletedWithTheTextSanitised() {
        Client admin = f.staff("beheerder");

        Response created = admin.json("POST", "/api/admin/news", news("Studiedag", "2026-03-01", "2026-03-10"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("text").asText()).contains("<b>morgen</b>").doesNotContain("script");
        assertThat(created.json().get("groups").toString()).isEqualTo("[\"g5\"]");
        admin.json("POST", "/api/admin/news", news("Schoolreis", "2026-03-01", "2026-03-10"));

        assertThat(admin.get("/api/admin/news?subject=studie").json().get("items")).singleElement()
                .satisfies(n -> assertThat(n.get("id").asLong()).isEqualTo(id));
        assertThat(admin.get("/api/admin/news?group=g7").json().get("items")).isEmpty();

        Response updated = admin.json("PUT", "/api/admin/news/" + id, news("Studiedag (gewijzigd)", "2026-03-01", "2026-03-10"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/news/" + id).json().get("subject").asText()).isEqualTo("Studiedag (gewijzigd)");

        assertThat(admin.json("DELETE", "/api/admin/news/" + id, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/admin/news/" + id).status()).isEqualTo(404);
        assertThat(admin.json("PUT", "/api/admin/news/" + id, news("Weg", "2026-03-01", "2026-03-10")).status()).isEqualTo(404);
    }

    @Test
    void invalidNewsIs400WithTheFieldsAndStoresNothing() {
        Client admin = f.staff("beheerder");

        Response backwards = admin.json("POST", "/api/admin/news", news("Studiedag", "2026-03-10", "2026-03-01"));
        Response empty = admin.json("POST", "/api/admin/news", Map.of("date", "2 maart", "groups", List.of()));

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("fields").size()).isEqualTo(1);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("fields").has("date")).isTrue();
        Response missing = admin.json("POST", "/api/admin/news", Map.of("groups", List.of()));
        assertThat(missing.json().get("fields").has("subject")).isTrue();
        assertThat(missing.json().get("fields").has("text")).isTrue();
        assertThat(admin.get("/api/admin/news").json().get("items")).isEmpty();
    }

    @Test
    void aNewsDateWhoseYearIsNotFourDigitsIsRefusedAsTheApiCouldNotGiveItBack() {
        Client admin = f.staff("beheerder");
        Map<String, Object> yearMinusOne = new java.util.HashMap<>(news("Studiedag", "2026-03-01", "2026-03-10"));
        yearMinusOne.put("date", "-0001-01-01");
        Map<String, Object> farFuture = new java.util.HashMap<>(news("Studiedag", "2026-03-01", "2026-03-10"));
        farFuture.put("publishUntil", "+10000-01-01");

        Response before = admin.json("POST", "/api/admin/news", yearMinusOne);
        Response after = admin.json("POST", "/api/admin/news", farFuture);

        assertThat(before.status()).isEqualTo(400);
        assertThat(before.json().get("fields").has("date")).isTrue();
        assertThat(after.status()).isEqualTo(400);
        assertThat(after.json().get("fields").has("publishUntil")).isTrue();
        assertThat(admin.get("/api/admin/news").json().get("items")).isEmpty();
    }

    @Test
    void theGuardianOverviewListsIdsAndEmailsAndFilters() {
        Client admin = f.staff("beheerder");

        JsonNode all = admin.get("/api/admin/guardians").json();
        JsonNode groupFive = admin.get("/api/admin/guardians?group=g5").json().get("items");
        JsonNode active = admin.get("/api/admin/guardians?accountActive=true").json().get("items");

        assertThat(all.get("items")).extracting(n -> n.get("id").asText()).containsExactly("anna", "bram", "carla");
        assertThat(all.get("items").get(0).get("email").asText()).isEqualTo("anna@example.org");
        assertThat(all.get("items").get(0).get("children").get(0).get("id").asText()).isEqualTo("sanne");
        assertThat(all.get("viewingRightsEditable").asBoolean()).isTrue();
        assertThat(groupFive).extracting(n -> n.get("id").asText()).containsExactly("anna");
        assertThat(active).extracting(n -> n.get("id").asText()).containsExactly("anna");
        assertThat(admin.get("/api/admin/guardians?status=VERZONNEN").status()).isEqualTo(400);
    }

    @Test
    void theBulkInvitationSendsMailOnlyAfterTheConfirmationStep() {
        Client inviter = f.staff("uitnodiger");
        int before = f.mailsTo("bram@example.org").size();

        JsonNode preview = inviter.json("POST", "/api/admin/invitations/preview",
                Map.of("guardianIds", List.of("bram", "carla"))).json();
        f.deliver();
        assertThat(preview.get("recipients")).extracting(n -> n.get("id").asText()).containsExactly("bram");
        assertThat(preview.get("skipped")).singleElement().satisfies(s -> {
            assertThat(s.get("id").asText()).isEqualTo("carla");
            assertThat(s.get("reason").asText()).isEqualTo("NO_EMAIL");
        });
        assertThat(f.mailsTo("bram@example.org")).hasSize(before);

        JsonNode sent = inviter.json("POST", "/api/admin/invitations", Map.of("guardianIds", List.of("bram", "carla"))).json();
        f.deliver();

        assertThat(sent.get("recipients")).hasSize(1);
        assertThat(f.mailsTo("bram@example.org")).hasSize(before + 1);
        assertThat(inviter.json("POST", "/api/admin/invitations", Map.of("guardianIds", List.of())).status()).isEqualTo(400);
    }

    @Test
    void anAccountEmailIsCorrectedAndTheGuardianLogsInWithTheNewAddress() {
        Client inviter = f.staff("uitnodiger");

        Response changed = inviter.json("PUT", "/api/admin/guardians/anna/email", Map.of("email", "anna@nieuw.example.org"));
        f.deliver();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("changed").asBoolean()).isTrue();
        assertThat(f.mailsTo("anna@example.org")).last().satisfies(m -> assertThat(m.getSubject())
                .isEqualTo("Er is gevraagd uw e-mailadres voor het Ouderportaal te wijzigen"));
        assertThat(f.mailsTo("anna@nieuw.example.org")).hasSize(1);
        // Anna has a password: the change takes effect when the new address confirms it (issue 19).
        f.portal.accountEmails().confirm(WebFixture.lastToken(f.smtp, "anna@nieuw.example.org"));
        f.deliver();
        assertThat(f.mailsTo("anna@example.org")).last().satisfies(m -> assertThat(m.getSubject())
                .isEqualTo("Het e-mailadres van uw Ouderportaal-account is gewijzigd"));
        Client anna = f.client();
        assertThat(anna.json("POST", "/api/session", Map.of("email", "anna@nieuw.example.org",
                "password", AdminWebFixture.PASSWORD)).status()).isEqualTo(200);
        assertThat(inviter.json("PUT", "/api/admin/guardians/anna/email", Map.of("email", "anna@nieuw.example.org"))
                .json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void severalEmailsAreCorrectedAllOrNothingWithTheRefusalsPerGuardian() {
        Client admin = f.staff("beheerder");

        Response refused = admin.json("PUT", "/api/admin/guardians/emails",
                Map.of("emails", Map.of("bram", "bram@nieuw.example.org", "carla", "ANNA@example.org")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("fields").fieldNames()).toIterable().containsExactly("emails.carla");
        assertThat(admin.get("/api/admin/guardians").json().get("items").get(1).get("email").asText())
                .isEqualTo("bram@example.org");
        assertThat(admin.json("PUT", "/api/admin/guardians/emails",
                Map.of("emails", Map.of("dirk", "dirk@nieuw.example.org"))).status()).as("dirk's child is at another school")
                .isEqualTo(400);
        assertThat(admin.json("PUT", "/api/admin/guardians/emails", Map.of("emails", Map.of("bram", 5))).status())
                .isEqualTo(400);

        Response saved = admin.json("PUT", "/api/admin/guardians/emails",
                Map.of("emails", Map.of("bram", "bram@nieuw.example.org", "carla", "carla@example.org")));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("changed").asInt()).isEqualTo(2);
        JsonNode preview = admin.json("POST", "/api/admin/invitations/preview",
                Map.of("guardianIds", List.of("bram", "carla"))).json();
        assertThat(preview.get("recipients")).extracting(n -> n.get("email").asText())
                .containsExactly("bram@nieuw.example.org", "carla@example.org");
        assertThat(f.staff("leerkracht").json("PUT", "/api/admin/guardians/bram/email",
                Map.of("email", "x@example.org")).status()).isEqualTo(403);
    }

    @Test
    void deactivatingAGuardianEndsTheirSessionAtOnce() {
        Client anna = f.client();
        anna.json("POST", "/api/session", Map.of("email", "anna@example.org", "password", AdminWebFixture.PASSWORD));
        assertThat(anna.get("/api/me").status()).isEqualTo(200);

        Response deactivated = f.staff("uitnodiger").json("POST", "/api/admin/guardians/anna/deactivate", null);

        assertThat(deactivated.status()).isEqualTo(204);
        assertThat(anna.get("/api/me").status()).isEqualTo(401);
        assertThat(f.portal.accounts().status(f.anna).name()).isEqualTo("INACTIVE");
    }

    @Test
    void turningAViewingRightOffHidesTheChildFromTheGuardianAtOnce() {
        Client anna = f.client();
        anna.json("POST", "/api/session", Map.of("email", "anna@example.org", "password", AdminWebFixture.PASSWORD));
        assertThat(anna.get("/api/children").json().get("items")).hasSize(1);
        Client admin = f.staff("beheerder");

        assertThat(admin.json("PUT", "/api/admin/guardians/anna/viewing-rights/sanne", Map.of("on", false)).status())
                .isEqualTo(204);

        assertThat(anna.get("/api/children").json().get("items")).isEmpty();
        assertThat(admin.json("PUT", "/api/admin/guardians/anna/viewing-rights/tim", Map.of("on", false)).status())
                .isEqualTo(400);
        assertThat(admin.json("PUT", "/api/admin/guardians/anna/viewing-rights/sanne", Map.of("on", "ja")).status())
                .isEqualTo(400);
        assertThat(f.staff("leerkracht").json("PUT", "/api/admin/guardians/anna/viewing-rights/sanne", Map.of("on", true))
                .status()).isEqualTo(403);
        assertThat(f.auditActions()).contains("viewing-right.revoked");
    }

    @Test
    void theExcelExportHasTheRightTypeAndOneRowPerGuardian() throws Exception {
        Response xlsx = f.staff("uitnodiger").get("/api/admin/guardians.xlsx?group=g5");

        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).startsWith(AdminApi.XLSX);
        assertThat(xlsx.header("Content-Disposition")).contains("attachment", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            List<String> cells = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cell -> cells.add(cell.toString()));
            }
            assertThat(String.join(" ", cells)).contains("anna@example.org").doesNotContain("bram@example.org");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void impersonationReadsTheGuardianEndpointsRefusesWritesAndEnds() {
        Client admin = f.staff("beheerder");

        Response started = admin.json("POST", "/api/admin/impersonation", Map.of("guardianId", "anna"));

        assertThat(started.status()).isEqualTo(201);
        JsonNode me = admin.get("/api/me").json();
        assertThat(me.get("id").asText()).isEqualTo("anna");
        assertThat(me.get("impersonatedBy").asText()).isEqualTo("Juf Ineke");
        assertThat(admin.get("/api/children").json().get("items")).hasSize(1);
        Response write = admin.json("POST", "/api/me/change-requests", Map.of("changes", Map.of("mobilePhone", "0612345678")));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("message").asText()).isEqualTo(
                "Let op: aangezien je bent ingelogd als applicatiebeheerder zullen je wijzigingen niet worden opgeslagen of verzonden.");

        assertThat(admin.json("DELETE", "/api/admin/impersonation", null).status()).isEqualTo(204);
        assertThat(admin.get("/api/me").status()).isEqualTo(401);
        assertThat(admin.get("/api/admin/session").status()).isEqualTo(200);
        assertThat(f.portal.audit().ofGuardian(f.anna, "impersonation.", 10)).extracting(e -> e.action())
                .contains("impersonation.started", "impersonation.ended");
    }

    @Test
    void oneImpersonationIsOneEntryInTheGuardiansHistoryNamingEachPageViewed() {
        Client admin = f.staff("beheerder");
        assertThat(admin.json("PUT", "/api/admin/modules/absences", Map.of("active", true, "dashboard", false)).status()).isEqualTo(200);
        assertThat(admin.json("PUT", "/api/admin/modules/notes", Map.of("active", true, "dashboard", false)).status()).isEqualTo(200);
        admin.json("POST", "/api/admin/impersonation", Map.of("guardianId", "anna"));
        // The pages as a browser asks them (each also loads the menu, the child and the offered actions) and the API.
        assertThat(admin.get("/dashboard").status()).isEqualTo(200);
        assertThat(admin.get("/children/sanne/about").status()).isEqualTo(200);
        assertThat(admin.get("/children/sanne/absences").status()).isEqualTo(200);
        assertThat(admin.get("/api/children/sanne/notes").status()).isEqualTo(200);
        assertThat(admin.json("DELETE", "/api/admin/impersonation", null).status()).isEqualTo(204);

        Client anna = f.client();
        assertThat(anna.json("POST", "/api/session", Map.of("email", "anna@example.org", "password", AdminWebFixture.PASSWORD))
                .status()).isEqualTo(200);
        JsonNode history = anna.get("/api/me").json().get("impersonations");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("by").asText()).isEqualTo("Juf Ineke");
        assertThat(history.get(0).get("ended").isNull()).isFalse();
        List<String> viewed = new ArrayList<>();
        history.get(0).get("viewed").forEach(page -> viewed.add(page.asText()));
        // The dashboard shows the school's news too.
        assertThat(viewed).containsExactly("dashboard", "news", "about:sanne", "module:absences:sanne", "module:notes:sanne");
        String page = anna.get("/profile").body();
        assertThat(page).contains("<li>Over mijn kind (Sanne Jansen)</li><li>Absenties (Sanne Jansen)</li><li>Notities (Sanne Jansen)</li>")
                .doesNotContain("about:sanne");
    }

    @Test
    void loggingOutAsStaffEndsTheImpersonationInThatBrowserToo() {
        Client admin = f.staff("beheerder");
        admin.json("POST", "/api/admin/impersonation", Map.of("guardianId", "anna"));
        assertThat(admin.get("/api/me").status()).isEqualTo(200);

        assertThat(admin.json("DELETE", "/api/admin/session", null).status()).isEqualTo(204);

        assertThat(admin.get("/api/me").status()).isEqualTo(401);
        assertThat(f.portal.audit().ofGuardian(f.anna, "impersonation.", 10)).extracting(e -> e.action())
                .contains("impersonation.ended");
    }

    @Test
    void rightsTheHostTakesAwayCountAtTheNextRequestAlsoDuringAnImpersonation() {
        Client admin = f.staff("beheerder");
        Client inviter = f.staff("uitnodiger");
        admin.json("POST", "/api/admin/impersonation", Map.of("guardianId", "anna"));
        StaffActor ineke = AdminWebFixture.STAFF.get("beheerder");

        f.hostNow.put(ineke.id(), Optional.of(new StaffActor(ineke.id(), ineke.name(), Set.of(StaffActor.Role.INVITE),
                ineke.schools())));

        assertThat(admin.get("/api/me").status()).as("no longer ADMIN: the impersonation ends").isEqualTo(401);
        assertThat(admin.get("/api/admin/settings").status()).as("settings are for ADMIN").isEqualTo(403);
        assertThat(admin.get("/api/admin/guardians").status()).as("INVITE keeps the overview").isEqualTo(200);

        f.hostNow.put(AdminWebFixture.STAFF.get("uitnodiger").id(), Optional.empty());
        assertThat(inviter.get("/api/admin/guardians").status()).as("gone from the host: logged out").isEqualTo(401);
        f.hostNow.clear();
        assertThat(inviter.get("/api/admin/guardians").status()).as("the session was closed, not paused").isEqualTo(401);
    }

    @Test
    void anImpersonationEndsWhenTheHostTakesAwayOneOfItsSchools() {
        f.guardian("eva", "Eva", "eva@example.org", "mila", AdminWebFixture.OTHER);
        f.host.addStudent("noor", SCHOOL, "Noor", java.time.LocalDate.of(2017, 2, 1),
                nl.ouderportaal.spi.host.EnrolmentStatus.IN_EDUCATION);
        f.host.link(nl.ouderportaal.spi.GuardianId.of("eva"), nl.ouderportaal.spi.StudentId.of("noor"), true);
        f.activate(nl.ouderportaal.spi.GuardianId.of("eva"), "eva@example.org");
        Client board = f.staff("bestuur");
        board.json("POST", "/api/admin/impersonation?school=regenboog", Map.of("guardianId", "eva"));
        assertThat(board.get("/api/children").json().get("items")).hasSize(2);
        StaffActor bestuur = AdminWebFixture.STAFF.get("bestuur");

        f.hostNow.put(bestuur.id(), Optional.of(new StaffActor(bestuur.id(), bestuur.name(), bestuur.roles(), Set.of(SCHOOL))));

        assertThat(board.get("/api/children").status()).as("klimop was taken away: the impersonation ends").isEqualTo(401);
    }

    @Test
    void theAuditLogShowsWhatStaffDid() {
        Client admin = f.staff("beheerder");
        admin.json("PUT", "/api/admin/settings", Map.of("changeRequestEmail", "w@regenboog.nl", "websiteUrl", "",
                "maintenanceMode", false)); // PUT names every field (issue 19)

        JsonNode items = admin.get("/api/admin/audit").json().get("items");

        assertThat(items).extracting(n -> n.get("action").asText()).contains("settings.changed", "invitation.issued");
        assertThat(items.get(0).get("actorName").asText()).isEqualTo("Juf Ineke");
    }

    @Test
    void theOpenApiDocumentDescribesEveryAdministrationEndpoint() {
        JsonNode document = f.client().get("/api/openapi.json").json();

        assertThat(document.get("paths").fieldNames()).toIterable().contains("/api/admin/session", "/api/admin/settings",
                "/api/admin/settings/image", "/api/admin/modules", "/api/admin/modules/{id}", "/api/admin/news",
                "/api/admin/news/{id}", "/api/admin/guardians", "/api/admin/guardians.xlsx", "/api/admin/invitations",
                "/api/admin/invitations/preview", "/api/admin/guardians/{id}/deactivate", "/api/admin/guardians/{id}/email",
                "/api/admin/guardians/emails",
                "/api/admin/guardians/{id}/viewing-rights/{childId}", "/api/admin/impersonation", "/api/admin/audit");
        assertThat(document.get("components").get("schemas").get("Error").get("required").toString())
                .isEqualTo("[\"error\",\"message\",\"fields\"]");
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
