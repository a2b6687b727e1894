package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Behind HTTPS the cookies are Secure and carry the __Host- prefix")
class HttpsCookiesTest {

    @Test
    void aPortalServedOverHttpsSetsHostPrefixedSecureCookies() {
        try (WebFixture f = new WebFixture(URI.create("https://ouders.regenboog.example.org/"))) {
            WebFixture.Client client = f.client();
            HttpResponse<String> page = client.get("/login?lang=en");
            String csrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-XSRF-TOKEN="))
                    .findFirst().orElseThrow().replaceFirst("__Host-XSRF-TOKEN=([^;]+).*", "$1");
            // The Java client keeps no Secure cookie over plain HTTP, so the test hands the token over itself.
            client.setCookie("__Host-XSRF-TOKEN", csrf);

            HttpResponse<String> login = client.send(java.net.http.HttpRequest.newBuilder(URI.create(client.base + "/api/session"))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"anna@example.org\",\"password\":\"" + WebFixture.PASSWORD + "\"}")));

            assertThat(page.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(login.statusCode()).isEqualTo(200);
            // The CSRF cookie is renewed at login (it is tied to the session), under the same prefix.
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                    .startsWith("__Host-XSRF-TOKEN=").containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Strict"));
            assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.contains("op_session")).singleElement().satisfies(c -> assertThat(c)
                    .startsWith("__Host-op_session=").containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax").contains("Path=/").doesNotContainIgnoringCase("Domain="));
        }
    }
}
