package nl.ouderportaal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;

/** The JSON API's common answers: every error is {@code {error, message, fields}}. */
final class Api {

    /** Every {@code error} code an answer can carry; the OpenAPI document names each (a test checks it). */
    static final java.util.List<String> ERROR_CODES = java.util.List.of("validation", "csrf", "login-refused",
            "not-logged-in", "read-only", "forbidden", "not-found", "internal", "bad-request", "busy", "too-large",
            "unsupported-media-type");

    private Api() {
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    static void error(Context ctx, HttpStatus status, String error, String message) {
        error(ctx, status, error, message, Map.of());
    }

    static void error(Context ctx, HttpStatus status, String error, String message, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        body.put("fields", fields);
        ctx.status(status).json(body);
    }

    /** An error with values beside the message (a conflict's nearest free slots). */
    static void error(Context ctx, HttpStatus status, String error, String message, Map<String, String> fields,
                      Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>(details);
        body.put("error", error);
        body.put("message", message);
        body.put("fields", fields);
        ctx.status(status).json(body);
    }

    static void validationError(Context ctx, PortalValidationException e, Locale locale) {
        error(ctx, HttpStatus.BAD_REQUEST, "validation", e.message(locale), fields(e, locale));
    }

    static Map<String, String> fields(PortalValidationException e, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Violation violation : e.violations()) {
            fields.merge(violation.field().isEmpty() ? "_" : violation.field(), violation.message().in(locale),
                    (a, b) -> a + " " + b);
        }
        return fields;
    }

    /** The request body as a JSON object; a clear 400 (as a validation error) when it is not one. */
    static JsonNode body(Context ctx) {
        try {
            JsonNode node = PortalJson.mapper().readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw badJson();
            }
            refuseControlCharacters(node, "");
            return node;
        } catch (java.io.IOException e) {
            throw badJson();
        }
    }

    /**
     * Refuses text with control characters (a NUL, an escape, ...; tab and line breaks are text) anywhere in a
     * JSON value, naming the field: such a character is never what a person meant, and some parsers read "true"
     * followed by a NUL as false (issue 19).
     */
    static void refuseControlCharacters(JsonNode node, String path) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            if (hasControlCharacter(node.textValue())) {
                throw controlCharacter(path);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (hasControlCharacter(e.getKey())) {
                    throw controlCharacter(path);
                }
                refuseControlCharacters(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseControlCharacters(node.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i);
            }
        }
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    private static PortalValidationException controlCharacter(String field) {
        return PortalValidationException.of(field, "Dit veld bevat een onzichtbaar stuurteken. Typ de waarde opnieuw in.",
                "This field holds an invisible control character. Type the value again.");
    }

    static PortalValidationException badJson() {
        return PortalValidationException.of("", WebTexts.BAD_JSON.nl(), WebTexts.BAD_JSON.en());
    }

    /** A text member of the body; {@code ""} when absent, a clear 400 when it is not text. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw PortalValidationException.of(field, "Dit veld moet tekst zijn.", "This field must be text.");
        }
        return value.asText();
    }
}
