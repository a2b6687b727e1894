package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The guardian's pages, as a browser without JavaScript uses them")
class GuardianPagesTest extends AgainstOnePortal {

    private static WebFixture.Client loggedIn() {
        WebFixture.Client client = f.client();
        client.get("/login");
        HttpResponse<String> login = client.form("/login", Map.of("email", "anna@example.org", "password", WebFixture.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("/dashboard");
        return client;
    }

    @Test
    void theLoginFormLogsInAndAWrongPasswordIsShownAtTheFields() {
        WebFixture.Client client = f.client();
        String page = client.get("/login").body();
        assertThat(page).contains("<label for=\"email\">E-mailadres</label>", "name=\"_csrf\"", "autocomplete=\"current-password\"");

        HttpResponse<String> refused = client.form("/login", Map.of("email", "anna@example.org", "password", "fout"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("role=\"alert\" id=\"login-error\"", "aria-describedby=\"login-error\"",
                "aria-invalid=\"true\"", "value=\"anna@example.org\"");

        String dashboard = loggedIn().get("/dashboard").body();
        assertThat(dashboard).contains("Sanne Jansen", "/children/child-of-anna/notes").doesNotContain("Luuk");
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        WebFixture.Client client = f.client();
        client.get("/login");

        HttpResponse<String> refused = client.form("/login", Map.of("email", "anna@example.org", "password", WebFixture.PASSWORD), false);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Verzoek geweigerd");
        assertThat(client.cookie("op_session")).isNull();
    }

    @Test
    void aChildPageOfAnotherFamilyLooksExactlyLikeAnUnknownPage() {
        WebFixture.Client client = loggedIn();

        HttpResponse<String> own = client.get("/children/child-of-anna/notes");
        HttpResponse<String> other = client.get("/children/child-of-bram/notes");
        HttpResponse<String> unknown = client.get("/children/nobody/notes");
        HttpResponse<String> otherAbout = client.get("/children/child-of-bram/about");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Oudergesprek", "action=\"/children/child-of-anna/notes/actions/reply\"", "name=\"note\" value=\"n1\"");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(otherAbout.statusCode()).isEqualTo(404);
        // The pages differ only in the requested address, which the language link repeats.
        assertThat(other.body().replace("child-of-bram", "ID")).isEqualTo(unknown.body().replace("nobody", "ID"));
    }

    @Test
    void aReplyFromTheFormReachesTheHostAndTheGuardianSeesAConfirmation() {
        WebFixture.Client client = loggedIn();
        int before = f.host.replies.size();

        HttpResponse<String> sent = client.form("/children/child-of-anna/notes/actions/reply", Map.of("note", "n1", "text", "Tot dan!"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(f.host.replies).hasSize(before + 1);
        assertThat(sent.body()).contains("Uw reactie is verstuurd naar de school.", "Oudergesprek");
        HttpResponse<String> empty = client.form("/children/child-of-anna/notes/actions/reply", Map.of("note", "n1", "text", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Uw reactie: vul dit in.");
    }

    @Test
    void englishIsAChoiceThatSticks() {
        WebFixture.Client client = f.client();

        assertThat(client.get("/login?lang=en").body()).contains("<html lang=\"en\">", "Email address", "Forgot your password?");
        assertThat(client.get("/forgot-password").body()).contains("Forgot password");
        assertThat(client.get("/login?lang=nl").body()).contains("<html lang=\"nl\">", "Wachtwoord vergeten?");
    }

    @Test
    void logoutEndsTheSessionSoTheOldCookieNoLongerOpensAnything() {
        WebFixture.Client client = loggedIn();
        String token = client.cookie("op_session");

        HttpResponse<String> logout = client.form("/logout", Map.of());

        assertThat(logout.headers().firstValue("Location")).hasValue("/login?loggedOut=1");
        assertThat(f.portal.authentication().session(token)).isEmpty();
        WebFixture.Client replay = f.client();
        replay.setCookie("op_session", token);
        assertThat(replay.get("/dashboard").statusCode()).isEqualTo(302);
        WebFixture.Client live = loggedIn();
        WebFixture.Client sameCookie = f.client();
        sameCookie.setCookie("op_session", live.cookie("op_session"));
        assertThat(sameCookie.get("/dashboard").statusCode()).as("a live session's cookie does open the dashboard").isEqualTo(200);
    }

    @Test
    void theSetPasswordLinkPageKeepsItsTokenOutOfReferrersAndRejectsAMismatch() {
        f.portal.authentication().forgotPassword("bram@example.org");
        f.deliver();
        String token = f.lastToken("bram@example.org");
        WebFixture.Client client = f.client();

        HttpResponse<String> form = client.get("/reset-password?token=" + token);
        assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(form.body()).contains("name=\"token\" value=\"" + token + "\"");
        HttpResponse<String> mismatch = client.form("/reset-password",
                Map.of("token", token, "password", WebFixture.PASSWORD, "repeat", "iets anders"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("De twee wachtwoorden zijn niet gelijk.", "aria-invalid=\"true\"");
        HttpResponse<String> done = client.form("/reset-password",
                Map.of("token", token, "password", WebFixture.PASSWORD, "repeat", WebFixture.PASSWORD));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Uw wachtwoord is opgeslagen.");
    }

    @Test
    void staticAssetsComeFromTheJarAndTemplatesEscapeHostText() {
        HttpResponse<String> css = f.client().get("/static/portal.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(":focus-visible");

        f.host.notes.add(new nl.ouderportaal.modules.notes.Note("xss", WebFixture.SANNE, java.time.LocalDate.of(2026, 2, 22),
                "Gesprek", true, "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "Juf"));
        try {
            String page = loggedIn().get("/children/child-of-anna/notes").body();
            assertThat(page).doesNotContain("<script>alert(1)</script>", "<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        } finally {
            f.host.notes.removeIf(n -> n != null && n.id().equals("xss"));
        }
    }

    @Test
    void duringMaintenanceTheGuardianSeesTheNoticeAndNoneOfTheSchoolsChildren() {
        f.portal.configuration().updateSettings(WebFixture.SCHOOL,
                new nl.ouderportaal.core.settings.SchoolSettingsUpdate(null, null, true), "test");
        try {
            WebFixture.Client client = loggedIn();
            String dashboard = client.get("/dashboard").body();

            assertThat(dashboard).contains("class=\"notice\" role=\"status\"", "Er zijn (nog) geen kinderen zichtbaar")
                    .doesNotContain("/children/child-of-anna/");
            assertThat(client.get("/children/child-of-anna/notes").statusCode()).isEqualTo(404);
            assertThat(client.get("/profile").statusCode()).isEqualTo(200);
        } finally {
            f.portal.configuration().updateSettings(WebFixture.SCHOOL,
                    new nl.ouderportaal.core.settings.SchoolSettingsUpdate(null, null, false), "test");
        }
    }
}
