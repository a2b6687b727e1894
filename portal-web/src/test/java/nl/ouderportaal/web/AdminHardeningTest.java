package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.ouderportaal.web.AdminWebFixture.Client;
import nl.ouderportaal.web.AdminWebFixture.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 19: the administration API's refusals, found by a black-box run. */
@DisplayName("Hardening of the administration API (issue 19)")
class AdminHardeningTest {

    private static AdminWebFixture f;

    @BeforeAll
    static void start() {
        f = new AdminWebFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    @DisplayName("13. PUT settings with only maintenanceMode is refused, naming the missing fields, and clears nothing")
    void aPartialSettingsBodyIsRefused() {
        Client admin = f.staff("beheerder");
        assertThat(admin.json("PUT", "/api/admin/settings", Map.of("changeRequestEmail", "wijzigingen@regenboog.nl",
                "websiteUrl", "https://regenboog.nl", "maintenanceMode", false)).status()).isEqualTo(200);

        Response partial = admin.json("PUT", "/api/admin/settings", Map.of("maintenanceMode", true));

        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.json().get("fields").has("changeRequestEmail")).isTrue();
        assertThat(partial.json().get("fields").has("websiteUrl")).isTrue();
        JsonNode now = admin.get("/api/admin/settings").json();
        assertThat(now.get("changeRequestEmail").asText()).isEqualTo("wijzigingen@regenboog.nl");
        assertThat(now.get("websiteUrl").asText()).isEqualTo("https://regenboog.nl");
        assertThat(now.get("maintenanceMode").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("15. module options refuse a NUL character and dates outside 1900-2200 with a field error")
    void optionsRefuseControlCharactersAndAbsurdDates() {
        Client admin = f.staff("beheerder");

        Response nul = admin.json("PUT", "/api/admin/modules/staff", Map.of("active", true,
                "options", Map.of("showEmail", "true\u0000")));
        Response nulText = admin.json("PUT", "/api/admin/modules/plans", Map.of("active", true,
                "options", Map.of("problemStatementLabel", "Hulp\u0000vraag")));
        Response farFuture = admin.json("PUT", "/api/admin/modules/notes", Map.of("active", true,
                "options", Map.of("startDate", "9999-01-01")));
        Response beforeChrist = admin.json("PUT", "/api/admin/modules/notes", Map.of("active", true,
                "options", Map.of("startDate", "-0001-01-01")));

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("fields").has("options.showEmail")).isTrue();
        assertThat(nulText.status()).isEqualTo(400);
        assertThat(nulText.json().get("fields").get("options.problemStatementLabel").asText()).contains("stuurteken");
        assertThat(farFuture.status()).isEqualTo(400);
        assertThat(farFuture.json().get("fields").get("options.startDate").asText()).contains("tussen 1900 en 2200");
        assertThat(beforeChrist.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("22. a module without options lists them as {}, and every error code is in the OpenAPI document")
    void noFrameworkLeaks() {
        Client admin = f.staff("beheerder");
        JsonNode modules = admin.get("/api/admin/modules").json().get("items");
        modules.forEach(m -> assertThat(m.get("options").isTextual()).as(m.get("id").asText()).isFalse());
        String document = f.client().get("/api/openapi.json").body();
        for (String code : Api.ERROR_CODES) {
            assertThat(document).as(code).contains(code);
        }
    }
}
