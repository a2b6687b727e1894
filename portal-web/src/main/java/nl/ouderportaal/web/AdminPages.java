package nl.ouderportaal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.account.AccountEmails;
import nl.ouderportaal.core.account.InvitationPreview;
import nl.ouderportaal.core.admin.OverviewFilter;
import nl.ouderportaal.core.admin.OverviewRow;
import nl.ouderportaal.core.news.NewsCommand;
import nl.ouderportaal.core.news.NewsMessage;
import nl.ouderportaal.core.settings.ModuleState;
import nl.ouderportaal.core.settings.SchoolSettings;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Group;

/**
 * The administration pages (Beheer): settings with the dashboard image, modules with their options, news,
 * the guardian overview with bulk invitation (selection, confirmation, result), per-guardian actions
 * (invite, correct the email address, deactivate, viewing rights per child, log in as guardian), the Excel
 * export and the audit log.
 * Plain HTML forms that work without JavaScript; a handled form redirects with {@code ?done=} so a reload
 * does not send it again. Texts come from the {@code admin-messages} bundle.
 */
final class AdminPages {

    private static final Set<String> DONE = Set.of("settings", "image", "imageRemoved", "module", "newsCreated",
            "newsUpdated", "newsDeleted", "invited", "deactivated", "viewingRight", "impersonationEnded", "emailsChanged",
            "emailsUnchanged");
    private static final int AUDIT_LIMIT = 200;
    /** Guardians per page of the overview; "all in this list" still takes every page. */
    static final int PAGE_SIZE = 100;

    private final Web web;
    private final AdminAccess access;
    private final AdminApi api;

    AdminPages(Web web, AdminAccess access, AdminApi api) {
        this.web = web;
        this.access = access;
        this.api = api;
    }

    void register(RoutesConfig routes) {
        routes.exception(AdminAccess.StaffLoginRequired.class, (e, ctx) -> {
            if (Api.isApi(ctx)) {
                Api.error(ctx, HttpStatus.UNAUTHORIZED, "not-logged-in", web.text(ctx, WebTexts.NOT_LOGGED_IN));
            } else {
                ctx.redirect("/admin/login");
            }
        });
        routes.get("/admin", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            ctx.redirect(actor.has(StaffActor.Role.ADMIN) ? "/admin/settings" : "/admin/guardians");
        });
        routes.get("/admin/login", ctx -> loginPage(ctx, "", null));
        routes.post("/admin/login", this::logIn);
        routes.post("/admin/logout", ctx -> {
            access.logOut(ctx);
            ctx.redirect("/admin/login?loggedOut=1");
        });

        routes.get("/admin/settings", ctx -> settingsPage(ctx, null, Map.of()));
        routes.post("/admin/settings", this::saveSettings);
        routes.get("/admin/settings/image", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            web.portal.administration().settings(actor, school);
            ctx.contentType("image/png").result(web.portal.configuration().dashboardImage(school));
        });
        routes.post("/admin/settings/image", this::uploadImage);
        routes.post("/admin/settings/image/delete", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            web.portal.administration().removeDashboardImage(actor, school);
            done(ctx, actor, "/admin/settings", "imageRemoved");
        });

        routes.get("/admin/modules", ctx -> modulesPage(ctx, null, Map.of()));
        routes.post("/admin/modules/{id}", this::saveModule);

        routes.get("/admin/news", this::newsList);
        routes.get("/admin/news/new", ctx -> newsForm(ctx, null, null, Map.of()));
        routes.post("/admin/news", ctx -> saveNews(ctx, null));
        routes.get("/admin/news/{id}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            NewsMessage message = web.portal.news().find(actor, school(ctx, actor), AdminForms.newsId(ctx)).orElseThrow(NotFound::new);
            newsForm(ctx, message.id(), formOf(message), Map.of());
        });
        routes.post("/admin/news/{id}", ctx -> saveNews(ctx, AdminForms.newsId(ctx)));
        routes.get("/admin/news/{id}/delete", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            NewsMessage message = web.portal.news().find(actor, school, AdminForms.newsId(ctx)).orElseThrow(NotFound::new);
            Ui ui = web.ui(ctx);
            confirm(ctx, actor, school, ui.t("admin.confirm.newsDelete.title", message.subject()),
                    ui.t("admin.confirm.newsDelete.text"), "/admin/news/" + message.id() + "/delete",
                    ui.t("admin.confirm.newsDelete.button"), "/admin/news/" + message.id());
        });
        routes.post("/admin/news/{id}/delete", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            long id = AdminForms.newsId(ctx);
            web.portal.news().find(actor, school, id).orElseThrow(NotFound::new);
            web.portal.news().delete(actor, school, id);
            done(ctx, actor, "/admin/news", "newsDeleted");
        });

        routes.get("/admin/guardians", this::guardians);
        routes.get("/admin/guardians.xlsx", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            api.xlsx(ctx, actor, school(ctx, actor));
        });
        routes.post("/admin/guardians/invite", ctx -> invitation(ctx, false));
        routes.post("/admin/guardians/invite/send", ctx -> invitation(ctx, true));
        routes.post("/admin/guardians/{id}/invite", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            InvitationPreview result = web.portal.invitations().inviteOne(actor, school, AdminForms.guardianId(ctx));
            web.render(ctx, "admin/invite.jte", "view", view(ctx, actor, school), "preview", result, "sent", true,
                    "names", Map.of());
        });
        routes.get("/admin/guardians/{id}/deactivate", ctx -> {
            StaffActor actor = access.requireAccountStaff(ctx);
            SchoolId school = school(ctx, actor);
            OverviewRow row = selectedRows(actor, school, List.of(AdminForms.guardianId(ctx))).stream().findFirst()
                    .orElseThrow(NotFound::new);
            Ui ui = web.ui(ctx);
            String name = row.name().displayName();
            confirm(ctx, actor, school, ui.t("admin.confirm.deactivate.title", name), ui.t("admin.confirm.deactivate.text", name),
                    "/admin/guardians/" + row.guardian().value() + "/deactivate", ui.t("admin.confirm.deactivate.button"),
                    "/admin/guardians");
        });
        routes.post("/admin/guardians/{id}/deactivate", ctx -> {
            StaffActor actor = access.requireAccountStaff(ctx);
            web.portal.accounts().deactivate(actor, AdminForms.guardianId(ctx));
            done(ctx, actor, "/admin/guardians", "deactivated");
        });
        routes.get("/admin/guardians/{id}/email", ctx -> {
            StaffActor actor = access.requireAccountStaff(ctx);
            SchoolId school = school(ctx, actor);
            List<OverviewRow> rows = selectedRows(actor, school, List.of(AdminForms.guardianId(ctx)));
            if (rows.isEmpty()) {
                throw new NotFound();
            }
            emailsForm(ctx, actor, school, rows, Map.of(), Map.of());
        });
        routes.post("/admin/guardians/emails", ctx -> {
            StaffActor actor = access.requireAccountStaff(ctx);
            SchoolId school = school(ctx, actor);
            List<OverviewRow> rows = selectedRows(actor, school, selection(ctx));
            if (rows.isEmpty()) {
                nothingSelected(ctx, actor, school);
                return;
            }
            emailsForm(ctx, actor, school, rows, Map.of(), Map.of());
        });
        routes.post("/admin/guardians/emails/save", this::saveEmails);
        routes.post("/admin/guardians/{id}/viewing-rights/{child}", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            web.portal.viewingRights().set(actor, school, AdminForms.guardianId(ctx),
                    AdminForms.id(ctx.pathParam("child"), "child", StudentId::of), "true".equals(ctx.formParam("on")));
            done(ctx, actor, "/admin/guardians", "viewingRight");
        });
        routes.post("/admin/guardians/{id}/impersonate", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            AdminImpersonation.start(web, ctx, actor, AdminForms.guardianId(ctx));
            ctx.redirect("/dashboard");
        });
        routes.post("/admin/impersonation/end", ctx -> {
            AdminImpersonation.end(web, ctx);
            ctx.redirect(access.staff(ctx).isPresent() ? "/admin/guardians?done=impersonationEnded" : "/admin/login");
        });

        routes.get("/admin/audit", ctx -> {
            StaffActor actor = access.requireStaff(ctx);
            SchoolId school = school(ctx, actor);
            web.render(ctx, "admin/audit.jte", "view", view(ctx, actor, school),
                    "events", web.portal.administration().auditLog(actor, school, AUDIT_LIMIT));
        });
    }

    private void loginPage(Context ctx, String username, String refusal) {
        if (!access.canLogIn()) {
            throw new NotFound();
        }
        if (access.staff(ctx).isPresent() && refusal == null) {
            ctx.redirect("/admin");
            return;
        }
        String info = "1".equals(ctx.queryParam("loggedOut")) ? web.ui(ctx).t("admin.login.loggedOut") : null;
        web.render(ctx, "admin/login.jte", "username", username, "refusal", refusal, "info", info);
    }

    private void logIn(Context ctx) {
        if (!access.canLogIn()) {
            throw new NotFound();
        }
        String username = AccountPages.bounded(ctx.formParam("username"), 200);
        if (access.logIn(ctx, username, AccountPages.bounded(ctx.formParam("password"), 1024)).isPresent()) {
            ctx.redirect("/admin");
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED);
            loginPage(ctx, username, web.text(ctx, AdminApi.LOGIN_REFUSED));
        }
    }

    private void settingsPage(Context ctx, Map<String, String> values, Map<String, String> errors) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        SchoolSettings settings = web.portal.administration().settings(actor, school);
        Map<String, String> form = values != null ? values : Map.of(
                "changeRequestEmail", Optional.ofNullable(settings.changeRequestEmail()).orElse(""),
                "websiteUrl", Optional.ofNullable(settings.websiteUrl()).orElse(""),
                "maintenanceMode", String.valueOf(settings.maintenanceMode()));
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        web.render(ctx, "admin/settings.jte", "ui", web.ui(ctx).withErrors(errors), "view", view(ctx, actor, school),
                "form", form);
    }

    private void saveSettings(Context ctx) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        try {
            web.portal.administration().updateSettings(actor, school, AdminForms.settings(ctx.formParamMap()));
        } catch (PortalValidationException e) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("changeRequestEmail", AccountPages.bounded(ctx.formParam("changeRequestEmail"), 400));
            values.put("websiteUrl", AccountPages.bounded(ctx.formParam("websiteUrl"), 2100));
            values.put("maintenanceMode", String.valueOf(ctx.formParam("maintenanceMode") != null));
            settingsPage(ctx, values, Api.fields(e, web.locale(ctx)));
            return;
        }
        done(ctx, actor, "/admin/settings", "settings");
    }

    private void uploadImage(Context ctx) throws java.io.IOException {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        try {
            web.portal.administration().setDashboardImage(actor, school, AdminApi.upload(ctx));
        } catch (PortalValidationException e) {
            settingsPage(ctx, null, Map.of("image", e.message(web.locale(ctx))));
            return;
        }
        done(ctx, actor, "/admin/settings", "image");
    }

    private void modulesPage(Context ctx, String errorModule, Map<String, String> errors) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        List<ModuleState> modules = web.portal.administration().modules(actor, school);
        Map<String, List<OptionField>> fields = new LinkedHashMap<>();
        modules.forEach(m -> fields.put(m.descriptor().id(), AdminForms.optionFields(m.descriptor(), m.options(), web.portal::optionLabel)));
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        web.render(ctx, "admin/modules.jte", "ui", web.ui(ctx).withErrors(errors), "view", view(ctx, actor, school),
                "modules", modules, "fields", fields, "errorModule", errorModule);
    }

    private void saveModule(Context ctx) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        String id = ctx.pathParam("id");
        ModuleState state = web.portal.administration().modules(actor, school).stream()
                .filter(m -> m.descriptor().id().equals(id)).findFirst().orElseThrow(NotFound::new);
        Map<String, List<String>> form = ctx.formParamMap();
        try {
            Object options = AdminForms.options(state.descriptor(), state.options(),
                    AdminForms.optionsFromForm(state.descriptor(), state.options(), form));
            AdminModules.apply(web, actor, school, state, form.containsKey("active"), form.containsKey("dashboard"), options);
        } catch (PortalValidationException e) {
            modulesPage(ctx, id, Api.fields(e, web.locale(ctx)));
            return;
        }
        done(ctx, actor, "/admin/modules", "module");
    }

    private void newsList(Context ctx) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        String subject = AccountPages.bounded(ctx.queryParam("subject"), 200);
        String group = AccountPages.bounded(ctx.queryParam("group"), 64);
        Optional<GroupId> groupId = group.isBlank() ? Optional.empty() : Optional.of(AdminForms.id(group, "group", GroupId::of));
        List<NewsMessage> messages = web.portal.news().overview(actor, school,
                subject.isBlank() ? Optional.empty() : Optional.of(subject), groupId);
        web.render(ctx, "admin/news.jte", "view", view(ctx, actor, school), "messages", messages,
                "groups", groups(actor, school), "subject", subject, "group", group);
    }

    private void newsForm(Context ctx, Long id, Map<String, List<String>> values, Map<String, String> errors) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        Map<String, List<String>> form = values;
        if (form == null) {
            String today = LocalDate.ofInstant(web.portal.clock().instant(), web.portal.zone()).toString();
            form = Map.of("date", List.of(today), "publishFrom", List.of(today), "publishUntil", List.of(today),
                    "target", List.of("all"));
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        web.render(ctx, "admin/newsForm.jte", "ui", web.ui(ctx).withErrors(errors), "view", view(ctx, actor, school),
                "id", id, "form", new NewsForm(form), "groups", groups(actor, school));
    }

    private void saveNews(Context ctx, Long id) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        Map<String, List<String>> form = ctx.formParamMap();
        try {
            NewsCommand command = AdminForms.news(form);
            if (id == null) {
                web.portal.news().create(actor, school, command);
            } else {
                web.portal.news().find(actor, school, id).orElseThrow(NotFound::new);
                web.portal.news().update(actor, school, id, command);
            }
        } catch (PortalValidationException e) {
            // The period rule belongs to the whole period; the form shows it at its end.
            Map<String, String> errors = new LinkedHashMap<>(Api.fields(e, web.locale(ctx)));
            Optional.ofNullable(errors.remove("publishPeriodValid"))
                    .ifPresent(message -> errors.merge("publishUntil", message, (a, b) -> a + " " + b));
            newsForm(ctx, id, form, errors);
            return;
        }
        done(ctx, actor, "/admin/news", id == null ? "newsCreated" : "newsUpdated");
    }

    private void guardians(Context ctx) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("name", "email", "group", "status", "accountActive")) {
            filters.put(name, AccountPages.bounded(ctx.queryParam(name), 200));
        }
        OverviewFilter filter;
        Map<String, String> errors = Map.of();
        try {
            filter = AdminForms.filter(filters::get);
        } catch (PortalValidationException e) {
            errors = Api.fields(e, web.locale(ctx));
            filter = OverviewFilter.ALL;
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        List<OverviewRow> all = web.portal.accountOverview().list(actor, school, filter);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pages, pageNumber(ctx.queryParam("page")));
        List<OverviewRow> rows = all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE));
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        String filterQuery = query.toString();
        web.render(ctx, "admin/guardians.jte", "ui", web.ui(ctx).withErrors(errors), "view", view(ctx, actor, school),
                "rows", rows, "total", all.size(), "page", page, "pages", pages, "filterQuery", filterQuery,
                "groups", groups(actor, school), "filters", filters,
                "viewingRights", web.portal.viewingRights().supported(),
                "exportLink", "/admin/guardians.xlsx" + (filterQuery.isEmpty() ? "" : "?" + filterQuery));
    }

    /** A page number from the address: 1 for anything that is no positive number. */
    private static int pageNumber(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The overview rows of the selected guardians, in the overview's order; ids of others are left out. */
    private List<OverviewRow> selectedRows(StaffActor actor, SchoolId school, List<GuardianId> selection) {
        if (selection.isEmpty()) {
            return List.of();
        }
        Set<GuardianId> ids = Set.copyOf(selection);
        return web.portal.accountOverview().list(actor, school, OverviewFilter.ALL).stream()
                .filter(r -> ids.contains(r.guardian())).toList();
    }

    /** The guardians ticked in the overview (the form field {@code guardianIds}). */
    private static List<GuardianId> selection(Context ctx) {
        List<String> values = ctx.formParams("guardianIds");
        return values.isEmpty() ? List.of() : AdminForms.guardianIds(values);
    }

    private void emailsForm(Context ctx, StaffActor actor, SchoolId school, List<OverviewRow> rows,
                            Map<String, String> entered, Map<String, String> errors) {
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        web.render(ctx, "admin/emails.jte", "ui", web.ui(ctx).withErrors(errors), "view", view(ctx, actor, school),
                "rows", rows, "entered", entered);
    }

    /**
     * Saves the corrected addresses (all or none, R-ACC-13). "Save" goes back to the overview; "save and send
     * login details" goes on to the invitation's confirmation step for the same guardians.
     */
    private void saveEmails(Context ctx) {
        StaffActor actor = access.requireAccountStaff(ctx);
        SchoolId school = school(ctx, actor);
        List<OverviewRow> rows = selectedRows(actor, school, selection(ctx));
        if (rows.isEmpty()) {
            nothingSelected(ctx, actor, school);
            return;
        }
        Map<GuardianId, String> emails = new LinkedHashMap<>();
        Map<String, String> entered = new LinkedHashMap<>();
        for (OverviewRow row : rows) {
            String field = AccountEmails.fieldOf(row.guardian());
            String value = AccountPages.bounded(ctx.formParam(field), 400);
            entered.put(field, value == null ? "" : value);
            emails.put(row.guardian(), value == null ? "" : value);
        }
        int changed;
        try {
            changed = web.portal.accountEmails().changeAll(actor, school, emails);
        } catch (PortalValidationException e) {
            emailsForm(ctx, actor, school, rows, entered, Api.fields(e, web.locale(ctx)));
            return;
        }
        if ("invite".equals(ctx.formParam("then"))) {
            List<GuardianId> ids = rows.stream().map(OverviewRow::guardian).toList();
            InvitationPreview preview = web.portal.invitations().preview(actor, school, ids);
            Map<String, String> names = new LinkedHashMap<>();
            rows.forEach(r -> names.put(r.guardian().value(), r.name().displayName()));
            web.render(ctx, "admin/invite.jte", "view", view(ctx, actor, school), "preview", preview, "sent", false,
                    "names", names);
            return;
        }
        done(ctx, actor, "/admin/guardians", changed == 0 ? "emailsUnchanged" : "emailsChanged");
    }

    /** The confirmation step before an action that cannot be undone from the page itself. */
    private void confirm(Context ctx, StaffActor actor, SchoolId school, String title, String explanation, String action,
                         String button, String back) {
        web.render(ctx, "admin/confirm.jte", "view", view(ctx, actor, school), "title", title, "explanation", explanation,
                "action", action, "button", button, "back", back);
    }

    private void nothingSelected(Context ctx, StaffActor actor, SchoolId school) {
        String message = web.ui(ctx).t("admin.invite.noneSelected");
        ctx.status(HttpStatus.BAD_REQUEST);
        web.render(ctx, "admin/invite.jte", "ui", web.ui(ctx).withErrors(Map.of("guardianIds", message)),
                "view", view(ctx, actor, school), "preview", new InvitationPreview(List.of(), Map.of()),
                "sent", false, "names", Map.of());
    }

    /** The bulk invitation: first the confirmation ("N guardians will receive login details"), then the send. */
    private void invitation(Context ctx, boolean send) {
        StaffActor actor = access.requireStaff(ctx);
        SchoolId school = school(ctx, actor);
        List<String> selected = ctx.formParams("guardianIds");
        if (!send && "filtered".equals(ctx.formParam("scope"))) {
            // "Everyone in this list": the overview's filter, sent along, chooses (every page of it); only for the
            // confirmation step, which then names each guardian, so the send itself takes only named ones.
            OverviewFilter filter = AdminForms.filter(name -> AccountPages.bounded(ctx.formParam(name), 200));
            selected = web.portal.accountOverview().list(actor, school, filter).stream()
                    .map(r -> r.guardian().value()).toList();
        }
        if (selected.isEmpty()) {
            nothingSelected(ctx, actor, school);
            return;
        }
        List<GuardianId> ids = AdminForms.guardianIds(selected);
        InvitationPreview result = send ? web.portal.invitations().invite(actor, school, ids)
                : web.portal.invitations().preview(actor, school, ids);
        Map<String, String> names = new LinkedHashMap<>();
        if (!result.skipped().isEmpty()) {
            web.portal.accountOverview().list(actor, school, OverviewFilter.ALL).stream()
                    .filter(r -> result.skipped().containsKey(r.guardian()))
                    .forEach(r -> names.put(r.guardian().value(), r.name().displayName()));
        }
        web.render(ctx, "admin/invite.jte", "view", view(ctx, actor, school), "preview", result, "sent", send,
                "names", names);
    }

    private List<Group> groups(StaffActor actor, SchoolId school) {
        return web.portal.accountOverview().groups(actor, school);
    }

    /** The administration pages' frame for a page of another class (a module's staff view). */
    static AdminView adminView(Web web, Context ctx, StaffActor actor, SchoolId school) {
        return new AdminView(actor, school, null, actor.schools().size() > 1 ? web.portal.administration().schoolsOf(actor) : Map.of());
    }

    private AdminView view(Context ctx, StaffActor actor, SchoolId school) {
        String done = ctx.queryParam("done");
        return new AdminView(actor, school, done != null && DONE.contains(done) ? done : null,
                actor.schools().size() > 1 ? web.portal.administration().schoolsOf(actor) : Map.of());
    }

    private SchoolId school(Context ctx, StaffActor actor) {
        return access.school(ctx, actor, true);
    }

    private void done(Context ctx, StaffActor actor, String path, String what) {
        SchoolId school = school(ctx, actor);
        ctx.redirect(new AdminView(actor, school, null, Map.of()).href(path + "?done=" + what));
    }

    private static Map<String, List<String>> formOf(NewsMessage message) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("subject", List.of(message.subject()));
        form.put("date", List.of(message.date().toString()));
        form.put("publishFrom", List.of(message.publishFrom().toString()));
        form.put("publishUntil", List.of(message.publishUntil().toString()));
        form.put("text", List.of(message.html()));
        form.put("target", List.of(message.forAllGroups() ? "all" : "groups"));
        form.put("groups", message.groups().stream().map(GroupId::value).toList());
        return form;
    }
}
