package nl.ouderportaal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.guardian.DashboardPage;
import nl.ouderportaal.core.guardian.GuardianHome;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What the page and API handlers share: the portal, the protections, the templates and the per-request
 * look-ups (language, guardian session). Thread-safe; per-request values live in the {@link Context}.
 */
final class Web {

    static final String GUARDIAN_COOKIE = "op_session";
    static final String LANGUAGE_COOKIE = "op_lang";
    private static final String SESSION_ATTRIBUTE = "ouderportaal.session";
    private static final String HOME_ATTRIBUTE = "ouderportaal.home";

    final Portal portal;
    final WebSecurity security;
    /**
     * Where a recovery request's account part runs, after the answer (issue 19): one thread, at most 1,000
     * waiting; beyond that a request is dropped, which the guardian cannot tell from an unknown address (the
     * core's per-address rate limit was counted already).
     */
    final java.util.concurrent.ThreadPoolExecutor background = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1_000), runnable -> {
                Thread thread = new Thread(() -> {
                    try {
                        runnable.run();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(Web.class).error("A recovery request failed", LogSafe.copy(e));
                    }
                }, "portal-recovery");
                thread.setDaemon(true);
                return thread;
            }, new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());

    /** Waits until the background work queued so far is done (for tests). */
    void awaitBackgroundWork() {
        try {
            background.submit(() -> { }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** At most two image uploads read at once, each waiting at most two seconds for its turn. */
    final Uploads uploads = new Uploads(2, java.time.Duration.ofSeconds(2));
    private final TemplateEngine templates;
    private final List<String> bundleNames;

    Web(Portal portal, WebSecurity security, List<String> bundleNames) {
        this.portal = portal;
        this.security = security;
        this.bundleNames = List.copyOf(bundleNames);
        this.templates = TemplateEngine.createPrecompiled(null, ContentType.Html, Web.class.getClassLoader(),
                "nl.ouderportaal.web.templates");
    }

    /** Dutch unless the visitor chose English ({@code ?lang=en}, remembered in a cookie). */
    Locale locale(Context ctx) {
        String chosen = ctx.queryParam("lang");
        if ("en".equals(chosen) || "nl".equals(chosen)) {
            ctx.cookie(new Cookie(security.cookieName(LANGUAGE_COOKIE), chosen, "/", 60 * 60 * 24 * 365, security.secure(),
                    true, null, SameSite.LAX));
        } else {
            chosen = ctx.cookie(security.cookieName(LANGUAGE_COOKIE));
        }
        return "en".equals(chosen) ? Locale.ENGLISH : LocalizedText.DUTCH;
    }

    String text(Context ctx, LocalizedText text) {
        return text.in(locale(ctx));
    }

    /**
     * The guardian's live session (also an administrator's impersonation), looked up once per request. An
     * impersonation that may not go on (see {@link AdminAccess#impersonationMayContinue}) is ended here.
     */
    Optional<Session> session(Context ctx) {
        if (ctx.attribute(SESSION_ATTRIBUTE) == null) {
            String token = security.sessionCookie(ctx, GUARDIAN_COOKIE);
            Optional<Session> session = token == null ? Optional.empty() : portal.authentication().session(token);
            if (session.isPresent() && session.get().isImpersonation()
                    && !impersonationGuard.test(ctx, session.get())) {
                portal.authentication().logout(token);
                security.clearSessionCookie(ctx, GUARDIAN_COOKIE);
                session = Optional.empty();
            }
            ctx.attribute(SESSION_ATTRIBUTE, session);
        }
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    /** Set once at start-up by the administration, which knows the staff sessions; until then none may go on. */
    private java.util.function.BiPredicate<Context, Session> impersonationGuard = (ctx, session) -> false;

    void guardImpersonations(java.util.function.BiPredicate<Context, Session> guard) {
        this.impersonationGuard = guard;
    }

    /**
     * Makes a new login the browser's guardian session: the session the browser had until now (a guardian's
     * or an impersonation) ends on the server, so that it cannot be used again with the old cookie.
     */
    void startGuardianSession(Context ctx, String newToken) {
        String old = sessionToken(ctx);
        if (old != null && !old.equals(newToken)) {
            portal.authentication().logout(old);
        }
        security.setSessionCookie(ctx, GUARDIAN_COOKIE, newToken);
        ctx.attribute(SESSION_ATTRIBUTE, null);
        ctx.attribute(HOME_ATTRIBUTE, null);
    }

    String sessionToken(Context ctx) {
        return security.sessionCookie(ctx, GUARDIAN_COOKIE);
    }

    Optional<GuardianHome> home(Context ctx) {
        if (ctx.attribute(HOME_ATTRIBUTE) == null) {
            ctx.attribute(HOME_ATTRIBUTE, session(ctx).map(s -> portal.guardians().home(Viewer.of(s))));
        }
        return ctx.attribute(HOME_ATTRIBUTE);
    }

    /**
     * The viewer's dashboard page, read once; its menu serves the rest of the request, so that the page's
     * header and the API's maintenance notices do not read the facts again.
     */
    DashboardPage dashboardPage(Context ctx, Viewer viewer, Optional<String> kind) {
        DashboardPage page = portal.guardians().dashboardPage(viewer, kind);
        ctx.attribute(HOME_ATTRIBUTE, Optional.of(page.home()));
        return page;
    }

    Ui ui(Context ctx) {
        Locale locale = locale(ctx);
        List<ResourceBundle> bundles = bundleNames.stream().map(name -> ResourceBundle.getBundle(name, locale,
                Web.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)))
                .toList();
        return new Ui(locale, portal.zone(), bundles, WebSecurity.csrfToken(ctx), ctx.path(), session(ctx).orElse(null),
                home(ctx).orElse(null), Map.of());
    }

    /** Renders a template to the response as HTML. */
    void render(Context ctx, String template, Object... namesAndValues) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        if (!parameters.containsKey("ui")) {
            parameters.put("ui", ui(ctx));
        }
        StringOutput output = new StringOutput();
        templates.render(template, parameters, output);
        ctx.html(output.toString());
    }
}
