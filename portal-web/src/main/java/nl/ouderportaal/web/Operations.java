package nl.ouderportaal.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.ouderportaal.core.HealthReport;
import nl.ouderportaal.core.Portal;

/**
 * What an operator's tools call: the health probes, the request timings per route, and the opt-in,
 * token-protected Prometheus scrape at {@code /metrics}.
 */
final class Operations {

    /** The shortest token {@code /metrics} accepts: a guessable one would give the meters away. */
    static final int MIN_TOKEN_LENGTH = 24;

    private final Portal portal;
    private final PrometheusMeterRegistry prometheus;
    private final byte[] token;

    /** By method, status and route template: a bounded set, since raw paths never become keys. */
    private final java.util.concurrent.ConcurrentMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    Operations(Portal portal, PrometheusMeterRegistry prometheus, String token) {
        this.portal = portal;
        this.prometheus = prometheus;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    void register(JavalinConfig config) {
        config.routes.get("/health/live", ctx -> health(ctx, portal.health().liveness()));
        config.routes.get("/health/ready", ctx -> health(ctx, portal.health().readiness()));
        if (prometheus != null) {
            config.routes.get("/metrics", this::metrics);
        }
        MeterRegistry registry = portal.meterRegistry();
        config.requestLogger.http((ctx, millis) -> {
            Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            // The route's template (/api/children/{child}), never the raw path: that holds ids.
            String route = matched == null ? "unmatched" : matched.path;
            String method = ctx.method().name();
            int status = ctx.statusCode();
            // Built once per route and answer: building and registering a timer per request was a tenth
            // of a trivial request's time in the B6 profile.
            timers.computeIfAbsent(method + " " + status + " " + route, key -> Timer.builder("portal.http.requests")
                            .description("Web requests by route")
                            .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                            .register(registry))
                    .record(Duration.ofNanos((long) (millis * 1_000_000L)));
        });
    }

    private static void health(Context ctx, HealthReport report) {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (HealthReport.Check check : report.checks()) {
            checks.put(check.name(), Map.of("status", check.status().name(), "detail", check.detail()));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(report.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", report.status().name(), "checks", checks));
    }

    private void metrics(Context ctx) {
        String authorization = ctx.header("Authorization");
        byte[] given = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain; charset=utf-8")
                    .result("The metrics need the token: Authorization: Bearer <token>\n");
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape());
    }
}
