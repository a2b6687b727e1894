package nl.ouderportaal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ouderportaal.core.account.InvitationPreview;
import nl.ouderportaal.core.admin.OverviewRow;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.news.NewsMessage;
import nl.ouderportaal.core.settings.ModuleState;
import nl.ouderportaal.core.settings.SchoolSettings;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;

/**
 * The staff side of the JSON API (R-BEYOND-4), documented in {@code /api/openapi.json}: settings, modules,
 * news, the guardian overview with invitations, deactivation, viewing rights and the Excel export, log in
 * as guardian, and the audit log. A staff session comes from the host's authenticator ({@code POST
 * /api/admin/session}); writes need the CSRF token like every other write; a staff user serving several
 * schools names one with {@code ?school=}. Every check of role and school is the core's.
 */
final class AdminApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final LocalizedText LOGIN_REFUSED = LocalizedText.of(
            "Deze combinatie van gebruikersnaam en wachtwoord is onbekend.", "This username and password are not known.");
    private static final int AUDIT_LIMIT = 500;

    private final Web web;
    private final AdminAccess access;

    AdminApi(Web web, AdminAccess access) {
        this.web = web;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/admin/session", this::logIn);
        routes.get("/api/admin/session", ctx -> ctx.json(staffJson(access.requireStaff(ctx))));
        routes.delete("/api/admin/session", ctx -> {
            access.logOut(ctx);
            ctx.status(HttpStatus.NO_CONTENT);
        });

        routes.get("/api/admin/settings", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            ctx.json(settingsJson(web.portal.administration().settings(actor, school(ctx, actor))));
        });
        routes.put("/api/admin/settings", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            ctx.json(settingsJson(web.portal.administration().updateSettings(actor, school,
                    AdminForms.settings(Api.body(ctx)))));
        });
        routes.get("/api/admin/settings/image", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            web.portal.administration().settings(actor, school);
            ctx.contentType("image/png").result(web.portal.configuration().dashboardImage(school));
        });
        routes.put("/api/admin/settings/image", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            web.portal.administration().setDashboardImage(actor, school, web.uploads.read(web, ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        routes.delete("/api/admin/settings/image", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            web.portal.administration().removeDashboardImage(actor, school(ctx, actor));
            ctx.status(HttpStatus.NO_CONTENT);
        });

        routes.get("/api/admin/modules", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            ctx.json(Map.of("items", web.portal.administration().modules(actor, school(ctx, actor)).stream()
                    .map(AdminApi::moduleJson).toList()));
        });
        routes.put("/api/admin/modules/{id}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            JsonNode body = Api.body(ctx);
            ModuleState state = module(actor, school, ctx.pathParam("id"));
            boolean active = body.has("active") ? AdminForms.bool(body, "active") : state.moduleSwitch().active();
            boolean dashboard = body.has("dashboard") ? AdminForms.bool(body, "dashboard") : state.moduleSwitch().onDashboard();
            Object options = AdminForms.options(state.descriptor(), state.options(), body.get("options"));
            AdminModules.apply(web, actor, school, state, active, dashboard, options);
            ctx.json(moduleJson(module(actor, school, ctx.pathParam("id"))));
        });

        routes.get("/api/admin/news", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            Optional<GroupId> group = Optional.ofNullable(ctx.queryParam("group")).filter(g -> !g.isBlank())
                    .map(g -> AdminForms.id(g, "group", GroupId::of));
            ctx.json(Map.of("items", web.portal.news().overview(actor, school,
                    Optional.ofNullable(ctx.queryParam("subject")), group).stream().map(AdminApi::newsJson).toList()));
        });
        routes.get("/api/admin/news/{id}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            ctx.json(newsJson(web.portal.news().find(actor, school(ctx, actor), AdminForms.newsId(ctx)).orElseThrow(NotFound::new)));
        });
        routes.post("/api/admin/news", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            long id = web.portal.news().create(actor, school, AdminForms.news(Api.body(ctx)));
            ctx.status(HttpStatus.CREATED).json(newsJson(web.portal.news().find(actor, school, id).orElseThrow()));
        });
        routes.put("/api/admin/news/{id}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            long id = AdminForms.newsId(ctx);
            web.portal.news().find(actor, school, id).orElseThrow(NotFound::new);
            web.portal.news().update(actor, school, id, AdminForms.news(Api.body(ctx)));
            ctx.json(newsJson(web.portal.news().find(actor, school, id).orElseThrow()));
        });
        routes.delete("/api/admin/news/{id}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            long id = AdminForms.newsId(ctx);
            web.portal.news().find(actor, school, id).orElseThrow(NotFound::new);
            web.portal.news().delete(actor, school, id);
            ctx.status(HttpStatus.NO_CONTENT);
        });
        routes.get("/api/admin/groups", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            ctx.json(Map.of("items", web.portal.accountOverview().groups(actor, school(ctx, actor)).stream()
                    .map(g -> Map.of("id", g.id().value(), "name", g.name())).toList()));
        });

        routes.get("/api/admin/guardians", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            List<OverviewRow> rows = web.portal.accountOverview().list(actor, school, AdminForms.filter(ctx::queryParam));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", rows.stream().map(AdminApi::guardianJson).toList());
            body.put("viewingRightsEditable", web.portal.viewingRights().supported());
            ctx.json(body);
        });
        routes.get("/api/admin/guardians.xlsx", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            xlsx(ctx, actor, school(ctx, actor));
        });
        routes.post("/api/admin/invitations/preview", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            List<GuardianId> ids = AdminForms.guardianIds(AdminForms.texts(Api.body(ctx), "guardianIds"));
            ctx.json(invitationJson(web.portal.invitations().preview(actor, school, ids), web.locale(ctx)));
        });
        routes.post("/api/admin/invitations", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            List<GuardianId> ids = AdminForms.guardianIds(AdminForms.texts(Api.body(ctx), "guardianIds"));
            ctx.json(invitationJson(web.portal.invitations().invite(actor, school, ids), web.locale(ctx)));
        });
        routes.post("/api/admin/guardians/{id}/invitation", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            ctx.json(invitationJson(web.portal.invitations().inviteOne(actor, school, AdminForms.guardianId(ctx)), web.locale(ctx)));
        });
        routes.post("/api/admin/guardians/{id}/deactivate", ctx -> {
            StaffActor actor = access.requireAccountStaff(ctx);
            web.portal.accounts().deactivate(actor, AdminForms.guardianId(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        routes.put("/api/admin/guardians/{id}/email", ctx -> {
            StaffActor actor = access.requireAccountStaff(ctx);
            SchoolId school = school(ctx, actor);
            GuardianId guardian = AdminForms.guardianId(ctx);
            boolean changed = web.portal.accountEmails().change(actor, school, guardian, Api.text(Api.body(ctx), "email"));
            ctx.json(Map.of("guardianId", guardian.value(), "changed", changed));
        });
        routes.put("/api/admin/guardians/emails", ctx -> {
            StaffActor actor = access.requireAccountStaff(ctx);
            SchoolId school = school(ctx, actor);
            Map<GuardianId, String> emails = AdminForms.emailsByGuardian(Api.body(ctx), "emails");
            ctx.json(Map.of("changed", web.portal.accountEmails().changeAll(actor, school, emails)));
        });
        routes.put("/api/admin/guardians/{id}/viewing-rights/{childId}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            StudentId child = AdminForms.id(ctx.pathParam("childId"), "child", StudentId::of);
            web.portal.viewingRights().set(actor, school, AdminForms.guardianId(ctx), child, AdminForms.bool(Api.body(ctx), "on"));
            ctx.status(HttpStatus.NO_CONTENT);
        });

        routes.post("/api/admin/impersonation", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            GuardianId guardian = AdminForms.id(Api.text(Api.body(ctx), "guardianId"), "guardianId", GuardianId::of);
            AdminImpersonation.start(web, ctx, actor, guardian);
            ctx.status(HttpStatus.CREATED).json(Map.of("guardianId", guardian.value()));
        });
        routes.delete("/api/admin/impersonation", ctx -> {
            AdminImpersonation.end(web, ctx);
            ctx.status(HttpStatus.NO_CONTENT);
        });

        routes.get("/api/admin/audit", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            ctx.json(Map.of("items", web.portal.administration().auditLog(actor, school(ctx, actor), AUDIT_LIMIT).stream()
                    .map(AdminApi::auditJson).toList()));
        });
    }

    private void logIn(Context ctx) {
        if (!access.canLogIn()) {
            throw new NotFound();
        }
        JsonNode body = Api.body(ctx);
        Optional<StaffActor> actor = access.logIn(ctx, Api.text(body, "username"), Api.text(body, "password"));
        if (actor.isEmpty()) {
            Api.error(ctx, HttpStatus.UNAUTHORIZED, "login-refused", web.text(ctx, LOGIN_REFUSED));
            return;
        }
        ctx.json(staffJson(actor.get()));
    }

    private SchoolId school(Context ctx, StaffActor actor) {
        return access.school(ctx, actor, false);
    }

    private ModuleState module(StaffActor actor, SchoolId school, String id) {
        return web.portal.administration().modules(actor, school).stream()
                .filter(m -> m.descriptor().id().equals(id)).findFirst().orElseThrow(NotFound::new);
    }

    void xlsx(Context ctx, StaffActor actor, SchoolId school) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        web.portal.accountOverview().exportXlsx(actor, school, AdminForms.filter(ctx::queryParam), web.locale(ctx), out);
        ctx.header("Content-Disposition", "attachment; filename=\"" + (web.ui(ctx).english() ? "guardians" : "verzorgers")
                + "-" + school.value().replaceAll("[^A-Za-z0-9_-]", "_") + ".xlsx\"");
        ctx.contentType(XLSX).result(out.toByteArray());
    }

    static Map<String, Object> staffJson(StaffActor actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", actor.id().value());
        body.put("name", actor.name());
        body.put("roles", actor.roles().stream().map(Enum::name).sorted().toList());
        body.put("schools", actor.schools().stream().map(SchoolId::value).sorted().toList());
        return body;
    }

    static Map<String, Object> settingsJson(SchoolSettings settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("school", settings.schoolId().value());
        body.put("changeRequestEmail", settings.changeRequestEmail());
        body.put("websiteUrl", settings.websiteUrl());
        body.put("maintenanceMode", settings.maintenanceMode());
        return body;
    }

    static Map<String, Object> moduleJson(ModuleState state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", state.descriptor().id());
        body.put("name", state.descriptor().name());
        body.put("active", state.moduleSwitch().active());
        body.put("dashboard", state.moduleSwitch().onDashboard());
        body.put("dashboardCapable", state.descriptor().dashboardCapable());
        // A module without options has none to show: {} rather than the NoOptions singleton's name.
        body.put("options", state.options() instanceof nl.ouderportaal.spi.module.NoOptions ? Map.of() : state.options());
        return body;
    }

    static Map<String, Object> newsJson(NewsMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("subject", message.subject());
        body.put("date", message.date());
        body.put("publishFrom", message.publishFrom());
        body.put("publishUntil", message.publishUntil());
        body.put("groups", message.groups().stream().map(GroupId::value).sorted().toList());
        body.put("text", message.html());
        return body;
    }

    static Map<String, Object> guardianJson(OverviewRow row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", row.guardian().value());
        body.put("name", row.name().displayName());
        body.put("email", row.email());
        body.put("status", row.status().name());
        body.put("lastLogin", row.lastLogin());
        body.put("lastInvitation", row.lastInvitation() == null ? null : Map.of(
                "state", row.lastInvitation().state().name(), "queuedAt", row.lastInvitation().queuedAt()));
        body.put("children", row.children().stream().map(c -> {
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("id", c.student().value());
            child.put("name", c.name().displayName());
            child.put("group", c.group());
            child.put("viewingRight", c.viewingRight());
            return child;
        }).toList());
        return body;
    }

    static Map<String, Object> invitationJson(InvitationPreview preview, java.util.Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", preview.summary().in(locale));
        body.put("recipients", preview.recipients().stream().map(r -> Map.of(
                "id", r.guardian().value(), "name", r.name(), "email", r.email())).toList());
        body.put("skipped", preview.skipped().entrySet().stream().map(e -> Map.of(
                "id", e.getKey().value(), "reason", e.getValue().name(), "message", e.getValue().text().in(locale)))
                .toList());
        return body;
    }

    static Map<String, Object> auditJson(AuditEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", event.at());
        body.put("action", event.action());
        body.put("actorType", event.actorType().name());
        body.put("actorName", event.actorName());
        body.put("guardianId", event.guardian() == null ? null : event.guardian().value());
        body.put("detail", event.detail());
        return body;
    }
}
