package nl.ouderportaal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import nl.ouderportaal.core.account.Authentication;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.validation.PortalValidationException;

/**
 * The pages before login: log in, forgot username, forgot password, and setting a password from a link
 * in an invitation ({@code /activate?token=}) or a reset mail ({@code /reset-password?token=}); and logout.
 */
final class AccountPages {

    private static final int MAX_EMAIL = 320;
    private static final int MAX_PASSWORD = 1024;

    private final Web web;

    AccountPages(Web web) {
        this.web = web;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect(web.session(ctx).isPresent() ? "/dashboard" : "/login"));
        routes.get("/login", ctx -> {
            if (web.session(ctx).isPresent()) {
                ctx.redirect("/dashboard");
                return;
            }
            String info = "1".equals(ctx.queryParam("loggedOut")) ? web.ui(ctx).t("login.loggedOut") : null;
            web.render(ctx, "login.jte", "email", "", "refusal", null, "info", info);
        });
        routes.post("/login", this::login);
        routes.post("/logout", ctx -> {
            String token = web.sessionToken(ctx);
            if (token != null) {
                web.portal.authentication().logout(token);
            }
            web.security.clearSessionCookie(ctx, Web.GUARDIAN_COOKIE);
            ctx.redirect("/login?loggedOut=1");
        });
        routes.get("/forgot-password", ctx -> web.render(ctx, "forgot.jte", "kind", "password", "answer", null));
        routes.get("/forgot-username", ctx -> web.render(ctx, "forgot.jte", "kind", "username", "answer", null));
        routes.post("/forgot-password", ctx -> forgot(ctx, "password"));
        routes.post("/forgot-username", ctx -> forgot(ctx, "username"));
        routes.get("/activate", ctx -> setPasswordForm(ctx, "activate"));
        routes.get("/reset-password", ctx -> setPasswordForm(ctx, "reset-password"));
        routes.post("/activate", ctx -> setPassword(ctx, "activate"));
        routes.post("/reset-password", ctx -> setPassword(ctx, "reset-password"));
        // Links in the mails of an account email change (issue 19): the page asks, only the form's POST acts.
        for (String action : java.util.List.of("confirm-email", "undo-email")) {
            routes.get("/" + action, ctx -> {
                String token = bounded(ctx.queryParam("token"), 200);
                web.render(ctx, "emailLink.jte", "action", action, "token", token, "done", false,
                        "linkWorks", web.portal.authentication().linkWorks(token));
            });
            routes.post("/" + action, ctx -> emailLink(ctx, action));
        }
    }

    private void emailLink(Context ctx, String action) {
        String token = bounded(ctx.formParam("token"), 200);
        Ui ui = web.ui(ctx);
        try {
            if (action.equals("confirm-email")) {
                web.portal.accountEmails().confirm(token);
            } else {
                web.portal.accountEmails().undo(token);
            }
        } catch (PortalValidationException e) {
            ctx.status(400);
            web.render(ctx, "emailLink.jte", "ui", ui.withErrors(Map.of("_", e.message(ui.locale()))), "action", action,
                    "token", token, "done", false, "linkWorks", !e.violations().stream().allMatch(v -> v.field().equals("token")));
            return;
        }
        web.render(ctx, "emailLink.jte", "action", action, "token", "", "done", true, "linkWorks", true);
    }

    private void login(Context ctx) {
        String email = bounded(ctx.formParam("email"), MAX_EMAIL);
        String password = bounded(ctx.formParam("password"), MAX_PASSWORD);
        LoginResult result = web.portal.authentication().login(email, password);
        if (result instanceof LoginResult.Success success) {
            // A fresh token at every login: a session id planted before login is never promoted.
            web.startGuardianSession(ctx, success.sessionToken());
            ctx.redirect("/dashboard");
        } else {
            ctx.status(401);
            web.render(ctx, "login.jte", "email", email, "refusal",
                    web.text(ctx, ((LoginResult.Refused) result).message()), "info", null);
        }
    }

    private void forgot(Context ctx, String kind) {
        String email = bounded(ctx.formParam("email"), MAX_EMAIL).strip();
        Ui ui = web.ui(ctx);
        if (email.isEmpty()) {
            ctx.status(400);
            web.render(ctx, "forgot.jte", "ui", ui.withErrors(Map.of("email", ui.t("forgot.emailRequired"))),
                    "kind", kind, "answer", null);
            return;
        }
        // The account's part runs after the answer: known and unknown addresses answer alike and as fast.
        if (kind.equals("password")) {
            web.portal.authentication().forgotPassword(email, web.background);
        } else {
            web.portal.authentication().forgotUsername(email, web.background);
        }
        web.render(ctx, "forgot.jte", "kind", kind, "answer", ui.text(Authentication.RECOVERY_ANSWER));
    }

    private void setPasswordForm(Context ctx, String action) {
        String token = bounded(ctx.queryParam("token"), 200);
        // A used or expired link says so at once, with the way to a new one, instead of a form that fails later.
        web.render(ctx, "setPassword.jte", "action", action, "token", token, "done", false,
                "linkWorks", web.portal.authentication().linkWorks(token));
    }

    private void setPassword(Context ctx, String action) {
        String token = bounded(ctx.formParam("token"), 200);
        String password = bounded(ctx.formParam("password"), MAX_PASSWORD);
        Ui ui = web.ui(ctx);
        if (!password.equals(ctx.formParam("repeat"))) {
            ctx.status(400);
            web.render(ctx, "setPassword.jte", "ui", ui.withErrors(Map.of("repeat", ui.t("password.mismatch"))),
                    "action", action, "token", token, "done", false);
            return;
        }
        try {
            if (action.equals("activate")) {
                web.portal.authentication().acceptInvitation(token, password);
            } else {
                web.portal.authentication().resetPassword(token, password);
            }
        } catch (PortalValidationException e) {
            ctx.status(400);
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            Api.fields(e, ui.locale()).forEach((field, message) ->
                    errors.merge(field.equals("password") ? field : "_", message, (a, b) -> a + " " + b));
            web.render(ctx, "setPassword.jte", "ui", ui.withErrors(errors),
                    "action", action, "token", token, "done", false);
            return;
        }
        web.render(ctx, "setPassword.jte", "action", action, "token", "", "done", true);
    }

    /** Form input cut to a sane length before it reaches the core (which validates it properly). */
    static String bounded(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
