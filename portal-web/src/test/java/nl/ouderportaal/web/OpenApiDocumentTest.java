package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The served OpenAPI document can be extended at start-up")
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void aPathAndASchemaAddedBeforeServingAreServed() throws Exception {
        OpenApiDocument document = OpenApiDocument.standard()
                .addSchema("HomeworkDone", json("{\"type\":\"object\",\"properties\":{\"done\":{\"type\":\"boolean\"}}}"))
                .addPath("/api/children/{childId}/homework/actions/{actionId}", json("{\"post\":{\"operationId\":\"homeworkDone\","
                        + "\"responses\":{\"204\":{\"description\":\"Done\"}}}}"))
                .addPath("/api/children/{childId}/homework/actions/{actionId}", json("{\"get\":{\"operationId\":\"homeworkAction\","
                        + "\"responses\":{\"200\":{\"description\":\"The action\"}}}}"));
        var served = JSON.readTree(new String(document.json(), StandardCharsets.UTF_8));
        assertThat(served.at("/components/schemas/HomeworkDone/properties/done/type").asText()).isEqualTo("boolean");
        assertThat(served.at("/paths/~1api~1children~1{childId}~1homework~1actions~1{actionId}").fieldNames())
                .toIterable().containsExactly("post", "get");
        assertThat(served.at("/paths/~1api~1dashboard/get/operationId").asText()).isEqualTo("getDashboard");
    }

    @Test
    void anOperationOrSchemaThatIsThereAlreadyIsRefused() throws Exception {
        OpenApiDocument document = OpenApiDocument.standard();
        assertThatThrownBy(() -> document.addPath("/api/dashboard", json("{\"get\":{}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("get /api/dashboard");
        assertThatThrownBy(() -> document.addSchema("Error", json("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Error");
    }

    @Test
    void onceServedTheDocumentNoLongerChanges() throws Exception {
        OpenApiDocument document = OpenApiDocument.standard();
        byte[] served = document.json();
        assertThatThrownBy(() -> document.addSchema("Late", json("{}"))).isInstanceOf(IllegalStateException.class);
        assertThat(document.json()).isSameAs(served);
    }
}
