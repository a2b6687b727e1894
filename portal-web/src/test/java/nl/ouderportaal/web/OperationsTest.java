package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.core.PortalHealth;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.testing.PortalExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Operations: health probes always, a Prometheus scrape only when asked for and only with its token")
class OperationsTest {

    private static final String TOKEN = "a-metrics-token-of-enough-length";
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @RegisterExtension
    final PortalExtension kit = PortalExtension.create().configure(builder -> builder.metrics(prometheus));

    private final HttpClient http = HttpClient.newHttpClient();
    private PortalWeb web;

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    private PortalWeb start(PortalWeb.Builder builder) {
        web = builder.build().start("127.0.0.1", 0);
        return web;
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void inviteAGuardian() {
        kit.host().addSchool("regenboog", "OBS De Regenboog");
        GuardianId anna = kit.host().addGuardian("anna", "Anna", "Jansen").id();
        var sanne = kit.host().addStudent("sanne", SchoolId.of("regenboog"), "Sanne", LocalDate.of(2016, 4, 1),
                EnrolmentStatus.IN_EDUCATION).id();
        kit.host().link(anna, sanne, true);
        kit.portal().invitations().inviteOne(new StaffActor(StaffId.of("m-1"), "J. de Boer", Set.of(StaffActor.Role.ADMIN),
                Set.of(SchoolId.of("regenboog"))), SchoolId.of("regenboog"), anna);
    }

    @Test
    void readinessAnswers200WithEachCheckAndLivenessToo() throws Exception {
        start(PortalWeb.builder(kit.portal()));

        HttpResponse<String> ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode json = new ObjectMapper().readTree(ready.body());
        assertThat(json.get("status").asText()).isEqualTo("UP");
        assertThat(json.get("checks").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("store", "migrations", "dispatcher", "outbox");
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aStuckMailMakesReadiness503() throws Exception {
        start(PortalWeb.builder(kit.portal()));
        inviteAGuardian();
        kit.clock().advance(PortalHealth.OUTBOX_STUCK_AFTER.plusMinutes(5));

        HttpResponse<String> ready = get("/health/ready", null);

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(ready.body()).at("/checks/outbox/status").asText()).isEqualTo("DOWN");
    }

    @Test
    void withoutOptingInThereIsNoMetricsPage() throws Exception {
        start(PortalWeb.builder(kit.portal()));

        assertThat(get("/metrics", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void theMetricsPageWantsItsTokenAndThenShowsTheOutboxLoginsAndRouteTimings() throws Exception {
        start(PortalWeb.builder(kit.portal()).prometheusMetrics(prometheus, TOKEN));
        inviteAGuardian();
        kit.portal().authentication().login("anna@example.org", "not the password");
        get("/api/children/sanne/absences", null);

        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "Bearer not-the-token-but-long-enough").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/metrics", "Bearer " + TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("portal_outbox_pending 1.0")
                .contains("portal_logins_total{outcome=\"refused\"} 1.0")
                .contains("portal_outbox_sent_total")
                .contains("portal_sessions_active")
                .contains("route=\"/api/children/{child}/{module}\"")
                .doesNotContain("sanne")
                .doesNotContain("anna@example.org");
    }

    @Test
    void aShortTokenOrAnotherRegistryIsRefusedAtBuildTime() {
        assertThatThrownBy(() -> PortalWeb.builder(kit.portal()).prometheusMetrics(prometheus, "short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 24 characters");
        assertThatThrownBy(() -> PortalWeb.builder(kit.portal())
                .prometheusMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Portal.builder().metrics(registry)");
    }

    @Test
    void startingOnAnotherPortThanTheMailLinksOfALocalPortalFailsAndSaysWhatToChange() {
        // The kit's portal builds its links from http://localhost:8080/.
        assertThatThrownBy(() -> PortalWeb.builder(kit.portal()).build().start("127.0.0.1", 8099))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("http://localhost:8080/")
                .hasMessageContaining("start it on port 8080")
                .hasMessageContaining("URI.create(\"http://localhost:8099/\")");
    }

    @Test
    void aPublicAddressBehindAProxyMayUseAnyLocalPort() {
        PortalWeb.requireLinksReachThisPort(URI.create("https://ouders.school.nl/"), 8099);
    }

    @Test
    void closingTheWebApplicationStopsItsServer() throws Exception {
        int port;
        try (PortalWeb served = PortalWeb.builder(kit.portal()).build().start("127.0.0.1", 0)) {
            port = served.port();
            web = null;
        }

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }
}
