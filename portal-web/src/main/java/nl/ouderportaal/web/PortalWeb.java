package nl.ouderportaal.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.action.ActionRateLimitedException;
import nl.ouderportaal.core.action.ActionUnavailableException;
import nl.ouderportaal.spi.action.ActionConflictException;
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
    /** Parsed once; routes that depend on the installed modules may add their paths here before the start. */
    private final OpenApiDocument openApi = OpenApiDocument.standard();

    private PortalWeb(Builder builder) {
        WebSecurity security = new WebSecurity("https".equalsIgnoreCase(
                builder.portal.accountSettings().portalUrl().getScheme()));
        Web web = new Web(builder.portal, security, List.of("nl.ouderportaal.web.messages", "nl.ouderportaal.web.admin-messages"));
        ActionDocumentation.describe(openApi, builder.portal);
        AccountPages accountPages = new AccountPages(web);
        GuardianPages guardianPages = new GuardianPages(web);
        GuardianApi guardianApi = new GuardianApi(web, guardianPages);
        ActionRoutes actionRoutes = new ActionRoutes(web, guardianPages);
        AdminAccess adminAccess = new AdminAccess(web, builder.staffAuthenticator);
        web.guardImpersonations(adminAccess::impersonationMayContinue);
        AdminApi adminApi = new AdminApi(web, adminAccess);
        AdminPages adminPages = new AdminPages(web, adminAccess, adminApi);
        StaffModuleRoutes staffModuleRoutes = new StaffModuleRoutes(web, adminAccess);
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(PortalJson.mapper(), false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
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
                security.ensureCsrfToken(ctx);
                if (!security.csrfAccepted(ctx)) {
                    refuseCsrf(web, ctx);
                }
            });
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi.json()));
            accountPages.register(config.routes);
            // Before the pages and API: "/api/children/{child}/actions" is not a module called "actions".
            actionRoutes.register(config.routes);
            guardianPages.register(config.routes);
            guardianApi.register(config.routes);
            // Administration pages and API register here.
            adminPages.register(config.routes);
            staffModuleRoutes.register(config.routes);
            adminApi.register(config.routes);
            for (Consumer<JavalinConfig> extra : builder.extraRoutes) {
                extra.accept(config);
            }
            registerErrorHandlers(config, web);
        });
    }

    private static void refuseCsrf(Web web, Context ctx) {
        ctx.skipRemainingHandlers();
        refuse(web, ctx, HttpStatus.FORBIDDEN, "csrf", WebTexts.CSRF_TITLE, web.text(ctx, WebTexts.CSRF_REFUSED));
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
        config.routes.exception(ActionConflictException.class, (e, ctx) -> {
            if (Api.isApi(ctx)) {
                Api.error(ctx, HttpStatus.CONFLICT, "conflict", web.text(ctx, e.text()), Map.of(), e.details());
            } else {
                refuse(web, ctx, HttpStatus.CONFLICT, "conflict", WebTexts.CONFLICT_TITLE, web.text(ctx, e.text()));
            }
        });
        config.routes.exception(ActionUnavailableException.class, (e, ctx) -> refuse(web, ctx, HttpStatus.CONFLICT,
                "unavailable", WebTexts.CONFLICT_TITLE, web.text(ctx, e.reason())));
        config.routes.exception(ActionRateLimitedException.class, (e, ctx) -> {
            long seconds = Math.max(1, java.time.Duration.between(web.portal.clock().instant(), e.retryAt()).toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            refuse(web, ctx, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", WebTexts.RATE_LIMITED_TITLE, web.text(ctx, e.text()));
        });
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
            LOG.error("Request {} {} failed, incident {}", ctx.method(), ctx.path(), incident, e);
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
    }

    /** The served API routes as "METHOD /api/path" (path parameters as Javalin names them), for the document's test. */
    List<String> apiRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(handler -> handler.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod() && endpoint.path.startsWith("/api/"))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path).toList();
    }

    /** Builds a {@link PortalWeb}. Not thread-safe. */
    public static final class Builder {
        private final Portal portal;
        private StaffAuthenticator staffAuthenticator;
        private final List<Consumer<JavalinConfig>> extraRoutes = new ArrayList<>();

        private Builder(Portal portal) {
            this.portal = Objects.requireNonNull(portal, "portal");
        }

        /** The host's check of staff credentials for the administration login; without it there is none. */
        public Builder staffAuthenticator(StaffAuthenticator authenticator) {
            this.staffAuthenticator = Objects.requireNonNull(authenticator, "authenticator");
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
