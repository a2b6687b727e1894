package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 19: what a security review and a black-box run of the demo found, for the guardian side. */
@DisplayName("Hardening of the guardian side (issue 19)")
class HardeningTest extends AgainstOnePortal {

    /**
     * Sends only the head of a request that declares a multipart body of {@code declaredBytes}, and a few bytes
     * of it; the answer's status line, which the server can give only if it does not wait for the rest.
     */
    private static String statusOfHeadOnly(String path, long declaredBytes, String cookie) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", f.web.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=grens\r\n"
                    + "Content-Length: " + declaredBytes + "\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n--grens\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return status == null ? "" : status;
        }
    }

    private static HttpResponse<String> multipart(WebFixture.Client client, String path, boolean expectContinue, long bodyBytes) {
        String boundary = "grens" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nanna@example.org\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[(int) Math.max(bodyBytes, head.length)];
        System.arraycopy(head, 0, body, 0, head.length);
        try {
            return client.http.send(HttpRequest.newBuilder(URI.create(client.base + path)).expectContinue(expectContinue)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with exactly the cookies it names, from a client that keeps none. */
    private static HttpResponse<String> raw(HttpRequest.Builder request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("1. a multipart body to any route but the image upload is refused with 415 before it is read")
    void multipartOutsideTheUploadIsRefusedAtOnce() throws Exception {
        HttpResponse<String> login = multipart(f.client(), "/login", false, 2_000);
        HttpResponse<String> api = multipart(f.client(), "/api/session", false, 2_000);
        // Declares 60 MB and sends a few bytes: the answer comes without the rest.
        String huge = statusOfHeadOnly("/login", 60L * 1024 * 1024, null);

        assertThat(login.statusCode()).isEqualTo(415);
        assertThat(login.body()).contains("neemt geen bestanden aan");
        assertThat(api.statusCode()).isEqualTo(415);
        assertThat(WebFixture.Client.parse(api).get("error").asText()).isEqualTo("unsupported-media-type");
        assertThat(huge).startsWith("HTTP/1.1 415");
    }

    @Test
    @DisplayName("1. an image upload without a staff session is refused before its body is read")
    void anUploadWithoutStaffIsRefusedBeforeReading() throws Exception {
        HttpResponse<String> page = multipart(f.client(), "/admin/settings/image", false, 2_000);
        String withoutStaff = statusOfHeadOnly("/admin/settings/image", 5L * 1024 * 1024, null);
        String tooLarge = statusOfHeadOnly("/admin/settings/image", 60L * 1024 * 1024, null);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(withoutStaff).startsWith("HTTP/1.1 302");
        assertThat(tooLarge).startsWith("HTTP/1.1 413");
    }

    @Test
    @DisplayName("1. no more than the set number of uploads are read at once; the next waits briefly, then gets 429")
    void uploadsAreBoundedInNumber() throws Exception {
        Uploads uploads = new Uploads(1, Duration.ofMillis(100));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var first = pool.submit(() -> uploads.inSlot(() -> {
                inside.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "read";
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> uploads.inSlot(() -> "second")).isInstanceOfSatisfying(Refusal.class, r -> {
                assertThat(r.status.getCode()).isEqualTo(429);
                assertThat(r.retryAfterSeconds).isPositive();
            });
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("read");
            assertThat(uploads.inSlot(() -> "third")).isEqualTo("third");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("5. the language link is always a path of the portal, also for an address that starts with //")
    void theLanguageLinkNeverLeavesThePortal() {
        HttpResponse<String> page = f.client().get("//evil.example/login");

        assertThat(page.body()).doesNotContain("href=\"//evil.example").contains("href=\"/evil.example/login?lang=en\"");
    }

    @Test
    @DisplayName("6. a CSRF token from before the login no longer works after it, and the login answer brings a new one")
    void theCsrfTokenIsRenewedAtLogin() {
        WebFixture.Client client = f.client();
        String before = client.csrf();
        HttpResponse<String> login = client.login("anna@example.org", WebFixture.PASSWORD);
        String after = client.cookie("XSRF-TOKEN");

        client.setCookie("XSRF-TOKEN", before);
        HttpResponse<String> withOld = client.send(HttpRequest.newBuilder(URI.create(client.base + "/api/me/notifications"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", before)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")));
        client.setCookie("XSRF-TOKEN", after);
        HttpResponse<String> withNew = client.json("PUT", "/api/me/notifications", Map.of("enabled", true));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(after).isNotEqualTo(before);
        assertThat(withOld.statusCode()).isEqualTo(403);
        assertThat(withNew.statusCode()).isEqualTo(204);
    }

    @Test
    @DisplayName("6. another browser's CSRF token does not work with this browser's session")
    void aCsrfTokenBelongsToItsSession() {
        WebFixture.Client anna = f.client();
        anna.login("anna@example.org", WebFixture.PASSWORD);
        WebFixture.Client bram = f.client();
        bram.login("bram@example.org", WebFixture.PASSWORD);
        String bramsToken = bram.cookie("XSRF-TOKEN");

        // Anna's session with Bram's CSRF token, in both the cookie and the header, as a planted cookie would be.
        HttpResponse<String> planted = raw(HttpRequest.newBuilder(URI.create(anna.base + "/api/me/notifications"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", bramsToken)
                .header("Cookie", "op_session=" + anna.cookie("op_session") + "; XSRF-TOKEN=" + bramsToken)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")));
        HttpResponse<String> own = raw(HttpRequest.newBuilder(URI.create(anna.base + "/api/me/notifications"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", anna.cookie("XSRF-TOKEN"))
                .header("Cookie", "op_session=" + anna.cookie("op_session") + "; XSRF-TOKEN=" + anna.cookie("XSRF-TOKEN"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")));

        assertThat(own.statusCode()).isEqualTo(204);
        assertThat(planted.statusCode()).isEqualTo(403);
        assertThat(WebFixture.Client.parse(planted).get("error").asText()).isEqualTo("csrf");
    }

    @Test
    @DisplayName("10. a new login in the same browser ends the session it had")
    void aNewLoginEndsTheOldSession() {
        WebFixture.Client client = f.client();
        client.login("anna@example.org", WebFixture.PASSWORD);
        String first = client.cookie("op_session");

        client.login("bram@example.org", WebFixture.PASSWORD);

        assertThat(client.cookie("op_session")).isNotEqualTo(first);
        assertThat(f.portal.authentication().session(first)).isEmpty();
    }

    @Test
    @DisplayName("9. a failure whose database message quotes an address writes no address into the log")
    void aFailureLogsNoAddress() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(PortalWeb.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        PortalWeb failing = PortalWeb.builder(f.portal).configure(config -> config.routes.get("/kapot", ctx -> {
            throw new IllegalStateException("insert failed for ouder@example.org", new java.sql.SQLException(
                    "Unique index or primary key violation: VALUES ( /* 1 */ 'g:ouder@example.org' )", "23505"));
        })).build().start("127.0.0.1", 0);
        try {
            HttpResponse<String> answer = new WebFixture.Client("http://127.0.0.1:" + failing.port()).get("/kapot");

            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(appender.list).as(answer.body() + " / " + logger.getEffectiveLevel() + " / "
                    + org.slf4j.LoggerFactory.getILoggerFactory()).isNotEmpty();
            StringBuilder logged = new StringBuilder();
            for (var event : appender.list) {
                logged.append(event.getFormattedMessage());
                for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
                    logged.append(' ').append(proxy.getClassName()).append(' ').append(proxy.getMessage());
                }
            }
            assertThat(logged.toString()).doesNotContain("ouder@example.org").contains("23505");
        } finally {
            failing.stop();
            logger.detachAppender(appender);
        }
    }

    @Test
    @DisplayName("24. a used or expired link says so at once and offers a new one, instead of the password form")
    void aUsedLinkSaysSoAtOnce() {
        HttpResponse<String> used = f.client().get("/activate?token=al-gebruikt-of-verlopen-0123456789");
        HttpResponse<String> reset = f.client().get("/reset-password?token=al-gebruikt-of-verlopen-0123456789");

        assertThat(used.body()).contains("Deze link werkt niet meer", "href=\"/forgot-password\"", "Stuur mij een nieuwe link")
                .doesNotContain("type=\"password\"");
        assertThat(reset.body()).contains("Deze link werkt niet meer").doesNotContain("type=\"password\"");
    }

    @Test
    @DisplayName("2. the new address confirms an email change on a page whose GET changes nothing; the old address can undo it")
    void theEmailChangeIsConfirmedAndUndoneOnPages() {
        try (WebFixture own = new WebFixture()) {
            own.portal.accountEmails().change(WebFixture.ADMIN, WebFixture.SCHOOL, WebFixture.ANNA, "anna@nieuw.example.org");
            own.deliver();
            String confirm = own.lastToken("anna@nieuw.example.org");
            WebFixture.Client browser = own.client();

            HttpResponse<String> page = browser.get("/confirm-email?token=" + confirm);
            assertThat(page.body()).contains("Nieuw e-mailadres bevestigen", "name=\"token\"");
            assertThat(browser.login("anna@example.org", WebFixture.PASSWORD).statusCode()).as("nothing changed yet").isEqualTo(200);

            HttpResponse<String> done = browser.form("/confirm-email", Map.of("token", confirm));
            assertThat(done.body()).contains("Uw nieuwe e-mailadres is bevestigd");
            assertThat(own.client().login("anna@nieuw.example.org", WebFixture.PASSWORD).statusCode()).isEqualTo(200);
            own.deliver();

            String undo = own.lastToken("anna@example.org");
            HttpResponse<String> undone = own.client().form("/undo-email", Map.of("token", undo));
            assertThat(undone.body()).contains("De wijziging is ongedaan gemaakt");
            assertThat(own.client().login("anna@example.org", WebFixture.PASSWORD).statusCode()).isEqualTo(200);
            assertThat(own.client().get("/confirm-email?token=" + confirm).body()).contains("Deze link werkt niet meer");
        }
    }

    @Test
    @DisplayName("4. a host's per-address limit answers 429 with Retry-After beyond its count, for logins and recovery alike")
    void theHostsPerAddressLimitApplies() {
        PortalWeb limited = PortalWeb.builder(f.portal)
                .clientLimit(ClientLimit.perAddress(2, Duration.ofMinutes(1), java.time.Clock.systemUTC()))
                .build().start("127.0.0.1", 0);
        try {
            WebFixture.Client client = new WebFixture.Client("http://127.0.0.1:" + limited.port());
            assertThat(client.login("niemand@example.org", "fout").statusCode()).isEqualTo(401);
            assertThat(client.json("POST", "/api/password/forgot", Map.of("email", "niemand@example.org")).statusCode())
                    .isEqualTo(202);
            HttpResponse<String> third = client.login("anna@example.org", WebFixture.PASSWORD);

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(WebFixture.Client.parse(third).get("error").asText()).isEqualTo("busy");
            assertThat(client.get("/api/csrf").statusCode()).as("other requests are not counted").isEqualTo(200);
        } finally {
            limited.stop();
        }
    }

    @Test
    @DisplayName("8. forgot password answers before the account's work is done, so known and unknown addresses take the same time")
    void forgotPasswordAnswersBeforeTheWork() throws Exception {
        f.portal.authentication().forgotPassword("bram@example.org"); // an open reset link, which the next request revokes
        int before = f.mailsTo("bram@example.org").size();
        try (java.sql.Connection other = nl.ouderportaal.core.internal.Database.dataSource(f.store).getConnection()) {
            other.setAutoCommit(false);
            // Holds the link's row, so that the work for this known address cannot finish while the row is held.
            try (var lock = other.prepareStatement("select * from one_time_tokens where guardian_id = 'bram'"
                    + " and purpose = 'PASSWORD_RESET' and used_at is null and revoked_at is null for update")) {
                assertThat(lock.executeQuery().next()).isTrue();
            }
            long start = System.nanoTime();
            HttpResponse<String> known = f.client().json("POST", "/api/password/forgot", Map.of("email", "bram@example.org"));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(known.statusCode()).isEqualTo(202);
            assertThat(millis).isLessThan(1_500);
            other.rollback();
        }
        f.deliver();
        assertThat(f.mailsTo("bram@example.org")).hasSizeGreaterThan(before);
    }

    @Test
    @DisplayName("18. pages without earlier school years answer an earlier-year parameter alike: 400 naming schoolYear")
    void pagesWithoutEarlierYearsRefuseTheParameterAlike() {
        WebFixture.Client anna = f.client();
        anna.login("anna@example.org", WebFixture.PASSWORD);

        HttpResponse<String> about = anna.get("/api/children/child-of-anna/about?schoolYear=2024-2025");
        HttpResponse<String> group = anna.get("/api/children/child-of-anna/groups?schoolYear=2024-2025");
        HttpResponse<String> aboutPage = anna.get("/children/child-of-anna/about?schoolYear=2024-2025");

        assertThat(about.statusCode()).isEqualTo(400);
        assertThat(group.statusCode()).isEqualTo(400);
        assertThat(WebFixture.Client.parse(about).get("fields").has("schoolYear")).isTrue();
        assertThat(about.body()).isEqualTo(group.body());
        assertThat(aboutPage.statusCode()).isEqualTo(400);
        assertThat(anna.get("/api/children/child-of-anna/notes?schoolYear=2024-2025").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("19. /api/me and /api/dashboard say, per school, when a school is in maintenance mode")
    void theApiCarriesMaintenanceMode() {
        WebFixture.Client anna = f.client();
        anna.login("anna@example.org", WebFixture.PASSWORD);
        assertThat(WebFixture.Client.parse(anna.get("/api/me")).get("maintenance")).isEmpty();
        f.portal.configuration().setMaintenanceMode(WebFixture.SCHOOL, true, "test");
        try {
            var me = WebFixture.Client.parse(anna.get("/api/me")).get("maintenance");
            var dashboard = WebFixture.Client.parse(anna.get("/api/dashboard")).get("maintenance");

            assertThat(me).hasSize(1);
            assertThat(me.get(0).get("school").asText()).isEqualTo("regenboog");
            assertThat(me.get(0).get("message").asText()).isNotBlank();
            assertThat(dashboard).isEqualTo(me);
        } finally {
            f.portal.configuration().setMaintenanceMode(WebFixture.SCHOOL, false, "test");
        }
    }

    @Test
    @DisplayName("25. the OpenAPI document lists a guardian's own correctable keys as the code defines them")
    void theOpenApiDocumentListsTheRealOwnKeys() {
        WebFixture.Client anna = f.client();
        anna.login("anna@example.org", WebFixture.PASSWORD);
        String document = f.client().get("/api/openapi.json").body();
        var fields = WebFixture.Client.parse(anna.get("/api/me/correctable-fields"));
        java.util.List<String> keys = new java.util.ArrayList<>();
        fields.forEach(field -> keys.add(field.get("key").asText()));

        assertThat(keys).contains("homePhone", "workPhone");
        // The document lists them from the code (OpenApiDocument fills in the own change keys), never by hand.
        assertThat(document).doesNotContain("{ownCorrectableKeys}");
        keys.forEach(key -> assertThat(document).contains(key));
    }
}
