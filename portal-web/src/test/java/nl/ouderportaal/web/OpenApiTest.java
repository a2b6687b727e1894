package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The OpenAPI document at /api/openapi.json")
class OpenApiTest extends AgainstOnePortal {

    @Test
    void everyDocumentedOperationIsServedAndTheDocumentCoversTheIssuesEndpoints() {
        WebFixture.Client client = f.client();
        JsonNode doc = WebFixture.Client.parse(client.get("/api/openapi.json"));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> missing = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            String concrete = path.getKey().replace("{childId}", "child-of-anna").replace("{moduleId}", "notes")
                    .replace("{noteId}", "n1").replace("{anchor}", "x").replace("{id}", "1").replace("{guardianId}", "anna")
                    .replace("{actionId}", "reply").replace("{viewId}", "x");
            // A body only where the method takes one: the JDK's client sometimes breaks off a large chunked
            // answer to a GET that carried a body (the server's bytes are whole; a raw socket reads them).
            boolean takesBody = !method.equals("get") && !method.equals("delete");
            HttpResponse<String> response = client.json(method.toUpperCase(), concrete, takesBody ? Map.of() : null);
            // Logged out, every real operation answers (401, 400, 202, ...); only an unserved one gives 404.
            if (response.statusCode() == 404) {
                missing.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(missing).as("documented but not served").isEmpty();
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/session", "/api/password/forgot",
                "/api/username/forgot", "/api/password", "/api/me", "/api/dashboard", "/api/children",
                "/api/children/{childId}/{moduleId}", "/api/school", "/api/children/{childId}/change-requests");
    }

    @Test
    void everyServedApiRouteIsDocumented() {
        JsonNode doc = WebFixture.Client.parse(f.client().get("/api/openapi.json"));
        java.util.Set<String> documented = new java.util.TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase() + " " + anyParameter(path.getKey()))));
        List<String> served = f.web.apiRoutes().stream().map(OpenApiTest::anyParameter).toList();
        assertThat(served).hasSizeGreaterThan(40);
        assertThat(served.stream().filter(route -> !documented.contains(route)).toList())
                .as("served but not in /api/openapi.json").isEmpty();
    }

    private static String anyParameter(String route) {
        return route.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void theServedDocumentIsTheStandardOneAndIsWrittenForTheLinter() throws java.io.IOException {
        HttpResponse<String> served = f.client().get("/api/openapi.json");
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = WebFixture.Client.parse(served);
        OpenApiDocument expected = OpenApiDocument.standard();
        ActionDocumentation.describe(expected, f.portal);
        // Through JSON text, as a client reads it: a generated minimum is a long in the tree, an int once parsed.
        assertThat(doc).isEqualTo(WebFixture.Client.parseText(expected.tree().toString()));
        // For `npx @redocly/cli lint target/openapi-served.json` and the generated client's build.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi-served.json"), served.body());
    }

    @Test
    void theChangeRequestKeysAreTheOnesTheApiOffersEmergencyNumbersAsN() {
        WebFixture.Client client = f.client();
        client.login("anna@example.org", WebFixture.PASSWORD);
        JsonNode doc = WebFixture.Client.parse(client.get("/api/openapi.json"));
        List<String> own = new ArrayList<>();
        WebFixture.Client.parse(client.get("/api/me/correctable-fields")).forEach(field -> own.add(field.get("key").asText()));
        List<String> child = new ArrayList<>();
        WebFixture.Client.parse(client.get("/api/children/child-of-anna/correctable-fields"))
                .forEach(field -> child.add(field.get("key").asText().replaceFirst("^emergency\\.\\d+\\.", "emergency.N.")));
        assertThat(own).contains("email", "address.city");
        assertThat(child).contains("address.city", "emergency.N.phone");
        assertThat(keys(doc, "OwnChanges")).containsExactlyElementsOf(own);
        assertThat(keys(doc, "ChildChanges")).containsExactlyElementsOf(child.stream().distinct().toList());
    }

    private static List<String> keys(JsonNode doc, String schema) {
        String description = doc.at("/components/schemas/" + schema + "/properties/changes/description").asText();
        String list = description.substring(description.indexOf("The keys: ") + "The keys: ".length()).replaceFirst(" \\(.*$|\\.$", "");
        return List.of(list.split(", "));
    }

    @Test
    void theDocumentsListsOfValuesAreTheCodesEnums() {
        JsonNode doc = OpenApiDocument.standard().tree();
        assertThat(values(doc, "/components/schemas/Me/properties/status")).containsExactlyElementsOf(
                names(nl.ouderportaal.core.account.AccountStatus.values()));
        assertThat(values(doc, "/components/schemas/Guardian/properties/status")).containsExactlyElementsOf(
                names(nl.ouderportaal.core.account.AccountStatus.values()));
        assertThat(values(doc, "/components/schemas/ModuleLink/properties/placement")).containsExactlyElementsOf(
                names(nl.ouderportaal.spi.module.Placement.values()));
        assertThat(values(doc, "/components/schemas/CorrectableField/properties/format")).containsExactlyElementsOf(
                names(nl.ouderportaal.spi.module.CorrectableField.Format.values()));
        assertThat(values(doc, "/components/schemas/StaffUser/properties/roles/items")).containsExactlyElementsOf(
                names(nl.ouderportaal.spi.StaffActor.Role.values()));
        assertThat(values(doc, "/components/schemas/Invitation/properties/skipped/items/properties/reason")).containsExactlyElementsOf(
                names(nl.ouderportaal.core.account.InvitationPreview.SkipReason.values()));
        assertThat(values(doc, "/components/schemas/InvitationState/properties/state")).containsExactlyElementsOf(
                names(nl.ouderportaal.core.mail.DeliveryStatus.State.values()));
        assertThat(values(doc, "/components/schemas/AuditEvent/properties/actorType")).containsExactlyElementsOf(
                names(nl.ouderportaal.core.audit.AuditEvent.ActorType.values()));
    }

    private static List<String> values(JsonNode doc, String pointer) {
        List<String> values = new ArrayList<>();
        doc.at(pointer + "/enum").forEach(v -> values.add(v.asText()));
        assertThat(values).as(pointer).isNotEmpty();
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void anUnservedOperationWouldBeNoticed() {
        HttpResponse<String> response = f.client().json("GET", "/api/no-such-endpoint", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(WebFixture.Client.parse(response).get("error").asText()).isEqualTo("not-found");
    }
}
