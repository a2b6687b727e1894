package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The successful answers that the other API tests do not ask for, so that {@link ApiContract} checks their
 * bodies against the document as well (the other tests reach these operations only with refusals).
 */
@DisplayName("Successful answers the document describes")
class DocumentedSuccessesTest extends AgainstOnePortal {

    @Test
    void aGuardianSwitchesNotificationsAsksForOwnChangesAndPrintsASection() {
        f.portal.configuration().updateSettings(WebFixture.SCHOOL,
                new SchoolSettingsUpdate("wijzigingen@regenboog.example.org", null, false), "test");
        WebFixture.Client client = f.client();
        client.login("anna@example.org", WebFixture.PASSWORD);

        assertThat(client.json("PUT", "/api/me/notifications", Map.of("enabled", true)).statusCode()).isEqualTo(204);
        HttpResponse<String> own = client.json("POST", "/api/me/change-requests", Map.of("changes", Map.of("address.city", "Amersfoort")));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(WebFixture.Client.parse(own).get("ids")).hasSize(1);
        HttpResponse<byte[]> pdf = client.getBytes("/api/children/child-of-anna/notes/sections/n1.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void staffListGroupsAndInviteOneGuardian() {
        try (AdminWebFixture admin = new AdminWebFixture()) {
            AdminWebFixture.Client staff = admin.staff("beheerder");

            AdminWebFixture.Response groups = staff.get("/api/admin/groups");
            assertThat(groups.status()).isEqualTo(200);
            assertThat(groups.json().get("items").findValuesAsText("name")).contains("Groep 5", "Groep 7");
            AdminWebFixture.Response invited = staff.json("POST", "/api/admin/guardians/bram/invitation", null);
            assertThat(invited.status()).as(invited.body()).isEqualTo(200);
            assertThat(invited.json().get("recipients").findValuesAsText("id")).isEqualTo(List.of("bram"));
        }
    }
}
