package nl.ouderportaal.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.action.GuardianActions;
import nl.ouderportaal.core.action.StaffActions;
import nl.ouderportaal.spi.action.ActionScope;

/**
 * Documents every installed action in the OpenAPI document at start-up (R-ACT-5): its own path with its
 * input record as a schema (types from the record's components, limits from their Bean Validation
 * constraints), so that an integrator's module is documented like the built-in ones. The web layer reads
 * the types from the core; it names no module.
 */
final class ActionDocumentation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActionDocumentation() {
    }

    static void describe(OpenApiDocument document, Portal portal) {
        for (GuardianActions.ActionType type : portal.actions().types()) {
            boolean child = type.descriptor().scope() == ActionScope.CHILD;
            String schema = schemaName(type.module(), type.descriptor().id());
            document.addSchema(schema, inputSchema(type.descriptor().inputType(),
                    type.descriptor().name().en() + " (" + type.module() + "/" + type.descriptor().id() + ")"));
            String path = (child ? "/api/children/{childId}/" : "/api/me/") + type.module() + "/actions/" + type.descriptor().id();
            document.addPath(path, operation(schema, "run" + capitalised(type.module()) + capitalised(type.descriptor().id()),
                    "guardian", type.descriptor().name().en() + " / " + type.descriptor().name().nl(), child, true));
        }
        for (StaffActions.StaffActionType type : portal.staffActions().types()) {
            String schema = "Staff" + schemaName(type.module(), type.descriptor().id());
            document.addSchema(schema, inputSchema(type.descriptor().inputType(), type.descriptor().name().en()));
            document.addPath("/api/admin/modules/" + type.module() + "/actions/" + type.descriptor().id(), operation(schema,
                    "runStaff" + capitalised(type.module()) + capitalised(type.descriptor().id()), "administration",
                    type.descriptor().name().en() + " / " + type.descriptor().name().nl()
                            + (type.descriptor().role() == null ? "" : " (" + type.descriptor().role() + ")"), false, false));
        }
    }

    private static ObjectNode operation(String schema, String operationId, String tag, String summary, boolean child,
                                        boolean guardian) {
        ObjectNode post = NODES.objectNode();
        post.put("operationId", operationId);
        post.putArray("tags").add(tag);
        post.put("summary", summary);
        ArrayNode parameters = post.putArray("parameters");
        if (child) {
            parameters.addObject().put("$ref", "#/components/parameters/childId");
        }
        if (!guardian) {
            parameters.addObject().put("$ref", "#/components/parameters/school");
        }
        post.putArray("security").addObject().<ObjectNode>set(guardian ? "guardianSession" : "staffSession", NODES.arrayNode())
                .set("csrfToken", NODES.arrayNode());
        post.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/" + schema);
        ObjectNode responses = post.putObject("responses");
        for (String status : new String[] {"200", "201"}) {
            responses.putObject(status).put("description", status.equals("201") ? "Created" : "Done").putObject("content")
                    .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/ActionResult");
        }
        Map.of("400", "BadRequest", "401", "NotLoggedIn", "403", "Forbidden", "404", "NotFound", "409", "Conflict",
                "default", "Internal").forEach((status, name) -> responses.putObject(status).put("$ref", "#/components/responses/" + name));
        if (guardian) {
            responses.putObject("429").put("$ref", "#/components/responses/RateLimited");
        }
        ObjectNode result = NODES.objectNode();
        result.set("post", post);
        return result;
    }

    /** The JSON schema of an input record: a member per component, typed, with its constraints. */
    static ObjectNode inputSchema(Class<?> type, String title) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "The input of " + title + ".");
        ArrayNode required = NODES.arrayNode();
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            ObjectNode property = property(component.getType(), component.getGenericType());
            java.lang.reflect.Method accessor = component.getAccessor();
            Size size = accessor.getAnnotation(Size.class);
            if (size != null && size.max() < Integer.MAX_VALUE) {
                property.put(property.path("type").asText().equals("array") ? "maxItems" : "maxLength", size.max());
            }
            Min min = accessor.getAnnotation(Min.class);
            if (min != null) {
                property.put("minimum", min.value());
            }
            Max max = accessor.getAnnotation(Max.class);
            if (max != null) {
                property.put("maximum", max.value());
            }
            // Bean Validation's annotations reach a record's accessor (their targets hold no record components).
            boolean mandatory = accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)
                    || component.getType().isPrimitive();
            if (mandatory) {
                required.add(component.getName());
            } else {
                property.put("nullable", true);
            }
            properties.set(component.getName(), property);
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode property(Class<?> type, Type generic) {
        ObjectNode property = NODES.objectNode();
        if (type == String.class) {
            property.put("type", "string");
        } else if (type == LocalDate.class) {
            property.put("type", "string").put("format", "date");
        } else if (type == LocalTime.class) {
            property.put("type", "string").put("pattern", "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$").put("example", "08:30");
        } else if (type == boolean.class || type == Boolean.class) {
            property.put("type", "boolean");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            property.put("type", "integer");
        } else if (type.isEnum()) {
            ArrayNode values = property.put("type", "string").putArray("enum");
            Arrays.stream(type.getEnumConstants()).forEach(c -> values.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT)));
        } else if (Map.class.isAssignableFrom(type)) {
            property.put("type", "object").putObject("additionalProperties").put("type", "string");
        } else if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            property.put("type", "array").set("items", property(element, element));
        } else {
            property.put("type", "object").put("additionalProperties", true);
        }
        return property;
    }

    private static String schemaName(String module, String action) {
        return capitalised(module) + capitalised(action) + "Input";
    }

    private static String capitalised(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[-_.]")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
