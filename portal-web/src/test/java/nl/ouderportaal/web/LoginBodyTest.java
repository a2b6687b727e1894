package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("POST /api/session names a missing field instead of refusing the login")
class LoginBodyTest extends AgainstOnePortal {

    @Test
    void aBodyWithoutEmailAnswers400NamingTheField() {
        HttpResponse<String> response = f.client().json("POST", "/api/session", Map.of("password", WebFixture.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(400);
        var json = WebFixture.Client.parse(response);
        assertThat(json.get("error").asText()).isEqualTo("validation");
        assertThat(json.get("fields").fieldNames()).toIterable().containsExactly("email");
        assertThat(json.at("/fields/email").asText()).isEqualTo("Vul je e-mailadres in.");
    }

    @Test
    void aBodyWithoutPasswordAnswers400NamingTheField() {
        HttpResponse<String> response = f.client().json("POST", "/api/session", Map.of("email", "anna@example.org"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebFixture.Client.parse(response).get("fields").fieldNames()).toIterable().containsExactly("password");
    }

    @Test
    void aWrongPasswordStillGetsTheOneRefusalThatSaysNothingAboutTheAccount() {
        HttpResponse<String> response = f.client().json("POST", "/api/session",
                Map.of("email", "nobody@example.org", "password", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(WebFixture.Client.parse(response).get("error").asText()).isEqualTo("login-refused");
    }
}
