package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.host.PersonName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The README's operations promises on the running demo: readiness answers 200 with JSON, {@code /metrics}
 * shows the outbox and login meters after a login, and the logs of the whole run (every logger at INFO
 * and above, the portal's, Jetty's, Flyway's) hold none of the demo's addresses, names, passwords or
 * tokens.
 */
@DisplayName("The demo's operations: health, metrics, and logs without personal data")
class DemoOperationsTest {

    @TempDir
    static Path data;
    private static DemoWeb web;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static Level rootLevel;
    private static Level portalLevel;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        portalLevel = context.getLogger("nl.ouderportaal").getLevel();
        root.setLevel(Level.INFO);
        context.getLogger("nl.ouderportaal").setLevel(Level.INFO);
        LOGS.setContext(context);
        LOGS.start();
        root.addAppender(LOGS);
        web = DemoWeb.start(DemoSchool.open(data, Clock.systemUTC()), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        web.close();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(LOGS);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(rootLevel);
        context.getLogger("nl.ouderportaal").setLevel(portalLevel);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessIsUpWithJsonAndTheMetricsShowTheOutboxAndLoginsAfterALoginAndNoLogLineHoldsPersonalData()
            throws Exception {
        List<String> secrets = new ArrayList<>(List.of(DemoSchool.GUARDIAN_LOGIN, DemoSchool.GUARDIAN_PASSWORD,
                DemoSchool.ADMIN_PASSWORD, web.school().metricsToken()));
        PersonName name = web.school().sis().guardian(GuardianId.of(DemoSchoolGenerator.DEMO_GUARDIAN)).orElseThrow().name();
        secrets.add(name.preferredName());
        secrets.add(name.surname());

        var login = (LoginResult.Success) web.school().portal().authentication()
                .login(DemoSchool.GUARDIAN_LOGIN, DemoSchool.GUARDIAN_PASSWORD);
        secrets.add(login.sessionToken());
        web.school().portal().authentication().login(DemoSchool.GUARDIAN_LOGIN, "not the password");
        web.school().portal().authentication().forgotPassword(DemoSchool.GUARDIAN_LOGIN);
        Instant until = Instant.now().plusSeconds(20);
        while (web.mails().stream().noneMatch(m -> m.subject() != null && m.links().stream().anyMatch(l -> l.contains("reset")))
                && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        for (DemoWeb.Mail mail : web.mails()) {
            for (String link : mail.links()) {
                Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(link);
                if (token.find()) {
                    secrets.add(token.group(1));
                }
            }
        }
        assertThat(secrets).as("the reset link's token was mailed").hasSizeGreaterThan(8);
        get("/api/children/x/absences", null);
        get("/nope/" + DemoSchool.GUARDIAN_LOGIN, null);

        HttpResponse<String> ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(ready.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = get("/metrics", "Bearer " + web.school().metricsToken());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("portal_logins_total{outcome=\"success\"} 1.0",
                "portal_logins_total{outcome=\"refused\"} 1.0", "portal_outbox_pending", "portal_outbox_sent_total",
                "portal_outbox_oldest_age_seconds", "portal_sessions_active", "portal_http_requests_seconds_count");
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(LOGS.list)) {
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                StringBuilder line = new StringBuilder(event.getFormattedMessage());
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t.getMessage());
                }
                lines.add(line.toString());
            }
        }
        assertThat(lines).as("log lines at INFO and above").isNotEmpty();
        for (String secret : secrets) {
            assertThat(lines).as("log lines holding '%s'", secret).noneMatch(l -> l.contains(secret));
        }
    }

    @Test
    void theDispatcherRunsOnTheDemo() throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(5));
        while (!get("/health/ready", null).body().contains("running on this node") && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(get("/health/ready", null).body()).contains("running on this node");
    }
}
