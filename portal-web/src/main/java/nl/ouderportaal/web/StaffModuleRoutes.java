package nl.ouderportaal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.action.OfferedStaffAction;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.StaffTable;

/**
 * Modules' staff views and staff actions (R-ACT-7) on the administration pages and in the JSON API,
 * rendered generically: a table with xlsx and PDF downloads, a form per action. The core decides who may
 * see or run them ({@link nl.ouderportaal.core.action.StaffActions}); this class names no content module.
 */
final class StaffModuleRoutes {

    private final Web web;
    private final AdminAccess access;

    StaffModuleRoutes(Web web, AdminAccess access) {
        this.web = web;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/admin/module-tools", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = access.school(ctx, actor, false);
            ctx.json(Map.of("views", web.portal.staffActions().views(actor, school),
                    "actions", web.portal.staffActions().actions(actor, school)));
        });
        routes.get("/api/admin/modules/{module}/views/{view}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = access.school(ctx, actor, false);
            download(ctx, actor, school, true);
        });
        routes.post("/api/admin/modules/{module}/actions/{action}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = access.school(ctx, actor, false);
            ActionResult result = web.portal.staffActions().run(actor, school, ctx.pathParam("module"), ctx.pathParam("action"),
                    ActionRoutes.jsonInput(ctx)).orElseThrow(NotFound::new);
            Map<String, Object> body = new LinkedHashMap<>(result.details());
            body.put("message", result.message());
            body.put("reference", result.reference());
            ctx.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).json(body);
        });

        routes.get("/admin/modules/{module}/views/{view}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = access.school(ctx, actor, true);
            download(ctx, actor, school, false);
        });
        routes.get("/admin/modules/{module}/actions/{action}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            actionForm(ctx, actor, access.school(ctx, actor, true), Map.of(), Map.of(), null);
        });
        routes.post("/admin/modules/{module}/actions/{action}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = access.school(ctx, actor, true);
            OfferedStaffAction action = web.portal.staffActions().find(actor, school, ctx.pathParam("module"),
                    ctx.pathParam("action")).orElseThrow(NotFound::new);
            Map<String, String> values = ActionRoutes.formValues(ctx);
            values.remove("school");
            try {
                ActionResult result = web.portal.staffActions().run(actor, school, action.module(), action.id(),
                        typed(action, values)).orElseThrow(NotFound::new);
                actionForm(ctx, actor, school, Map.of(), Map.of(), web.text(ctx, result.message()));
            } catch (PortalValidationException e) {
                ctx.status(HttpStatus.BAD_REQUEST);
                actionForm(ctx, actor, school, values, Api.fields(e, web.locale(ctx)), null);
            }
        });
    }

    /** A view as JSON (the API), an HTML table (the pages), or its .xlsx or .pdf download (both). */
    private void download(Context ctx, StaffActor actor, SchoolId school, boolean api) throws java.io.IOException {
        String view = ctx.pathParam("view");
        String format = view.endsWith(".xlsx") ? "xlsx" : view.endsWith(".pdf") ? "pdf" : api ? "json" : "html";
        String id = view.replaceFirst("\\.(xlsx|pdf)$", "");
        Map<String, String> parameters = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((key, list) -> {
            if (!key.equals("school") && !list.isEmpty() && parameters.size() < 20) {
                parameters.put(AccountPages.bounded(key, 40), AccountPages.bounded(list.get(0), 200));
            }
        });
        StaffTable table = web.portal.staffActions().view(actor, school, ctx.pathParam("module"), id, parameters)
                .orElseThrow(NotFound::new);
        String file = ctx.pathParam("module") + "-" + id;
        switch (format) {
            case "xlsx" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                web.portal.staffActions().writeXlsx(table, web.locale(ctx), out);
                ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(out.toByteArray());
            }
            case "pdf" -> ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".pdf\"")
                    .contentType("application/pdf").result(web.portal.staffActions().pdf(table, school, web.locale(ctx)));
            case "json" -> ctx.json(table);
            default -> web.render(ctx, "admin/staffview.jte", "view", AdminPages.adminView(web, ctx, actor, school),
                    "table", table, "base", ctx.path(), "query", ctx.queryString() == null ? "" : "?" + ctx.queryString());
        }
    }

    private void actionForm(Context ctx, StaffActor actor, SchoolId school, Map<String, String> values,
                            Map<String, String> errors, String status) {
        OfferedStaffAction action = web.portal.staffActions().find(actor, school, ctx.pathParam("module"),
                ctx.pathParam("action")).orElseThrow(NotFound::new);
        web.render(ctx, "admin/staffaction.jte", "ui", web.ui(ctx).withErrors(errors),
                "view", AdminPages.adminView(web, ctx, actor, school), "action", action, "values", values, "status", status,
                "target", ctx.path() + "?school=" + school.value());
    }

    private static Map<String, Object> typed(OfferedStaffAction action, Map<String, String> values) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (FormField field : action.form().fields()) {
            String value = values.get(field.name());
            if (field.kind() == FieldKind.CHECKBOX) {
                input.put(field.name(), "true".equals(value));
            } else if (value != null) {
                input.put(field.name(), value);
            }
        }
        values.keySet().stream().filter(k -> action.form().fields().stream().noneMatch(f -> f.name().equals(k)))
                .forEach(k -> input.put(k, values.get(k)));
        return input;
    }
}
