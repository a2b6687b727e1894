package nl.ouderportaal.web;

import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.action.GuardianActions;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.guardian.Profile;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.guardian.VisibleChild;
import nl.ouderportaal.core.validation.PortalValidationException;

/**
 * The guardian side of the JSON API (R-BEYOND-4), documented in {@code /api/openapi.json}. It serves the
 * same view models as the pages (docs/json.md), under the same session cookie, CSRF rule and visibility.
 */
final class GuardianApi {

    private final Web web;
    private final GuardianPages pages;

    GuardianApi(Web web, GuardianPages pages) {
        this.web = web;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/session", this::login);
        routes.delete("/api/session", ctx -> {
            String token = web.sessionToken(ctx);
            if (token != null) {
                web.portal.authentication().logout(token);
            }
            web.security.clearSessionCookie(ctx, Web.GUARDIAN_COOKIE);
            ctx.status(HttpStatus.NO_CONTENT);
        });
        routes.get("/api/csrf", ctx -> ctx.json(Map.of("token", WebSecurity.csrfToken(ctx))));
        routes.post("/api/password/forgot", ctx -> {
            web.portal.authentication().forgotPassword(AccountPages.bounded(Api.text(Api.body(ctx), "email"), 320),
                    web.background);
            ctx.status(HttpStatus.ACCEPTED).json(Map.of("message", web.text(ctx,
                    nl.ouderportaal.core.account.Authentication.RECOVERY_ANSWER)));
        });
        routes.post("/api/username/forgot", ctx -> {
            web.portal.authentication().forgotUsername(AccountPages.bounded(Api.text(Api.body(ctx), "email"), 320),
                    web.background);
            ctx.status(HttpStatus.ACCEPTED).json(Map.of("message", web.text(ctx,
                    nl.ouderportaal.core.account.Authentication.RECOVERY_ANSWER)));
        });
        routes.post("/api/password", this::setPassword);
        routes.get("/api/me", this::me);
        routes.put("/api/me/notifications", ctx -> {
            requireSession(ctx);
            JsonNode enabled = Api.body(ctx).get("enabled");
            if (enabled == null || !enabled.isBoolean()) {
                throw PortalValidationException.of("enabled", "Geef true of false op.", "Give true or false.");
            }
            web.portal.notifications().setEnabled(web.portal.authentication().writePermit(web.sessionToken(ctx)),
                    enabled.booleanValue());
            ctx.status(HttpStatus.NO_CONTENT);
        });
        routes.get("/api/me/correctable-fields", ctx -> ctx.json(
                web.portal.guardians().ownCorrectableFields(Viewer.of(requireSession(ctx)))));
        // Round 1's address of the profile's action "correct", kept as an alias with its own answer.
        routes.post("/api/me/change-requests", ctx -> {
            requireSession(ctx);
            ActionResult result = web.portal.actions().run(web.portal.authentication().writePermit(web.sessionToken(ctx)),
                    GuardianActions.PROFILE, "correct", Map.of("changes", changes(ctx))).orElseThrow(NotFound::new);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ids", result.details().get("ids"));
            // The schools without a change-request address: the guardian must tell them herself (issue 19).
            @SuppressWarnings("unchecked")
            List<String> notReached = (List<String>) result.details().getOrDefault("notReached", List.of());
            body.put("notReached", notReached.stream().map(school -> Map.of("school", school,
                    "name", GuardianPages.schoolName(web, ctx, nl.ouderportaal.spi.SchoolId.of(school)),
                    "message", web.text(ctx, GuardianPages.NOT_REACHED))).toList());
            ctx.status(HttpStatus.CREATED).json(body);
        });
        routes.get("/api/dashboard", ctx -> {
            Viewer viewer = Viewer.of(requireSession(ctx));
            Optional<String> kind = Optional.ofNullable(ctx.queryParam("kind")).filter(k -> !k.isBlank());
            nl.ouderportaal.core.guardian.DashboardPage page = web.dashboardPage(ctx, viewer, kind);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dashboard", page.dashboard());
            body.put("news", page.news());
            body.put("maintenance", maintenance(ctx));
            ctx.json(body);
        });
        routes.get("/api/children", ctx -> {
            requireSession(ctx);
            ctx.json(Map.of("items", web.home(ctx).orElseThrow().children().stream().map(GuardianApi::child).toList()));
        });
        routes.get("/api/children/{child}/correctable-fields", ctx -> {
            VisibleChild child = pages.child(ctx);
            ctx.json(web.portal.guardians().correctableFields(Viewer.of(requireSession(ctx)), child.student().id())
                    .orElseThrow(NotFound::new));
        });
        // Round 1's address of the About page's action "correct", kept as an alias with its own answer.
        routes.post("/api/children/{child}/change-requests", ctx -> {
            requireSession(ctx);
            var permit = web.portal.authentication().writePermit(web.sessionToken(ctx));
            VisibleChild child = pages.child(ctx);
            ActionResult result = web.portal.actions().run(permit, child.student().id(), GuardianActions.ABOUT, "correct",
                    Map.of("changes", changes(ctx))).orElseThrow(NotFound::new);
            ctx.status(HttpStatus.CREATED).json(Map.of("id", result.details().get("id")));
        });
        routes.get("/api/children/{child}/{module}", ctx -> {
            VisibleChild child = pages.child(ctx);
            Viewer viewer = Viewer.of(requireSession(ctx));
            String module = ctx.pathParam("module");
            // A page the viewer may not see answers 404 whatever its parameters, as for an unknown one; only a
            // visible page without earlier years refuses the school year (issue 19, item 18).
            var link = child.modules().stream().filter(m -> m.moduleId().equals(module)).findFirst();
            if (module.equals(GuardianPages.ABOUT) || link.isPresent()) {
                GuardianPages.onlyCurrentSchoolYear(ctx, link.map(nl.ouderportaal.core.guardian.ModuleLink::earlierSchoolYears).orElse(false));
            }
            var page = module.equals(GuardianPages.ABOUT)
                    ? web.portal.guardians().aboutChild(viewer, child.student().id())
                    : web.portal.guardians().modulePage(viewer, child.student().id(), module, GuardianPages.schoolYear(ctx));
            ctx.json(page.orElseThrow(NotFound::new));
        });
        routes.get("/api/children/{child}/{module}/sections/{anchor}", ctx -> {
            VisibleChild child = pages.child(ctx);
            String anchor = ctx.pathParam("anchor").replaceFirst("\\.pdf$", "");
            byte[] pdf = web.portal.guardians().sectionPdf(Viewer.of(requireSession(ctx)), child.student().id(),
                    ctx.pathParam("module"), GuardianPages.schoolYear(ctx), anchor, web.locale(ctx)).orElseThrow(NotFound::new);
            ctx.contentType("application/pdf").result(pdf);
        });
        routes.get("/api/school", ctx -> {
            Viewer viewer = Viewer.of(requireSession(ctx));
            ctx.json(Map.of("items", web.home(ctx).orElseThrow().children().stream().map(c -> c.school().id()).distinct()
                    .map(school -> web.portal.guardians().schoolPage(viewer, school)).flatMap(Optional::stream).toList()));
        });
    }

    /** Per school of the children in maintenance mode, the notice an app shows (issue 19); empty when none is. */
    private List<Map<String, Object>> maintenance(Context ctx) {
        return web.home(ctx).map(home -> home.maintenanceNotices().stream().map(notice -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("school", notice.school().value());
            item.put("message", web.text(ctx, notice.message()));
            return item;
        }).toList()).orElse(List.of());
    }

    private Session requireSession(Context ctx) {
        return pages.requireSession(ctx);
    }

    private void login(Context ctx) {
        JsonNode body = Api.body(ctx);
        // A client that sends no address gets told which field is missing, not the generic refusal.
        if (!body.hasNonNull("email")) {
            throw PortalValidationException.of("email", "Vul je e-mailadres in.", "Fill in your email address.");
        }
        if (!body.hasNonNull("password")) {
            throw PortalValidationException.of("password", "Vul je wachtwoord in.", "Fill in your password.");
        }
        LoginResult result = web.portal.authentication().login(AccountPages.bounded(Api.text(body, "email"), 320),
                AccountPages.bounded(Api.text(body, "password"), 1024));
        if (result instanceof LoginResult.Success success) {
            web.startGuardianSession(ctx, success.sessionToken());
            ctx.json(Map.of("guardian", success.guardian().value()));
        } else {
            Api.error(ctx, HttpStatus.UNAUTHORIZED, "login-refused", web.text(ctx, LoginResult.REFUSED));
        }
    }

    /** One endpoint for both links: an invitation's token and a reset's token are told apart by the core. */
    private void setPassword(Context ctx) {
        JsonNode body = Api.body(ctx);
        String token = AccountPages.bounded(Api.text(body, "token"), 200);
        String password = AccountPages.bounded(Api.text(body, "password"), 1024);
        web.portal.authentication().setPasswordFromLink(token, password);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void me(Context ctx) {
        Session session = requireSession(ctx);
        Profile profile = web.portal.guardians().profile(Viewer.of(session)).orElseThrow(NotFound::new);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", profile.guardian().id());
        body.put("name", profile.guardian().name().displayName());
        body.put("username", profile.username());
        body.put("status", profile.status());
        body.put("lastLogin", profile.lastLogin());
        body.put("notificationsEnabled", profile.notificationsEnabled());
        body.put("impersonatedBy", session.isImpersonation() ? session.impersonatorName() : null);
        body.put("correctableFields", profile.correctableFields());
        body.put("maintenance", maintenance(ctx));
        body.put("impersonations", profile.impersonations().stream().map(visit -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", visit.started());
            item.put("by", visit.actorName() == null ? "" : visit.actorName());
            item.put("ended", visit.ended());
            item.put("viewed", visit.viewed());
            return item;
        }).toList());
        ctx.json(body);
    }

    private static Map<String, Object> child(VisibleChild child) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", child.student().id());
        item.put("name", child.student().name().displayName());
        item.put("school", Map.of("id", child.school().id(), "name", child.school().name()));
        item.put("group", child.currentGroup() == null ? null : child.currentGroup().name());
        item.put("modules", child.modules().stream().map(m -> {
            Map<String, Object> module = new LinkedHashMap<>();
            module.put("id", m.moduleId());
            module.put("name", m.name());
            module.put("placement", m.placement());
            module.put("earlierSchoolYears", m.earlierSchoolYears());
            return module;
        }).toList());
        return item;
    }

    /** {@code {changes: {field: newValue}}}: every value text; a clear 400 otherwise. */
    private static Map<String, String> changes(Context ctx) {
        JsonNode changes = Api.body(ctx).get("changes");
        if (changes == null || !changes.isObject()) {
            throw PortalValidationException.of("changes", "Geef de wijzigingen op als {\"changes\": {\"veld\": \"nieuwe waarde\"}}.",
                    "Give the changes as {\"changes\": {\"field\": \"new value\"}}.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        var fields = changes.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                throw PortalValidationException.of(field.getKey(), "Dit veld moet tekst zijn.", "This field must be text.");
            }
            values.put(AccountPages.bounded(field.getKey(), 100), AccountPages.bounded(field.getValue().asText(), 2000));
        }
        return values;
    }
}
