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
            return node;
        } catch (java.io.IOException e) {
            throw badJson();
        }
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
