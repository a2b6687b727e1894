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
            String csrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                    .findFirst().orElseThrow().replaceFirst("XSRF-TOKEN=([^;]+).*", "$1");
            // The Java client keeps no Secure cookie over plain HTTP, so the test hands the token over itself.
            client.setCookie("XSRF-TOKEN", csrf);

            HttpResponse<String> login = client.json("POST", "/api/session",
                    Map.of("email", "anna@example.org", "password", WebFixture.PASSWORD));

            assertThat(page.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).singleElement().satisfies(c -> assertThat(c)
                    .startsWith("__Host-op_session=").containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax").contains("Path=/").doesNotContainIgnoringCase("Domain="));
        }
    }
}
