package nl.ouderportaal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.action.GuardianActions;
import nl.ouderportaal.core.action.OfferedAction;
import nl.ouderportaal.core.account.WritePermit;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.guardian.VisibleChild;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.action.ActionPlacement;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;

/**
 * Every module's guardian actions (R-ACT-5), rendered generically: a form page per action and forms under
 * the items they are about, and the JSON API that lists and runs them. Whether an action may run is the
 * core's to decide ({@link GuardianActions}); this class only turns requests into calls and answers into
 * pages and JSON. It names no content module.
 */
final class ActionRoutes {

    private final Web web;
    private final GuardianPages pages;

    ActionRoutes(Web web, GuardianPages pages) {
        this.web = web;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/children/{child}/actions", ctx -> {
            VisibleChild child = pages.child(ctx);
            List<OfferedAction> offered = web.portal.actions().forChild(viewer(ctx), child.student().id())
                    .orElseThrow(NotFound::new);
            ctx.json(Map.of("items", offered.stream().map(a -> describe(a, "/api/children/" + child.student().id().value())).toList()));
        });
        routes.post("/api/children/{child}/{module}/actions/{action}", ctx -> {
            WritePermit permit = permit(ctx);
            VisibleChild child = pages.child(ctx);
            ActionResult result = web.portal.actions().run(permit, child.student().id(), ctx.pathParam("module"),
                    ctx.pathParam("action"), jsonInput(ctx)).orElseThrow(NotFound::new);
            answer(ctx, result);
        });
        routes.get("/api/me/actions", ctx -> ctx.json(Map.of("items", web.portal.actions().forGuardian(viewer(ctx)).stream()
                .map(a -> describe(a, "/api/me")).toList())));
        routes.post("/api/me/{module}/actions/{action}", ctx -> {
            WritePermit permit = permit(ctx);
            ActionResult result = web.portal.actions().run(permit, ctx.pathParam("module"), ctx.pathParam("action"),
                    jsonInput(ctx)).orElseThrow(NotFound::new);
            answer(ctx, result);
        });

        routes.get("/children/{child}/{module}/actions/{action}", ctx -> childForm(ctx, Map.of(), Map.of()));
        routes.post("/children/{child}/{module}/actions/{action}", ctx -> childPost(ctx, ctx.pathParam("module"), ctx.pathParam("action")));
        // Round 1's form addresses of the About page's and the profile's action "correct" (the GET ones redirect).
        routes.post("/children/{child}/corrections", ctx -> childPost(ctx, GuardianActions.ABOUT, "correct"));
        routes.post("/profile/corrections", ctx -> ownPost(ctx, GuardianActions.PROFILE, "correct"));
        routes.get("/profile/{module}/actions/{action}", ctx -> ownForm(ctx, Map.of(), Map.of()));
        routes.post("/profile/{module}/actions/{action}", ctx -> ownPost(ctx, ctx.pathParam("module"), ctx.pathParam("action")));
    }

    /** The JSON description of an offered action: what a client needs to render and post its form. */
    static Map<String, Object> describe(OfferedAction action, String base) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("module", action.module());
        item.put("id", action.id());
        item.put("name", action.name());
        item.put("scope", action.scope());
        item.put("placement", action.placements().stream().sorted().findFirst().map(Enum::name).orElse(null));
        item.put("placements", action.placements().stream().sorted().map(Enum::name).toList());
        item.put("available", action.available());
        item.put("reason", action.reason());
        item.put("intro", action.form().intro());
        item.put("submit", action.form().submit());
        item.put("href", base + "/" + action.module() + "/actions/" + action.id());
        item.put("fields", action.form().fields());
        return item;
    }

    private Viewer viewer(Context ctx) {
        return Viewer.of(pages.requireSession(ctx));
    }

    /** An impersonation cannot produce a permit: the core refuses it with the seed's message (403 read-only). */
    private WritePermit permit(Context ctx) {
        pages.requireSession(ctx);
        return web.portal.authentication().writePermit(web.sessionToken(ctx));
    }

    private static void answer(Context ctx, ActionResult result) {
        Map<String, Object> body = new LinkedHashMap<>(result.details());
        body.put("message", result.message());
        body.put("reference", result.reference());
        ctx.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).json(body);
    }

    /** The body's members as plain values; nested objects only one level deep (a map input's entries). */
    static Map<String, Object> jsonInput(Context ctx) {
        JsonNode body = Api.body(ctx);
        Map<String, Object> input = new LinkedHashMap<>();
        var fields = body.fields();
        while (fields.hasNext() && input.size() < 200) {
            var field = fields.next();
            input.put(AccountPages.bounded(field.getKey(), 100), value(field.getValue(), true));
        }
        return input;
    }

    private static Object value(JsonNode node, boolean nest) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return AccountPages.bounded(node.asText(), 20_000);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isObject() && nest) {
            Map<String, Object> nested = new LinkedHashMap<>();
            var fields = node.fields();
            while (fields.hasNext() && nested.size() < 200) {
                var field = fields.next();
                nested.put(AccountPages.bounded(field.getKey(), 100), value(field.getValue(), false));
            }
            return nested;
        }
        // An array or a deeper object: the binder refuses it with the field named.
        return List.of();
    }

    private void childForm(Context ctx, Map<String, String> values, Map<String, String> errors) {
        childForm(ctx, ctx.pathParam("module"), ctx.pathParam("action"), values, errors);
    }

    private void childForm(Context ctx, String module, String actionId, Map<String, String> values, Map<String, String> errors) {
        VisibleChild child = pages.child(ctx);
        Viewer viewer = viewer(ctx);
        OfferedAction action = web.portal.actions().find(viewer, child.student().id(), module, actionId)
                .orElseThrow(NotFound::new);
        String base = "/children/" + child.student().id().value() + "/" + action.module();
        web.render(ctx, "action.jte", "ui", web.ui(ctx).withErrors(errors), "action", action,
                "subtitle", child.student().name().displayName(), "target", base + "/actions/" + action.id(),
                "back", base, "values", values, "readOnly", viewer.isImpersonation());
    }

    private void childPost(Context ctx, String module, String actionId) {
        VisibleChild child = pages.child(ctx);
        Map<String, String> values = formValues(ctx);
        ActionResult result;
        try {
            WritePermit permit = permit(ctx);
            OfferedAction action = web.portal.actions().find(Viewer.of(permit), child.student().id(), module, actionId)
                    .orElseThrow(NotFound::new);
            result = web.portal.actions().run(permit, child.student().id(), module, action.id(), typed(action, values))
                    .orElseThrow(NotFound::new);
        } catch (PortalValidationException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            childForm(ctx, module, actionId, values, Api.fields(e, web.locale(ctx)));
            return;
        }
        pages.showChildPage(ctx, child, module, web.text(ctx, result.message()));
    }

    private void ownForm(Context ctx, Map<String, String> values, Map<String, String> errors) {
        ownForm(ctx, ctx.pathParam("module"), ctx.pathParam("action"), values, errors);
    }

    private void ownForm(Context ctx, String module, String actionId, Map<String, String> values, Map<String, String> errors) {
        Viewer viewer = viewer(ctx);
        OfferedAction action = web.portal.actions().find(viewer, module, actionId).orElseThrow(NotFound::new);
        web.render(ctx, "action.jte", "ui", web.ui(ctx).withErrors(errors), "action", action, "subtitle", null,
                "target", "/profile/" + action.module() + "/actions/" + action.id(), "back", "/profile", "values", values,
                "readOnly", viewer.isImpersonation());
    }

    private void ownPost(Context ctx, String module, String actionId) {
        Map<String, String> values = formValues(ctx);
        ActionResult result;
        try {
            WritePermit permit = permit(ctx);
            OfferedAction action = web.portal.actions().find(Viewer.of(permit), module, actionId).orElseThrow(NotFound::new);
            result = web.portal.actions().run(permit, action.module(), action.id(), typed(action, values))
                    .orElseThrow(NotFound::new);
        } catch (PortalValidationException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            ownForm(ctx, module, actionId, values, Api.fields(e, web.locale(ctx)));
            return;
        }
        pages.showProfile(ctx, web.text(ctx, result.message()));
    }

    /** A page's form as the JSON values the binder expects: a checkbox is true or false, a number a number. */
    private static Map<String, Object> typed(OfferedAction action, Map<String, String> values) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (FormField field : action.form().fields()) {
            String value = values.get(field.name());
            if (field.kind() == FieldKind.CHECKBOX) {
                input.put(field.name(), "true".equals(value));
            } else if (value != null) {
                input.put(field.name(), field.kind() == FieldKind.NUMBER ? number(value) : value);
            }
        }
        values.keySet().stream().filter(key -> action.form().fields().stream().noneMatch(f -> f.name().equals(key)))
                .forEach(key -> input.put(key, values.get(key)));
        return input;
    }

    private static Object number(String value) {
        try {
            return value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    static Map<String, String> formValues(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        ctx.formParamMap().forEach((key, list) -> {
            if (!key.equals(WebSecurity.CSRF_FIELD) && !list.isEmpty() && values.size() < 100) {
                values.put(AccountPages.bounded(key, 100), AccountPages.bounded(list.get(0), 20_000));
            }
        });
        return values;
    }

    /** The item forms a module page shows under its sections: available ITEM actions, for a guardian's own session. */
    static List<OfferedAction> itemActions(List<OfferedAction> offered, String module, boolean impersonation) {
        return impersonation ? List.of() : offered.stream()
                .filter(a -> a.module().equals(module) && a.available() && a.placements().contains(ActionPlacement.ITEM)
                        && a.form().itemField().isPresent())
                .toList();
    }

    /** The buttons a module page shows: PAGE actions of that module, available or with the reason why not. */
    static List<OfferedAction> pageActions(List<OfferedAction> offered, String module) {
        return offered.stream().filter(a -> a.module().equals(module) && a.placements().contains(ActionPlacement.PAGE)).toList();
    }
}
