package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A browser-like client of a running demo for the tests: its own cookies, and the CSRF header every write needs. */
final class DemoClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    DemoClient(int port) {
        this.port = port;
    }

    /** A client logged in as the demo guardian. */
    static DemoClient guardian(int port) throws Exception {
        DemoClient client = new DemoClient(port);
        HttpResponse<String> login = client.send("POST", "/api/session", Map.of("email", DemoSchool.GUARDIAN_LOGIN,
                "password", DemoSchool.GUARDIAN_PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return client;
    }

    /** Sends a JSON body ({@code null}: none) with the session's CSRF token, fetching the token first if needed. */
    HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return send(method, path, "application/json", body == null ? null : JSON.writeValueAsString(body));
    }

    /** Sends {@code body} as {@code contentType} with the session's CSRF token. */
    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        if (cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().equals("XSRF-TOKEN"))) {
            http.send(request("GET", "/api/csrf", "application/json", null).build(), HttpResponse.BodyHandlers.ofString());
        }
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return http.send(request(method, path, contentType, body).header("X-XSRF-TOKEN", token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path}, expecting 200 and JSON. */
    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType);
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }
}
