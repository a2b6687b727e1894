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
                    .replace("{noteId}", "n1").replace("{anchor}", "x").replace("{id}", "1").replace("{guardianId}", "anna");
            HttpResponse<String> response = client.json(method.toUpperCase(), concrete, Map.of());
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
    void anUnservedOperationWouldBeNoticed() {
        HttpResponse<String> response = f.client().json("GET", "/api/no-such-endpoint", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(WebFixture.Client.parse(response).get("error").asText()).isEqualTo("not-found");
    }
}
