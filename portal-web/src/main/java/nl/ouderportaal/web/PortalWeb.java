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
 * web.close();   // or try-with-resources: PortalWeb is AutoCloseable
 * }</pre>
 *
 * <p>Operators get {@code GET /health/live} and {@code /health/ready} (JSON; 503 when not ready) always,
 * and a Prometheus scrape at {@code /metrics} when the host opts in with {@link Builder#prometheusMetrics}.
 *
 * <p>Cookies are marked Secure (and named with the {@code __Host-} prefix) when the portal's public address
 * ({@code AccountSettings.portalUrl}) is HTTPS. Thread-safe once built; start it once.
 *
 * @since 0.1
 */
public final class PortalWeb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortalWeb.class);
    /** Large enough for a dashboard image (the core refuses images above its own limit). */
    private static final long MAX_REQUEST_BYTES = 6L * 1024 * 1024;

    private final Javalin app;
    /** Parsed once; routes that depend on the installed modules may add their paths here before the start. */
    private final OpenApiDocument openApi = OpenApiDocument.standard();
    private final java.net.URI portalUrl;

    private final Web web;
    private final ClientLimit clientLimit;
    /** The requests without a session that cost a password hash or a mail: what {@link ClientLimit} counts. */
    private static final java.util.Set<String> COSTLY_WITHOUT_LOGIN = java.util.Set.of("/login", "/api/session",
            "/activate", "/reset-password", "/api/password", "/forgot-password", "/forgot-username",
            "/api/password/forgot", "/api/username/forgot", "/admin/login", "/api/admin/session");

    private PortalWeb(Builder builder) {
        this.clientLimit = builder.clientLimit;
        this.portalUrl = builder.portal.accountSettings().portalUrl();
        Operations operations = new Operations(builder.portal, builder.prometheus, builder.metricsToken);
        WebSecurity security = new WebSecurity("https".equalsIgnoreCase(
                builder.portal.accountSettings().portalUrl().getScheme()));
        Web web = new Web(builder.portal, security, List.of("nl.ouderportaal.web.messages", "nl.ouderportaal.web.admin-messages"));
        this.web = web;
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
            operations.register(config);
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

    /**
     * Starts listening; port 0 picks a free port (see {@link #port()}).
     *
     * <p>The links in the portal's mails are built from {@code AccountSettings.portalUrl}. When that is
     * a loopback address (no proxy in front) on another port than the one asked for here, the links would
     * lead nowhere: the start fails and says which to change.
     *
     * @param host the address to listen on, such as {@code 0.0.0.0}
     * @param port the port, or 0 for any free one
     * @return this, started
     * @throws IllegalStateException when the mail links point to this machine on another port
     */
    public PortalWeb start(String host, int port) {
        requireLinksReachThisPort(portalUrl, port);
        app.start(host, port);
        return this;
    }

    static void requireLinksReachThisPort(java.net.URI portalUrl, int port) {
        String linkHost = portalUrl.getHost() == null ? "" : portalUrl.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean loopback = linkHost.equals("localhost") || linkHost.startsWith("127.") || linkHost.equals("[::1]")
                || linkHost.equals("::1");
        int linkPort = portalUrl.getPort() != -1 ? portalUrl.getPort() : "https".equalsIgnoreCase(portalUrl.getScheme()) ? 443 : 80;
        if (port != 0 && loopback && linkPort != port) {
            throw new IllegalStateException("The portal's mail links point to " + portalUrl
                    + " (AccountSettings.portalUrl) but portal-web was asked to listen on port " + port
                    + ": start it on port " + linkPort + ", or build the portal with .accounts(AccountSettings.defaults("
                    + "URI.create(\"" + portalUrl.getScheme() + "://" + portalUrl.getHost() + ":" + port + "/\")))");
        }
    }

    /**
     * The port it listens on.
     *
     * @return the port, also when 0 was asked for
     */
    public int port() {
        return app.port();
    }

    /** Stops listening; requests in progress get two seconds to finish. */
    public void stop() {
        app.stop();
        web.background.shutdown();
    }

    /** Waits until the recovery work queued so far is done: tests read the outbox after it. */
    void awaitBackgroundWork() {
        web.awaitBackgroundWork();
    }

    /** The served API routes as "METHOD /api/path" (path parameters as Javalin names them), for the document's test. */
    List<String> apiRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(handler -> handler.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod() && endpoint.path.startsWith("/api/"))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path).toList();
    }

    /** As {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Builds a {@link PortalWeb}. Not thread-safe. */
    public static final class Builder {
        private final Portal portal;
        private StaffAuthenticator staffAuthenticator;
        private final List<Consumer<JavalinConfig>> extraRoutes = new ArrayList<>();
        private io.micrometer.prometheusmetrics.PrometheusMeterRegistry prometheus;
        private String metricsToken;
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

        /**
         * Serves {@code GET /metrics} in the Prometheus text format, only to requests that carry
         * {@code Authorization: Bearer <token>} (others get 401). Off unless asked. The registry must be
         * the one the portal records in ({@code Portal.builder().metrics(registry)}), or part of it.
         *
         * <pre>{@code
         * PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
         * Portal portal = host.registerAll(Portal.builder()).store(store).accounts(settings).metrics(prometheus).build();
         * PortalWeb web = PortalWeb.builder(portal).prometheusMetrics(prometheus, System.getenv("METRICS_TOKEN")).build();
         * }</pre>
         *
         * @param registry the Prometheus registry
         * @param token the scraper's secret, at least 24 characters
         * @return this builder
         * @throws IllegalArgumentException when the token is short or the registry is not the portal's
         */
        public Builder prometheusMetrics(io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry, String token) {
            Objects.requireNonNull(registry, "registry");
            if (token == null || token.strip().length() < Operations.MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("The /metrics token must have at least " + Operations.MIN_TOKEN_LENGTH
                        + " characters (a random one, for instance 32 characters from a password generator)");
            }
            io.micrometer.core.instrument.MeterRegistry portals = portal.meterRegistry();
            boolean same = portals == registry
                    || portals instanceof io.micrometer.core.instrument.composite.CompositeMeterRegistry composite
                            && composite.getRegistries().contains(registry);
            if (!same) {
                throw new IllegalArgumentException("This Prometheus registry is not the portal's: pass the same registry to "
                        + "Portal.builder().metrics(registry), or the page would show no portal meters");
            }
            this.prometheus = registry;
            this.metricsToken = token.strip();
            return this;
        }

        StaffAuthenticator staffAuthenticator() {
            return staffAuthenticator;
        }

        /**
         * Builds the web application; {@link #start} starts it.
         *
         * @return the web application, not yet listening
         */
        public PortalWeb build() {
            return new PortalWeb(this);
        }
    }
}
