package nl.ouderportaal.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal as a web application: the guardians' pages, the administration pages and the JSON API, on
 * Javalin (Jetty 12). A host runs it on the portal's own address:
 *
 * <pre>{@code
 * PortalWeb web = PortalWeb.builder(portal)
 *     .staffAuthenticator(sis::authenticateStaff)
 *     .build()
 *     .start("0.0.0.0", 8080);
 * ...
 * web.stop();
 * }</pre>
 *
 * <p>Cookies are marked Secure (and named with the {@code __Host-} prefix) when the portal's public address
 * ({@code AccountSettings.portalUrl}) is HTTPS. Thread-safe once built; start it once.
 *
 * @since 0.1
 */
public final class PortalWeb {

    private static final Logger LOG = LoggerFactory.getLogger(PortalWeb.class);
    /** Large enough for a dashboard image (the core refuses images above its own limit). */
    private static final long MAX_REQUEST_BYTES = 6L * 1024 * 1024;

    private final Javalin app;
    private final Web web;
    private final ClientLimit clientLimit;
    /** The requests without a session that cost a password hash or a mail: what {@link ClientLimit} counts. */
    private static final java.util.Set<String> COSTLY_WITHOUT_LOGIN = java.util.Set.of("/login", "/api/session",
            "/activate", "/reset-password", "/api/password", "/forgot-password", "/forgot-username",
            "/api/password/forgot", "/api/username/forgot", "/admin/login", "/api/admin/session");

    private PortalWeb(Builder builder) {
        this.clientLimit = builder.clientLimit;
        WebSecurity security = new WebSecurity("https".equalsIgnoreCase(
                builder.portal.accountSettings().portalUrl().getScheme()));
        Web web = new Web(builder.portal, security, List.of("nl.ouderportaal.web.messages", "nl.ouderportaal.web.admin-messages"));
        this.web = web;
        AccountPages accountPages = new AccountPages(web);
        GuardianPages guardianPages = new GuardianPages(web);
        GuardianApi guardianApi = new GuardianApi(web, guardianPages);
        AdminAccess adminAccess = new AdminAccess(web, builder.staffAuthenticator);
        web.guardImpersonations(adminAccess::impersonationMayContinue);
        AdminApi adminApi = new AdminApi(web, adminAccess);
        AdminPages adminPages = new AdminPages(web, adminAccess, adminApi);
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(PortalJson.mapper(), false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            Uploads.configure(config);
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(2_000);
                server.setErrorHandler(new ServerErrors());
            });
            // No "Server: Jetty(...)" header: nobody needs to know the version.
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/nl/ouderportaal/web/static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                security.addHeaders(ctx);
                try {
                    Uploads.checkEarly(ctx);
                } catch (Refusal refusal) {
                    ctx.skipRemainingHandlers();
                    refuse(web, ctx, refusal);
                    return;
                }
                security.ensureCsrfToken(ctx);
                if (!Uploads.csrfInBody(ctx) && !security.csrfAccepted(ctx)) {
                    refuseCsrf(web, ctx);
                    return;
                }
                if (clientLimit != null && ctx.method() == io.javalin.http.HandlerType.POST
                        && COSTLY_WITHOUT_LOGIN.contains(ctx.path()) && !clientLimit.tryAcquire(ctx.ip())) {
                    ctx.skipRemainingHandlers();
                    refuse(web, ctx, Refusal.busy((int) Math.max(1, clientLimit.retryAfter().toSeconds())));
                }
            });
            String openApi = openApiDocument();
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            accountPages.register(config.routes);
            guardianPages.register(config.routes);
            guardianApi.register(config.routes);
            // Administration pages and API register here.
            adminPages.register(config.routes);
            adminApi.register(config.routes);
            for (Consumer<JavalinConfig> extra : builder.extraRoutes) {
                extra.accept(config);
            }
            registerErrorHandlers(config, web);
        });
    }

    /** The OpenAPI document, with the lists that the code defines filled in from the code (issue 19). */
    static String openApiDocument() {
        try (var in = Objects.requireNonNull(PortalWeb.class.getResourceAsStream("openapi.json"))) {
            String document = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return document.replace("{ownCorrectableKeys}",
                    String.join(", ", nl.ouderportaal.core.guardian.StudentFields.ownKeys()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void refuseCsrf(Web web, Context ctx) {
        ctx.skipRemainingHandlers();
        refuse(web, ctx, HttpStatus.FORBIDDEN, "csrf", WebTexts.CSRF_TITLE, web.text(ctx, WebTexts.CSRF_REFUSED));
    }

    private static void refuse(Web web, Context ctx, Refusal refusal) {
        if (refusal.retryAfterSeconds > 0) {
            ctx.header("Retry-After", String.valueOf(refusal.retryAfterSeconds));
        }
        refuse(web, ctx, refusal.status, refusal.error, refusal.title, web.text(ctx, refusal.text));
    }

    /** An error answer: {@code {error, message, fields}} for the API, a message page for the pages. */
    private static void refuse(Web web, Context ctx, HttpStatus status, String error, LocalizedText title, String message) {
        if (Api.isApi(ctx)) {
            Api.error(ctx, status, error, message);
        } else {
            ctx.status(status);
            web.render(ctx, "message.jte", "title", web.text(ctx, title), "message", message);
        }
    }

    private static void registerErrorHandlers(JavalinConfig config, Web web) {
        config.routes.exception(PortalValidationException.class, (e, ctx) -> {
            if (Api.isApi(ctx)) {
                Api.validationError(ctx, e, web.locale(ctx));
            } else {
                refuse(web, ctx, HttpStatus.BAD_REQUEST, "validation", WebTexts.INVALID_TITLE, e.message(web.locale(ctx)));
            }
        });
        config.routes.exception(ImpersonationReadOnlyException.class, (e, ctx) -> refuse(web, ctx, HttpStatus.FORBIDDEN,
                "read-only", WebTexts.READ_ONLY_TITLE, web.text(ctx, Session.READ_ONLY)));
        config.routes.exception(AccessRefusedException.class, (e, ctx) -> refuse(web, ctx, HttpStatus.FORBIDDEN,
                "forbidden", WebTexts.FORBIDDEN_TITLE, web.text(ctx, e.text())));
        config.routes.exception(NotFound.class, (e, ctx) -> notFound(web, ctx));
        config.routes.exception(Refusal.class, (e, ctx) -> refuse(web, ctx, e));
        config.routes.exception(nl.ouderportaal.core.account.TooBusyException.class, (e, ctx) -> refuse(web, ctx,
                new Refusal(HttpStatus.TOO_MANY_REQUESTS, "busy", WebTexts.BUSY_TITLE,
                        nl.ouderportaal.core.account.TooBusyException.MESSAGE, (int) Math.max(1, e.retryAfter().toSeconds()))));
        config.routes.exception(LoginRequired.class, (e, ctx) -> {
            if (Api.isApi(ctx)) {
                Api.error(ctx, HttpStatus.UNAUTHORIZED, "not-logged-in", web.text(ctx, WebTexts.NOT_LOGGED_IN));
            } else {
                ctx.redirect("/login");
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            // The client gets an incident number, never the exception: it could hold data or internals.
            String incident = UUID.randomUUID().toString().substring(0, 8);
            // The path holds no personal data (ids at most); the exception's messages may: see LogSafe.
            LOG.error("Request {} {} failed, incident {}", ctx.method(), ctx.path(), incident, LogSafe.copy(e));
            refuse(web, ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal", WebTexts.INTERNAL_TITLE,
                    web.text(ctx, WebTexts.INTERNAL) + " (" + incident + ")");
        });
        // Also for addresses no route serves, so that they look like every other "not found".
        config.routes.error(404, ctx -> {
            if (ctx.attribute(NOT_FOUND_SHOWN) == null) {
                notFound(web, ctx);
            }
        });
    }

    private static final String NOT_FOUND_SHOWN = "ouderportaal.notFoundShown";

    private static void notFound(Web web, Context ctx) {
        ctx.attribute(NOT_FOUND_SHOWN, Boolean.TRUE);
        refuse(web, ctx, HttpStatus.NOT_FOUND, "not-found", WebTexts.NOT_FOUND_TITLE, web.text(ctx, WebTexts.NOT_FOUND));
    }

    /**
     * The request's CSRF token, for the forms of a host's own pages (routes added with
     * {@link Builder#configure}): a form posts it back in the field {@code _csrf}.
     */
    public static String csrfToken(Context ctx) {
        return WebSecurity.csrfToken(ctx);
    }

    public static Builder builder(Portal portal) {
        return new Builder(portal);
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public PortalWeb start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
        web.background.shutdown();
    }

    /** Waits until the recovery work queued so far is done: tests read the outbox after it. */
    void awaitBackgroundWork() {
        web.awaitBackgroundWork();
    }

    /** Builds a {@link PortalWeb}. Not thread-safe. */
    public static final class Builder {
        private final Portal portal;
        private StaffAuthenticator staffAuthenticator;
        private final List<Consumer<JavalinConfig>> extraRoutes = new ArrayList<>();
        private ClientLimit clientLimit;

        private Builder(Portal portal) {
            this.portal = Objects.requireNonNull(portal, "portal");
        }

        /** The host's check of staff credentials for the administration login; without it there is none. */
        public Builder staffAuthenticator(StaffAuthenticator authenticator) {
            this.staffAuthenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * Limits per client address the requests without a session that cost a hash or a mail (see
         * {@link ClientLimit}); without it, only the portal's global bound on hashes applies.
         */
        public Builder clientLimit(ClientLimit limit) {
            this.clientLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** Lets the host add its own routes (the demo adds its mailbox), under the same protections. */
        public Builder configure(Consumer<JavalinConfig> routes) {
            extraRoutes.add(Objects.requireNonNull(routes, "routes"));
            return this;
        }

        StaffAuthenticator staffAuthenticator() {
            return staffAuthenticator;
        }

        public PortalWeb build() {
            return new PortalWeb(this);
        }
    }
}
