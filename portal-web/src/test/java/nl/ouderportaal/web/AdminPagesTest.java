package nl.ouderportaal.web;

import static nl.ouderportaal.web.AdminWebFixture.Client.fields;
import static nl.ouderportaal.web.AdminWebFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.ouderportaal.web.AdminWebFixture.Client;
import nl.ouderportaal.web.AdminWebFixture.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The administration pages, without JavaScript")
class AdminPagesTest {

    private final AdminWebFixture f = new AdminWebFixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** A browser logged in through the administration login form. */
    private Client loggedIn(String username) {
        Client browser = f.client();
        Response login = browser.form("/admin/login", fields("username", username, "password", username + "-wachtwoord"));
        assertThat(login.status()).isEqualTo(302);
        return browser;
    }

    @Test
    void withoutAStaffSessionEveryPageLeadsToTheLoginAndAWrongPasswordIsRefusedAtTheFields() {
        Client browser = f.client();
        for (String path : List.of("/admin", "/admin/settings", "/admin/modules", "/admin/news", "/admin/guardians",
                "/admin/audit")) {
            Response page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.header("Location")).isEqualTo("/admin/login");
        }
        Response refused = browser.form("/admin/login", fields("username", "beheerder", "password", "fout"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("role=\"alert\" id=\"login-error\"", "aria-describedby=\"login-error\"",
                "aria-invalid=\"true\"");
    }

    @Test
    void everyPageRendersInDutchByDefaultAndInEnglishByChoice() {
        Client admin = loggedIn("beheerder");
        Map<String, String[]> pages = Map.of(
                "/admin/settings", new String[] {"<h1>Instellingen</h1>", "<h1>Settings</h1>"},
                "/admin/modules", new String[] {"<h1>Modules</h1>", "<h1>Modules</h1>"},
                "/admin/news", new String[] {"<h1>Nieuwsberichten</h1>", "<h1>News messages</h1>"},
                "/admin/news/new", new String[] {"<h1>Nieuwsbericht toevoegen</h1>", "<h1>Add a news message</h1>"},
                "/admin/guardians", new String[] {"<h1>Verzorger accountbeheer</h1>", "<h1>Guardian accounts</h1>"},
                "/admin/audit", new String[] {"<h1>Auditlog</h1>", "<h1>Audit log</h1>"});
        pages.forEach((path, titles) -> {
            Response dutch = admin.get(path);
            assertThat(dutch.status()).as(path).isEqualTo(200);
            assertThat(dutch.body()).as(path).contains("<html lang=\"nl\">", titles[0]).doesNotContainPattern("admin\\.[a-z]+\\.[A-Za-z]");
        });
        admin.get("/admin/settings?lang=en");
        pages.forEach((path, titles) -> assertThat(admin.get(path).body()).as(path)
                .contains("<html lang=\"en\">", titles[1]).doesNotContainPattern("admin\\.[a-z]+\\.[A-Za-z]"));
    }

    @Test
    void aStaffUserOfSeveralSchoolsPicksTheSchoolByItsName() {
        Client board = loggedIn("bestuur");

        String page = board.get("/admin/settings?school=regenboog").body();

        assertThat(page).contains("<strong aria-current=\"true\">OBS De Regenboog</strong>",
                "<a href=\"/admin/settings?school=klimop\">CBS De Klimop</a>");
        assertThat(page.indexOf("CBS De Klimop")).as("sorted by name").isLessThan(page.indexOf("OBS De Regenboog"));
    }

    @Test
    void staffWithoutAdminSeeOnlyTheGuardianOverview() {
        Client inviter = loggedIn("uitnodiger");

        assertThat(inviter.get("/admin").header("Location")).isEqualTo("/admin/guardians");
        assertThat(inviter.get("/admin/guardians").body()).doesNotContain("href=\"/admin/settings\"", "/impersonate");
        assertThat(inviter.get("/admin/settings").status()).isEqualTo(403);
        assertThat(inviter.form("/admin/guardians/anna/impersonate", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void anInvalidSettingsFormComesBackWithTheErrorsTiedToTheirFieldsAndNothingChanges() {
        Client admin = loggedIn("beheerder");

        Response refused = admin.form("/admin/settings", fields("changeRequestEmail", "geen adres",
                "websiteUrl", "https://regenboog.nl", "maintenanceMode", "true"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"error-changeRequestEmail\"",
                "aria-describedby=\"changeRequestEmail-hint error-changeRequestEmail\"", "aria-invalid=\"true\"",
                "value=\"geen adres\"");
        assertThat(f.portal.configuration().settings(SCHOOL).maintenanceMode()).isFalse();

        Response saved = admin.form("/admin/settings", fields("changeRequestEmail", "w@regenboog.nl", "maintenanceMode", "true"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.get(saved.header("Location")).body()).contains("De instellingen zijn opgeslagen.");
        assertThat(f.portal.configuration().settings(SCHOOL).maintenanceMode()).isTrue();
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Client admin = loggedIn("beheerder");
        admin.sendCsrf = false;

        Response refused = admin.form("/admin/settings", fields("changeRequestEmail", "w@regenboog.nl", "maintenanceMode", "true"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(f.portal.configuration().settings(SCHOOL).maintenanceMode()).isFalse();
    }

    @Test
    void anUploadThatIsNoImageIsRefusedAtTheFileFieldAndAPictureIsStored() throws Exception {
        Client admin = loggedIn("beheerder");

        Response refused = admin.upload("/admin/settings/image", "image", "brief.pdf", "application/pdf",
                "%PDF-1.4 geen plaatje".getBytes());
        Response stored = admin.upload("/admin/settings/image", "image", "school.png", "image/png", AdminApiTest.png(400, 400));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"error-image\"", "aria-describedby=\"image-hint error-image\"");
        assertThat(stored.status()).isEqualTo(302);
        assertThat(f.auditActions()).contains("settings.image.changed");
    }

    @Test
    void aModuleIsSwitchedOnWithItsOptionsAndAnInvalidOptionIsShownAtItsField() {
        Client admin = loggedIn("beheerder");

        Response saved = admin.form("/admin/modules/staff", fields("active", "true", "options.showPhone", "true"));
        Response refused = admin.form("/admin/modules/plans", fields("active", "true", "options.problemStatementLabel", ""));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"plans-error-options-problemStatementLabel\"",
                "aria-describedby=\"plans-error-options-problemStatementLabel\"");
        String modules = admin.get("/admin/modules").body();
        assertThat(modules).contains("id=\"staff-options-showPhone\" name=\"options.showPhone\" type=\"checkbox\" value=\"true\" checked");
        assertThat(admin.get("/api/admin/modules").json().get("items").findValues("active").stream()
                .filter(a -> a.asBoolean()).count()).isEqualTo(1);
    }

    @Test
    void newsIsWrittenWithSimpleFormattingAndAWrongPeriodIsShownAtItsEnd() {
        Client admin = loggedIn("beheerder");

        Response refused = admin.form("/admin/news", fields("subject", "Studiedag", "date", "2026-03-02",
                "publishFrom", "2026-03-10", "publishUntil", "2026-03-01", "target", "all", "text", "Vrij"));
        Response saved = admin.form("/admin/news", fields("subject", "Studiedag", "date", "2026-03-02",
                "publishFrom", "2026-03-01", "publishUntil", "2026-03-10", "target", "groups", "groups", "g5",
                "text", "<b>Vrij</b> <a href=\"javascript:alert(1)\">klik</a>"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"error-publishUntil\"", "aria-describedby=\"error-publishUntil\"");
        assertThat(saved.status()).isEqualTo(302);
        String list = admin.get("/admin/news").body();
        assertThat(list).contains("Studiedag");
        String html = admin.get("/api/admin/news").json().get("items").get(0).get("text").asText();
        assertThat(html).contains("<b>Vrij</b>").doesNotContain("javascript");
    }

    @Test
    void aLargeOverviewIsPagedAndEveryoneInTheFilteredListCanBeInvitedAfterTheConfirmation() {
        for (int i = 0; i < 205; i++) {
            f.guardian(String.format("zwaan-%03d", i), "Zwaan" + i, "zwaan" + i + "@example.org", "kind" + i, AdminWebFixture.SCHOOL);
        }
        Client inviter = loggedIn("uitnodiger");

        String first = inviter.get("/admin/guardians").body();
        String filtered = inviter.get("/admin/guardians?name=zwaan&page=3").body();

        assertThat(first).contains("208 verzorgers · pagina 1 van 3", "href=\"/admin/guardians?page=2\" rel=\"next\"");
        assertThat(first.split("name=\"guardianIds\"", -1)).hasSize(101);
        assertThat(filtered).contains("205 verzorgers · pagina 3 van 3", "href=\"/admin/guardians?name=zwaan&amp;page=2\" rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        assertThat(filtered.split("name=\"guardianIds\"", -1)).hasSize(6);
        assertThat(inviter.get("/admin/guardians?page=999").body()).contains("pagina 3 van 3");
        assertThat(inviter.get("/admin/guardians?page=-1x").body()).contains("pagina 1 van 3");

        Response confirm = inviter.form("/admin/guardians/invite", fields("scope", "filtered", "name", "zwaan"));
        f.deliver();

        assertThat(confirm.body()).contains("205 verzorgers ontvangen inloggegevens; niemand wordt overgeslagen.");
        assertThat(f.mailsTo("zwaan204@example.org")).as("only after the confirmation").isEmpty();
        assertThat(confirm.body().split("name=\"guardianIds\"", -1)).hasSize(206);
    }

    @Test
    void deletingANewsMessageAsksForConfirmationFirst() {
        Client admin = loggedIn("beheerder");
        admin.form("/admin/news", fields("subject", "Studiedag", "date", "2026-03-02",
                "publishFrom", "2026-03-01", "publishUntil", "2026-03-10", "target", "all", "text", "Vrij"));
        String id = admin.get("/api/admin/news").json().get("items").get(0).get("id").asText();

        assertThat(admin.get("/admin/news/" + id).body()).contains("href=\"/admin/news/" + id + "/delete\"")
                .doesNotContain("action=\"/admin/news/" + id + "/delete\"");
        String confirmation = admin.get("/admin/news/" + id + "/delete").body();
        assertThat(confirmation).contains("<h1>Nieuwsbericht „Studiedag” verwijderen?</h1>",
                "action=\"/admin/news/" + id + "/delete\"", "href=\"/admin/news/" + id + "\">Annuleren");
        assertThat(admin.get("/api/admin/news").json().get("items")).as("not deleted by looking").hasSize(1);

        assertThat(admin.form("/admin/news/" + id + "/delete", Map.of()).header("Location")).isEqualTo("/admin/news?done=newsDeleted");
        assertThat(admin.get("/api/admin/news").json().get("items")).isEmpty();
        assertThat(admin.get("/admin/news/" + id + "/delete").status()).isEqualTo(404);
    }

    @Test
    void deactivatingAnAccountAsksForConfirmationAndSaysWhatItDoes() {
        Client inviter = loggedIn("uitnodiger");
        assertThat(inviter.get("/admin/guardians").body()).contains("href=\"/admin/guardians/anna/deactivate\"");

        String confirmation = inviter.get("/admin/guardians/anna/deactivate").body();
        assertThat(confirmation).contains("<h1>Account van Anna Jansen inactief maken?</h1>",
                "Anna Jansen kan daarna niet meer inloggen", "action=\"/admin/guardians/anna/deactivate\"");
        assertThat(f.portal.accounts().status(f.anna).name()).isEqualTo("ACTIVE");

        assertThat(inviter.form("/admin/guardians/anna/deactivate", Map.of()).status()).isEqualTo(302);
        assertThat(f.portal.accounts().status(f.anna).name()).isEqualTo("INACTIVE");
        assertThat(inviter.get("/admin/guardians/dirk/deactivate").status()).as("a guardian of another school").isEqualTo(404);
    }

    @Test
    void theBulkInvitationShowsTheConfirmationFirstAndSendsOnlyAfterIt() {
        Client inviter = loggedIn("uitnodiger");
        int before = f.mailsTo("bram@example.org").size();

        Response confirm = inviter.form("/admin/guardians/invite", fields("guardianIds", "bram", "guardianIds", "carla"));
        f.deliver();

        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("1 verzorger ontvangt inloggegevens; 1 wordt overgeslagen. Klopt dit?",
                "Carla Jansen: Geen e-mailadres", "name=\"guardianIds\" value=\"bram\"")
                .doesNotContain("name=\"guardianIds\" value=\"carla\"");
        assertThat(f.mailsTo("bram@example.org")).hasSize(before);

        Response sent = inviter.form("/admin/guardians/invite/send", fields("guardianIds", "bram"));
        f.deliver();

        assertThat(sent.body()).contains("1 verzorger ontvangt inloggegevens");
        assertThat(f.mailsTo("bram@example.org")).hasSize(before + 1);
        assertThat(inviter.form("/admin/guardians/invite", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void theAddressesOfSelectedGuardiansAreCorrectedWithErrorsTiedToTheFieldsThenLoginDetailsFollowAfterTheConfirmation() {
        Client inviter = loggedIn("uitnodiger");
        assertThat(inviter.get("/admin/guardians").body()).contains("href=\"/admin/guardians/carla/email\"",
                "formaction=\"/admin/guardians/emails\"");

        String form = inviter.form("/admin/guardians/emails", fields("guardianIds", "bram", "guardianIds", "carla")).body();
        assertThat(form).contains("<h1>E-mailadressen wijzigen</h1>", "for=\"f-emails-bram\"", "E-mailadres van Carla Jansen",
                "name=\"emails.bram\" type=\"email\" autocomplete=\"off\" value=\"bram@example.org\"");

        Response refused = inviter.form("/admin/guardians/emails/save", fields("guardianIds", "bram", "guardianIds", "carla",
                "emails.bram", "bram@nieuw.example.org", "emails.carla", "geen adres", "then", "invite"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Controleer de gemarkeerde velden.", "id=\"error-emails-carla\"",
                "aria-invalid=\"true\"", "value=\"geen adres\"", "value=\"bram@nieuw.example.org\"");
        assertThat(f.portal.invitations().preview(AdminWebFixture.STAFF.get("beheerder"), AdminWebFixture.SCHOOL,
                List.of(f.bram)).recipients().get(0).email()).as("nothing saved").isEqualTo("bram@example.org");

        Response confirm = inviter.form("/admin/guardians/emails/save", fields("guardianIds", "bram", "guardianIds", "carla",
                "emails.bram", "bram@nieuw.example.org", "emails.carla", "carla@example.org", "then", "invite"));
        f.deliver();
        assertThat(confirm.body()).contains("2 verzorgers ontvangen inloggegevens", "Bram Jansen – bram@nieuw.example.org",
                "Carla Jansen – carla@example.org");
        assertThat(f.mailsTo("bram@nieuw.example.org")).as("sent only after the confirmation").isEmpty();

        Response single = inviter.get("/admin/guardians/anna/email");
        assertThat(single.body()).contains("<h1>E-mailadres wijzigen van Anna Jansen</h1>");
        Response saved = inviter.form("/admin/guardians/emails/save", fields("guardianIds", "anna",
                "emails.anna", "anna@nieuw.example.org", "then", "save"));
        assertThat(saved.header("Location")).isEqualTo("/admin/guardians?done=emailsChanged");
        assertThat(inviter.get("/admin/guardians?done=emailsChanged").body()).contains("De e-mailadressen zijn opgeslagen.");
        assertThat(inviter.get("/admin/guardians/dirk/email").status()).as("a guardian of another school").isEqualTo(404);
    }

    @Test
    void theOverviewFiltersOffersTheExportAndChangesAViewingRight() {
        Client admin = loggedIn("beheerder");

        String filtered = admin.get("/admin/guardians?group=g7").body();
        assertThat(filtered).contains("Bram Jansen", "href=\"/admin/guardians.xlsx?group=g7\"").doesNotContain("Anna Jansen");
        assertThat(admin.get("/admin/guardians.xlsx?group=g7").header("Content-Type")).startsWith(AdminApi.XLSX);

        Response off = admin.form("/admin/guardians/anna/viewing-rights/sanne", fields("on", "false"));

        assertThat(off.status()).isEqualTo(302);
        assertThat(f.portal.accountOverview().list(AdminWebFixture.STAFF.get("beheerder"), SCHOOL,
                nl.ouderportaal.core.admin.OverviewFilter.ALL).get(0).children().get(0).viewingRight()).isFalse();
        assertThat(admin.get(off.header("Location")).body()).contains("Inzage ouderportaal is aangepast.");
    }

    @Test
    void loggingInAsAGuardianShowsTheGuardiansDashboardWithABannerAndAWayBack() {
        Client admin = loggedIn("beheerder");

        Response started = admin.form("/admin/guardians/anna/impersonate", Map.of());

        assertThat(started.header("Location")).isEqualTo("/dashboard");
        String dashboard = admin.get("/dashboard").body();
        assertThat(dashboard).contains("class=\"banner\"", "action=\"/admin/impersonation/end\"", "Juf Ineke");
        Response back = admin.form("/admin/impersonation/end", Map.of());
        assertThat(back.header("Location")).isEqualTo("/admin/guardians?done=impersonationEnded");
        assertThat(admin.get("/dashboard").status()).isEqualTo(302);
        assertThat(admin.get("/admin/guardians").status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheStaffSession() {
        Client admin = loggedIn("beheerder");

        Response out = admin.form("/admin/logout", Map.of());

        assertThat(out.header("Location")).isEqualTo("/admin/login?loggedOut=1");
        assertThat(admin.get("/admin/settings").header("Location")).isEqualTo("/admin/login");
    }
}
