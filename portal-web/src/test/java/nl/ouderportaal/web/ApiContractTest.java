package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The check of every API answer against the document ({@link ApiContract}) catches what it should. */
@DisplayName("The API tests' check against the OpenAPI document")
class ApiContractTest {

    private static final ApiContract CONTRACT = ApiContract.of(OpenApiDocument.standard().tree());
    private static final String JSON = "application/json; charset=utf-8";
    private static final String ME = "{\"id\":\"anna\",\"name\":\"Anna Jansen\",\"username\":\"anna@example.org\",\"status\":\"ACTIVE\","
            + "\"lastLogin\":null,\"notificationsEnabled\":false,\"impersonatedBy\":null,\"correctableFields\":[{\"key\":\"email\","
            + "\"label\":{\"nl\":\"E-mail\",\"en\":\"Email\"},\"currentValue\":\"\",\"format\":\"EMAIL\"}],\"impersonations\":[]}";
    private static final String NOTES_PAGE = "{\"child\":\"c\",\"pageId\":\"notes\",\"schoolYear\":\"2025-2026\",\"selectableYears\":[\"2025-2026\"],"
            + "\"sections\":[{\"anchor\":\"n1\",\"title\":{\"nl\":\"a\",\"en\":\"a\"},\"acceptsReplies\":true,\"blocks\":[{\"type\":\"fields\","
            + "\"fields\":[{\"label\":{\"nl\":\"Datum\",\"en\":\"Date\"},\"value\":{\"type\":\"day\",\"date\":\"2026-02-20\"}}]},"
            + "{\"type\":\"table\",\"headers\":[],\"rows\":[[]],\"emptyMessage\":{\"nl\":\"-\",\"en\":\"-\"}}]}]}";

    private static List<String> answer(String method, String path, int status, String body) {
        return CONTRACT.problems(method, path, status, body == null ? null : JSON, body == null ? new byte[0]
                : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        assertThat(answer("GET", "/api/me", 200, ME)).isEmpty();
        assertThat(answer("GET", "/api/children/child-of-anna/notes?schoolYear=2025-2026", 200, NOTES_PAGE)).isEmpty();
        assertThat(answer("DELETE", "/api/session", 204, null)).isEmpty();
        assertThat(answer("GET", "/api/me", 401, "{\"error\":\"not-logged-in\",\"message\":\"m\",\"fields\":{}}")).isEmpty();
    }

    @Test
    void aMissingMemberAWrongTypeOrAnUnknownValueFails() {
        assertThat(answer("GET", "/api/me", 200, ME.replace("\"username\":\"anna@example.org\",", "")))
                .singleElement().asString().contains("username");
        assertThat(answer("GET", "/api/me", 200, ME.replace("\"notificationsEnabled\":false", "\"notificationsEnabled\":\"no\"")))
                .singleElement().asString().contains("notificationsEnabled");
        assertThat(answer("GET", "/api/me", 200, ME.replace("\"ACTIVE\"", "\"BLOCKED\""))).isNotEmpty();
        assertThat(answer("GET", "/api/me", 200, ME.replace("\"impersonatedBy\":null", "\"impersonatedBy\":7"))).isNotEmpty();
    }

    @Test
    void aMemberTheDocumentDoesNotNameFails() {
        assertThat(answer("GET", "/api/me", 200, ME.replace("{\"id\"", "{\"passwordHash\":\"x\",\"id\""))).singleElement()
                .asString().contains("passwordHash");
    }

    @Test
    void aValueOrBlockOfAnUnknownTypeFails() {
        assertThat(answer("GET", "/api/children/c/notes", 200, NOTES_PAGE.replace("\"type\":\"day\"", "\"type\":\"moment\""))).isNotEmpty();
        assertThat(answer("GET", "/api/children/c/notes", 200, NOTES_PAGE.replace("\"type\":\"table\"", "\"type\":\"chart\""))).isNotEmpty();
    }

    @Test
    void anErrorCodeTheDocumentDoesNotListFails() {
        assertThat(answer("GET", "/api/me", 401, "{\"error\":\"session-gone\",\"message\":\"m\",\"fields\":{}}")).isNotEmpty();
        assertThat(answer("GET", "/api/me", 500, "<html>boom</html>")).isNotEmpty();
    }

    @Test
    void anUndocumentedOperationFailsAndOnlyAnUnservedAddressMayAnswerNotFound() {
        assertThat(answer("GET", "/api/homework", 200, "{}")).singleElement().asString().contains("no documented path");
        assertThat(answer("PATCH", "/api/me", 200, ME)).singleElement().asString().contains("documents no PATCH");
        assertThat(answer("GET", "/api/homework", 404, "{\"error\":\"not-found\",\"message\":\"m\",\"fields\":{}}")).isEmpty();
    }

    @Test
    void aBodyWhereNoneIsDocumentedOrAnotherMediaTypeFails() {
        assertThat(answer("DELETE", "/api/session", 204, "{}")).isNotEmpty();
        assertThat(CONTRACT.problems("GET", "/api/me", 200, "text/html", ME.getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().contains("text/html");
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        String fields = "[{\"key\":\"email\",\"label\":{\"nl\":\"E-mail\",\"en\":\"Email\"},\"currentValue\":\"\",\"format\":\"EMAIL\"}]";
        assertThat(answer("GET", "/api/children/c/correctable-fields", 200, fields)).isEmpty();
    }
}
