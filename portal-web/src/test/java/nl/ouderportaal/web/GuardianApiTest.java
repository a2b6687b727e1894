package nl.ouderportaal.web;

import static nl.ouderportaal.web.WebFixture.Client.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The guardian JSON API")
class GuardianApiTest extends AgainstOnePortal {

    private static WebFixture.Client anna() {
        WebFixture.Client client = f.client();
        assertThat(client.login("anna@example.org", WebFixture.PASSWORD).statusCode()).isEqualTo(200);
        return client;
    }

    @Test
    void aLoginGivesAnHttpOnlyLaxSessionCookieAndEveryFailureTheSameAnswer() {
        WebFixture.Client client = f.client();
        HttpResponse<String> ok = client.login("anna@example.org", WebFixture.PASSWORD);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("op_session=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/"));
        HttpResponse<String> wrong = f.client().login("anna@example.org", "niet het wachtwoord");
        HttpResponse<String> unknown = f.client().login("niemand@example.org", "niet het wachtwoord");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body()).contains("\"error\":\"login-refused\"", "\"fields\":{}");
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        WebFixture.Client client = anna();
        var before = f.storeCounts();

        HttpResponse<String> refused = client.json("POST", "/api/children/child-of-anna/change-requests",
                Map.of("changes", Map.of("birthPlace", "Zeist")), false);
        HttpResponse<String> refusedLogin = f.client().json("POST", "/api/session",
                Map.of("email", "anna@example.org", "password", WebFixture.PASSWORD), false);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(parse(refused).get("error").asText()).isEqualTo("csrf");
        assertThat(parse(refused).get("message").asText()).contains("niet van een pagina van het ouderportaal");
        assertThat(refusedLogin.statusCode()).isEqualTo(403);
        assertThat(f.storeCounts()).isEqualTo(before);
    }

    @Test
    void childrenCarryIdsAndAnotherFamilysChildAnswersExactlyLikeAnUnknownOne() {
        WebFixture.Client client = anna();

        var children = parse(client.get("/api/children")).get("items");
        assertThat(children).hasSize(1);
        assertThat(children.get(0).get("id").asText()).isEqualTo("child-of-anna");
        HttpResponse<String> own = client.get("/api/children/child-of-anna/notes");
        HttpResponse<String> other = client.get("/api/children/child-of-bram/notes");
        HttpResponse<String> unknown = client.get("/api/children/no-such-child/notes");
        HttpResponse<String> otherPdf = client.get("/api/children/child-of-bram/reports/sections/r1.pdf");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Oudergesprek").doesNotContain("Geheim van Luuk");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(unknown.body());
        assertThat(otherPdf.statusCode()).isEqualTo(404);
        assertThat(client.get("/api/children/child-of-bram/about").body()).isEqualTo(unknown.body());
    }

    @Test
    void aModulePageTakesTheSchoolYearAndRefusesANonsenseOneClearly() {
        WebFixture.Client client = anna();

        var page = parse(client.get("/api/children/child-of-anna/absences?schoolYear=2024-2025"));
        HttpResponse<String> bad = client.get("/api/children/child-of-anna/absences?schoolYear=twintig");

        assertThat(page.get("schoolYear").asText()).isEqualTo("2024-2025");
        assertThat(page.get("pageId").asText()).isEqualTo("absences");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(parse(bad).get("fields").get("schoolYear").asText()).contains("2024-2025");
    }

    @Test
    void aReplyToAVisibleNoteReachesTheHostAndOneToAnotherFamilysNoteDoesNot() {
        WebFixture.Client client = anna();
        int before = f.host.replies.size();

        HttpResponse<String> sent = client.json("POST", "/api/children/child-of-anna/notes/actions/reply", Map.of("note", "n1", "text", "Dank u wel!"));
        HttpResponse<String> foreignNote = client.json("POST", "/api/children/child-of-anna/notes/actions/reply", Map.of("note", "n2", "text", "Hallo"));
        HttpResponse<String> foreignChild = client.json("POST", "/api/children/child-of-bram/notes/actions/reply", Map.of("note", "n2", "text", "Hallo"));
        HttpResponse<String> empty = client.json("POST", "/api/children/child-of-anna/notes/actions/reply", Map.of("note", "n1", "text", "  "));

        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(f.host.replies).hasSize(before + 1);
        assertThat(f.host.replies.get(before).getValue().subject()).isEqualTo("Re: Oudergesprek");
        assertThat(foreignNote.statusCode()).isEqualTo(400);
        assertThat(foreignChild.statusCode()).isEqualTo(404);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(parse(empty).get("fields").get("text").asText()).isEqualTo("Uw reactie: vul dit in.");
    }

    @Test
    void aChangeRequestIsStoredAndBadValuesAreRefusedPerFieldWithNothingStored() {
        f.portal.configuration().updateSettings(WebFixture.SCHOOL,
                new nl.ouderportaal.core.settings.SchoolSettingsUpdate("wijzigingen@regenboog.example.org", null, false), "test");
        WebFixture.Client client = anna();
        var fields = parse(client.get("/api/children/child-of-anna/correctable-fields"));
        assertThat(fields.findValuesAsText("key")).contains("birthPlace", "address.postalCode");
        var before = f.storeCounts();

        HttpResponse<String> bad = client.json("POST", "/api/children/child-of-anna/change-requests",
                Map.of("changes", Map.of("address.postalCode", "123 AB", "shoeSize", "32")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(parse(bad).get("fields").fieldNames()).toIterable().containsExactlyInAnyOrder("address.postalCode", "shoeSize");
        assertThat(f.storeCounts()).isEqualTo(before);

        HttpResponse<String> good = client.json("POST", "/api/children/child-of-anna/change-requests",
                Map.of("changes", Map.of("birthPlace", "Zeist")));
        assertThat(good.statusCode()).isEqualTo(201);
        assertThat(parse(good).get("id").asLong()).isPositive();
        assertThat(client.json("POST", "/api/children/child-of-anna/change-requests", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(client.json("POST", "/api/children/child-of-anna/change-requests", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void recoveryAnswersTheSameForKnownAndUnknownAddressesAndTheMailedTokenSetsAPasswordOnce() {
        WebFixture.Client client = f.client();
        HttpResponse<String> known = client.json("POST", "/api/password/forgot", Map.of("email", "bram@example.org"));
        HttpResponse<String> unknown = client.json("POST", "/api/password/forgot", Map.of("email", "niemand@example.org"));
        HttpResponse<String> username = client.json("POST", "/api/username/forgot", Map.of("email", "niemand@example.org"));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(username.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        f.deliver();
        String token = f.lastToken("bram@example.org");

        HttpResponse<String> weak = client.json("POST", "/api/password", Map.of("token", token, "password", "kort"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(parse(weak).get("fields").has("password")).isTrue();
        HttpResponse<String> set = client.json("POST", "/api/password", Map.of("token", token, "password", "een nieuw lang wachtwoord"));
        assertThat(set.statusCode()).isEqualTo(204);
        HttpResponse<String> again = client.json("POST", "/api/password", Map.of("token", token, "password", "nog een ander wachtwoord"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(f.client().login("bram@example.org", "een nieuw lang wachtwoord").statusCode()).isEqualTo(200);
        f.portal.authentication().resetPassword(resetToken("bram@example.org"), WebFixture.PASSWORD);
    }

    private static String resetToken(String email) {
        f.portal.authentication().forgotPassword(email);
        f.deliver();
        return f.lastToken(email);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        WebFixture.Client client = anna();
        String token = client.cookie("op_session");
        assertThat(client.get("/api/me").statusCode()).isEqualTo(200);

        assertThat(client.json("DELETE", "/api/session", null).statusCode()).isEqualTo(204);

        assertThat(client.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(f.portal.authentication().session(token)).isEmpty();
    }

    @Test
    void meDashboardAndSchoolAreTheGuardiansOwn() {
        WebFixture.Client client = anna();

        var me = parse(client.get("/api/me"));
        var dashboard = parse(client.get("/api/dashboard"));
        var school = parse(client.get("/api/school"));

        assertThat(me.get("username").asText()).isEqualTo("anna@example.org");
        assertThat(me.get("impersonatedBy").isNull()).isTrue();
        assertThat(dashboard.has("dashboard")).isTrue();
        assertThat(dashboard.toString()).doesNotContain("Luuk");
        assertThat(school.get("items").get(0).get("school").get("name").asText()).isEqualTo("OBS De Regenboog");
        assertThat(f.client().get("/api/dashboard").statusCode()).isEqualTo(401);
    }

    @Test
    void responsesCarryTheSecurityHeadersAndNoStore() {
        HttpResponse<String> page = f.client().get("/login");
        HttpResponse<String> api = f.client().get("/api/me");

        for (HttpResponse<String> response : java.util.List.of(page, api)) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'", "frame-ancestors 'none'", "form-action 'self'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=")
                .containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("HttpOnly"));
    }

    @Test
    void aFailureInsideTheHostGivesAnIncidentNumberAndNoStackTrace() {
        WebFixture.Client client = anna();
        f.host.notes.add(null);
        try {
            HttpResponse<String> api = client.get("/api/children/child-of-anna/notes");
            HttpResponse<String> page = client.get("/children/child-of-anna/notes");

            assertThat(api.statusCode()).isEqualTo(500);
            assertThat(parse(api).get("error").asText()).isEqualTo("internal");
            assertThat(parse(api).get("message").asText()).matches(".*\\([0-9a-f]{8}\\)$");
            assertThat(page.statusCode()).isEqualTo(500);
            for (String body : java.util.List.of(api.body(), page.body())) {
                assertThat(body).doesNotContain("Exception", "at nl.", "NullPointer", "java.");
            }
        } finally {
            f.host.notes.remove(null);
        }
    }

    @Test
    void aSpoofedHostHeaderNeverReachesTheLinksInMails() throws Exception {
        String csrf = "a".repeat(43);
        String body = "{\"email\":\"anna@example.org\"}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", f.web.port())) {
            String request = "POST /api/password/forgot HTTP/1.1\r\nHost: evil.example.net\r\nX-Forwarded-Host: evil.example.net\r\n"
                    + "Content-Type: application/json\r\nCookie: XSRF-TOKEN=" + csrf + "\r\nX-XSRF-TOKEN: " + csrf + "\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 202");
        }
        f.deliver();

        var mails = f.mailsTo("anna@example.org");
        String text = WebFixture.plainText(mails.get(mails.size() - 1));
        assertThat(text).contains("http://localhost/reset-password?token=").doesNotContain("evil.example.net");
    }

    @Test
    void aRequestJettyRefusesItselfStillGetsTheShortBilingualAnswerAndNoServerVersion() {
        HttpResponse<String> nul = f.client().get("/api/children/%00/notes");
        HttpResponse<String> tooLong = f.client().get("/api/children/" + "a".repeat(100_000) + "/notes");

        for (HttpResponse<String> response : java.util.List.of(nul, tooLong)) {
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(parse(response).get("error").asText()).isEqualTo("bad-request");
            assertThat(response.body()).doesNotContainIgnoringCase("jetty");
            assertThat(response.headers().firstValue("Server")).isEmpty();
        }
        assertThat(f.client().get("/login").headers().firstValue("Server")).isEmpty();
    }
}
