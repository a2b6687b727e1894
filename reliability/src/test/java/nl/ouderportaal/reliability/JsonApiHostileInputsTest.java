package nl.ouderportaal.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.ouderportaal.web.ApiContract;
import nl.ouderportaal.web.PortalWeb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus through every input of the JSON API: each JSON field, path and query parameter of the
 * guardian and administration endpoints. Every answer is a success or a clear JSON refusal ({@code {error,
 * message, fields}}, no technical text, never a 5xx), and a refusal changes no table and sends no mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Hostile inputs: the JSON API")
class JsonApiHostileInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TECHNICAL = {"Exception", "\tat ", "org.h2", "org.jdbi", "java.", "jakarta.", "HV0"};

    private HostilePortal p;
    private PortalWeb web;
    private Visitor guardian;
    private Visitor admin;

    /**
     * A client with its own cookies, sending the CSRF token back like a browser script would. The portal
     * is configured for HTTPS, so its cookies are Secure, which Java's cookie manager keeps only over HTTPS:
     * this client keeps them itself, as a browser on the HTTPS address would.
     */
    private static final class Visitor {
        final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
        final HttpClient http = HttpClient.newHttpClient();
        final String base;

        Visitor(String base) {
            this.base = base;
            send("GET", "/api/csrf", null);
        }

        String csrf() {
            return cookies.get("__Host-XSRF-TOKEN"); // HTTPS: the prefixed name
        }

        HttpResponse<String> send(String method, String path, Object body) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
                request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                return exchange(request);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body) {
            return exchange(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        private HttpResponse<String> exchange(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            if (csrf() != null) {
                request.header("X-XSRF-TOKEN", csrf());
            }
            try {
                HttpResponse<String> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException closed) {
                    // Jetty closes the connection after refusing a malformed request itself; a client that
                    // reused that pooled connection sees no answer and sends again, as browsers do. Again on a
                    // connection of its own: the pool may hold more than one connection Jetty has closed.
                    response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
                }
                // Every answer, refusals included, must be what /api/openapi.json says it is.
                ApiContract.check(response.request().method(), response.request().uri(), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body().getBytes(StandardCharsets.UTF_8));
                for (String header : response.headers().allValues("Set-Cookie")) {
                    String pair = header.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    String value = pair.substring(pair.indexOf('=') + 1);
                    if (value.isEmpty() || header.contains("Max-Age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeAll
    void start() {
        p = new HostilePortal("json-api");
        web = PortalWeb.builder(p.portal)
                .staffAuthenticator((user, password) -> "beheerder".equals(user) && "beheer-wachtwoord".equals(password)
                        ? Optional.of(HostilePortal.ADMIN) : Optional.empty())
                .build().start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + web.port();
        guardian = new Visitor(base);
        assertThat(guardian.send("POST", "/api/session", Map.of("email", HostilePortal.EMAIL, "password", p.password))
                .statusCode()).isEqualTo(200);
        admin = new Visitor(base);
        assertThat(admin.send("POST", "/api/admin/session", Map.of("username", "beheerder", "password", "beheer-wachtwoord"))
                .statusCode()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        ApiContract.forget(guardian.base);
        web.stop();
        p.close();
    }

    static Stream<HostileInputs.Input> all() {
        return HostileInputs.all().stream();
    }

    static Stream<String> binaries() {
        return HostileInputs.binaryGeneratorNames().stream();
    }

    /**
     * Sends one request; a 4xx must be a clear JSON refusal that changed nothing (apart from the tables
     * a refusal is meant to change), anything else must not be a server error.
     */
    private HttpResponse<String> attempt(Object input, Set<String> changing, Supplier<HttpResponse<String>> call) {
        p.deliver();
        Set<String> ignored = new HashSet<>(changing);
        ignored.addAll(Refusals.SECURITY_RECORDS);
        Map<String, String> before = p.snapshot();
        before.keySet().removeAll(ignored);
        int mails = p.smtp.getReceivedMessages().length;
        HttpResponse<String> response = call.get();
        assertThat(response.statusCode()).as("status for %s: %s", input, response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            JsonNode error = parse(response, input);
            assertThat(error.get("error").asText()).as("error code for %s", input).isNotBlank();
            assertThat(error.has("fields")).as("fields for %s", input).isTrue();
            String message = error.get("message").asText();
            if (input instanceof HostileInputs.Input hostile && !hostile.value().isEmpty()) {
                message = message.replace(hostile.value(), "");
            }
            assertThat(message).as("message for %s", input).isNotBlank();
            for (String technical : TECHNICAL) {
                assertThat(message).as("message for %s", input).doesNotContain(technical);
            }
            Map<String, String> after = p.snapshot();
            after.keySet().removeAll(ignored);
            assertThat(after).as("tables after refusing %s", input).isEqualTo(before);
            p.deliver();
            assertThat(p.smtp.getReceivedMessages()).as("mails after refusing %s", input).hasSize(mails);
        }
        return response;
    }

    private static JsonNode parse(HttpResponse<String> response, Object input) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not a JSON answer for " + input + ": " + response.body(), e);
        }
    }

    private static String path(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("Guardian endpoints: login, recovery, password links, replies, change requests, settings")
    void guardianFields(HostileInputs.Input input) {
        String v = input.value();
        Visitor stranger = new Visitor(guardian.base);
        attempt(input, Set.of("PORTAL_SESSIONS"), () -> stranger.send("POST", "/api/session", Map.of("email", v, "password", v)));
        attempt(input, Set.of("RATE_LIMITS", "MAIL_OUTBOX"), () -> stranger.send("POST", "/api/password/forgot", Map.of("email", v)));
        attempt(input, Set.of("RATE_LIMITS", "MAIL_OUTBOX"), () -> stranger.send("POST", "/api/username/forgot", Map.of("email", v)));
        assertThat(attempt(input, Set.of(), () -> stranger.send("POST", "/api/password", Map.of("token", v, "password", v)))
                .statusCode()).isEqualTo(400);
        attempt(input, Set.of(), () -> guardian.send("POST",
                "/api/children/" + HostilePortal.CHILD.value() + "/notes/actions/reply", Map.of("note", HostilePortal.NOTE, "text", v)));
        for (String field : List.of("birthPlace", "address.postalCode", "phone", "email", "birthDate")) {
            HttpResponse<String> answer = attempt(input, Set.of(), () -> guardian.send("POST",
                    "/api/children/" + HostilePortal.CHILD.value() + "/change-requests", Map.of("changes", Map.of(field, v))));
            if (answer.statusCode() < 300) {
                p.deliver();
                p.received().forEach(mail -> assertThat(HostilePortal.header(mail, "Subject")).doesNotContain("\r", "\n"));
            }
        }
        attempt(input, Set.of(), () -> guardian.send("POST", "/api/children/" + HostilePortal.CHILD.value() + "/change-requests",
                Map.of("changes", Map.of(v.isEmpty() ? " " : v, "x"))));
        attempt(input, Set.of(), () -> guardian.send("PUT", "/api/me/notifications", Map.of("enabled", v)));
        p.housekeeping();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("Path and query parameters of the guardian and administration endpoints")
    void pathsAndQueries(HostileInputs.Input input) {
        String v = path(input.value());
        String child = "/api/children/" + HostilePortal.CHILD.value();
        for (String url : List.of("/api/children/" + v + "/notes", child + "/" + v, child + "/absences?schoolYear=" + v,
                "/api/dashboard?kind=" + v, child + "/reports/sections/" + v)) {
            attempt(input, Set.of(), () -> guardian.send("GET", url, null));
        }
        for (String url : List.of("/api/admin/news/" + v, "/api/admin/guardians?name=" + v + "&email=" + v,
                "/api/admin/guardians?status=" + v + "&group=" + v + "&accountActive=" + v, "/api/admin/news?subject=" + v + "&group=" + v,
                "/api/admin/settings?school=" + v)) {
            attempt(input, Set.of(), () -> admin.send("GET", url, null));
        }
        attempt(input, Set.of(), () -> admin.send("PUT", "/api/admin/guardians/" + v + "/viewing-rights/" + v, Map.of("on", true)));
        attempt(input, Set.of(), () -> admin.send("POST", "/api/admin/guardians/" + v + "/deactivate", Map.of()));
        attempt(input, Set.of(), () -> admin.send("PUT", "/api/admin/guardians/" + v + "/email", Map.of("email", "nieuw@example.org")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("Administration fields: settings, module options, news, invitations, account emails, impersonation")
    void adminFields(HostileInputs.Input input) {
        String v = input.value();
        HttpResponse<String> settings = attempt(input, Set.of(), () -> admin.send("PUT", "/api/admin/settings",
                Map.of("changeRequestEmail", v, "websiteUrl", v, "maintenanceMode", false)));
        if (settings.statusCode() < 300) {
            admin.send("PUT", "/api/admin/settings", Map.of("changeRequestEmail", HostilePortal.CHANGE_ADDRESS,
                    "websiteUrl", "https://www.regenboog.example.org/", "maintenanceMode", false));
        }
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("active", true);
        notes.put("dashboard", false);
        notes.put("options", Map.of("startDate", v, "repliesAllowed", true));
        attempt(input, Set.of(), () -> admin.send("PUT", "/api/admin/modules/notes", notes));
        attempt(input, Set.of(), () -> admin.send("PUT", "/api/admin/modules/" + path(v), Map.of("active", true)));
        Map<String, Object> news = new LinkedHashMap<>();
        news.put("subject", v);
        news.put("date", "2026-03-10");
        news.put("publishFrom", "2026-03-01");
        news.put("publishUntil", "2026-03-31");
        news.put("groups", List.of());
        news.put("text", v);
        HttpResponse<String> created = attempt(input, Set.of(), () -> admin.send("POST", "/api/admin/news", news));
        if (created.statusCode() < 300) {
            JsonNode stored = parse(admin.send("GET", "/api/admin/news/" + parse(created, input).get("id").asText(), null), input);
            SafeHtml.assertSafe(stored.get("text").asText(), input);
            // The subject is plain text in JSON (clients escape it, as the pages do); only `html` is markup.
            parse(guardian.send("GET", "/api/dashboard", null), input).get("news")
                    .forEach(item -> SafeHtml.assertSafe(item.get("html").asText(), input));
            admin.send("DELETE", "/api/admin/news/" + parse(created, input).get("id").asText(), null);
        }
        Map<String, Object> dated = new LinkedHashMap<>(news);
        dated.put("subject", "Nieuws");
        dated.put("text", "Tekst");
        for (String date : List.of("date", "publishFrom", "publishUntil")) {
            Map<String, Object> hostileDate = new LinkedHashMap<>(dated);
            hostileDate.put(date, v);
            HttpResponse<String> answer = attempt(input, Set.of(), () -> admin.send("POST", "/api/admin/news", hostileDate));
            if (answer.statusCode() < 300) {
                admin.send("DELETE", "/api/admin/news/" + parse(answer, input).get("id").asText(), null);
            }
        }
        Map<String, Object> groups = new LinkedHashMap<>(dated);
        groups.put("groups", List.of(v));
        attempt(input, Set.of(), () -> admin.send("POST", "/api/admin/news", groups)).statusCode();
        attempt(input, Set.of(), () -> admin.send("POST", "/api/admin/invitations/preview", Map.of("guardianIds", List.of(v))));
        attempt(input, Set.of(), () -> admin.send("POST", "/api/admin/invitations", Map.of("guardianIds", List.of(v))));
        attempt(input, Set.of(), () -> admin.send("POST", "/api/admin/impersonation", Map.of("guardianId", v)));
        String guardianEmail = "/api/admin/guardians/" + HostilePortal.GUARDIAN.value() + "/email";
        if (attempt(input, Set.of(), () -> admin.send("PUT", guardianEmail, Map.of("email", v))).statusCode() < 300) {
            admin.send("PUT", guardianEmail, Map.of("email", HostilePortal.EMAIL));
            p.deliver();
            p.received().forEach(mail -> assertThat(HostilePortal.header(mail, "Subject")).doesNotContain("\r", "\n"));
        }
        attempt(input, Set.of(), () -> admin.send("PUT", "/api/admin/guardians/emails",
                Map.of("emails", Map.of(v, "nieuw@example.org"))));
        p.housekeeping();
        nl.ouderportaal.core.internal.Database.jdbi(p.store).useHandle(h -> h.execute("delete from news_messages"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaries")
    @DisplayName("Uploads that are no usable image are refused clearly as the dashboard image")
    void imageUploads(String generator) {
        byte[] bytes = BinaryInputs.generate(generator);
        for (String type : List.of("image/png", "image/jpeg", "application/octet-stream")) {
            HttpResponse<String> answer = attempt(generator, Set.of(), () -> admin.sendBytes("PUT", "/api/admin/settings/image", type, bytes));
            if (answer.statusCode() < 300) {
                assertThat(generator).as("only a real image is accepted").startsWith("real");
                admin.send("DELETE", "/api/admin/settings/image", null);
            }
        }
    }
}
