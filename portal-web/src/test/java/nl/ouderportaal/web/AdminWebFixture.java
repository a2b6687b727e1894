package nl.ouderportaal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.account.PasswordHasher;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.MutableClock;
import nl.ouderportaal.core.testing.TestDatabases;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Guardian;

/**
 * The administration side running for real: a portal on H2 in memory with the core's in-memory host,
 * GreenMail as SMTP server, {@link PortalWeb} on a random port with a staff authenticator, and HTTP
 * clients that keep cookies like a browser and send the CSRF token back like the pages and API clients do.
 *
 * <p>School {@code regenboog} has guardian Anna (active account, child Sanne in Groep 5) and Bram
 * (no account, child Tim in Groep 7); Carla has no email. School {@code klimop} has Dirk.
 */
final class AdminWebFixture implements AutoCloseable {

    static final SchoolId SCHOOL = SchoolId.of("regenboog");
    static final SchoolId OTHER = SchoolId.of("klimop");
    static final String PASSWORD = "een goed lang wachtwoord";
    static final URI PORTAL_URL = URI.create("http://localhost/");
    /** Staff users of the host: username -> password and who they are. */
    static final Map<String, StaffActor> STAFF = Map.of(
            "beheerder", new StaffActor(StaffId.of("m-1"), "Juf Ineke", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL)),
            "uitnodiger", new StaffActor(StaffId.of("m-2"), "Meester Bas", Set.of(StaffActor.Role.INVITE), Set.of(SCHOOL)),
            "leerkracht", new StaffActor(StaffId.of("m-3"), "Juf Els", Set.of(), Set.of(SCHOOL)),
            "bestuur", new StaffActor(StaffId.of("m-4"), "Bestuurder", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL, OTHER)));

    final InMemoryHost host = new InMemoryHost();
    /** What the host says of a staff user now, where a test changed it (roles taken away, user gone). */
    final Map<StaffId, Optional<StaffActor>> hostNow = new java.util.concurrent.ConcurrentHashMap<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    final GreenMail smtp;
    final Portal portal;
    final PortalWeb web;
    final GuardianId anna = GuardianId.of("anna");
    final GuardianId bram = GuardianId.of("bram");
    final GuardianId carla = GuardianId.of("carla");
    final GuardianId dirk = GuardianId.of("dirk");
    final StudentId sanne = StudentId.of("sanne");
    final StudentId tim = StudentId.of("tim");

    AdminWebFixture() {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        host.addSchool(OTHER.value(), "CBS De Klimop");
        SchoolYear year = SchoolYear.containing(LocalDate.of(2026, 3, 2));
        guardian("anna", "Anna", "anna@example.org", "sanne", SCHOOL);
        host.placeInGroup(sanne, year, InMemoryHost.group("g5", SCHOOL, year, "Groep 5", 5));
        guardian("bram", "Bram", "bram@example.org", "tim", SCHOOL);
        host.placeInGroup(tim, year, InMemoryHost.group("g7", SCHOOL, year, "Groep 7", 7));
        guardian("carla", "Carla", null, "lotte", SCHOOL);
        guardian("dirk", "Dirk", "dirk@example.org", "mees", OTHER);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        portal = host.registerAll(Portal.builder()).store(TestDatabases.h2()).clock(clock)
                .install(nl.ouderportaal.modules.BuiltInModules.all().toArray(new nl.ouderportaal.spi.module.ContentModule<?>[0]))
                .accounts(AccountSettings.defaults(PORTAL_URL).withHashing(new PasswordHasher.Parameters(1024, 1, 1)))
                .mail(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), SmtpSettings.Security.NONE, null, null,
                        "ouderportaal@regenboog.example.org", "Ouderportaal"))
                .build();
        web = PortalWeb.builder(portal)
                .staffAuthenticator(new StaffAuthenticator() {
                    @Override
                    public Optional<StaffActor> authenticate(String username, String password) {
                        return Optional.ofNullable(STAFF.get(username)).filter(actor -> password.equals(username + "-wachtwoord"));
                    }

                    @Override
                    public Optional<StaffActor> current(StaffActor known) {
                        return hostNow.getOrDefault(known.id(), Optional.of(known));
                    }
                })
                .build()
                .start("127.0.0.1", 0);
        activate(anna, "anna@example.org");
    }

    /** Adds a guardian with one child at the school, as the host would have them. */
    void guardian(String id, String name, String email, String child, SchoolId school) {
        Guardian base = host.addGuardian(id, name, "Jansen");
        host.guardians.put(base.id(), new Guardian(base.id(), base.name(), base.personalData(), base.address(),
                new ContactData(email, null, null, null), null, null));
        host.addStudent(child, school, child.substring(0, 1).toUpperCase() + child.substring(1), LocalDate.of(2016, 4, 1),
                EnrolmentStatus.IN_EDUCATION);
        host.link(base.id(), StudentId.of(child), true);
    }

    /** Invites the guardian, delivers the mail and sets the password from its link. */
    void activate(GuardianId guardian, String email) {
        portal.invitations().inviteOne(STAFF.get("beheerder"), SCHOOL, guardian);
        deliver();
        portal.authentication().acceptInvitation(WebFixture.lastToken(smtp, email), PASSWORD);
        deliver();
    }

    int deliver() {
        return portal.mailDispatcher().orElseThrow().drainOnce();
    }

    List<MimeMessage> mailsTo(String address) {
        return WebFixture.mailsTo(smtp, address);
    }

    /** A new browser or API client: its own cookies. */
    Client client() {
        return new Client("http://127.0.0.1:" + web.port());
    }

    /** A client with a staff session of the given user (see {@link #STAFF}). */
    Client staff(String username) {
        Client client = client();
        Response response = client.json("POST", "/api/admin/session",
                Map.of("username", username, "password", username + "-wachtwoord"));
        if (response.status() != 200) {
            throw new AssertionError("Staff login failed: " + response.body());
        }
        return client;
    }

    List<String> auditActions() {
        return portal.audit().ofSchool(SCHOOL, 500).stream().map(e -> e.action()).toList();
    }

    @Override
    public void close() {
        ApiContract.forget("http://127.0.0.1:" + web.port());
        web.stop();
        portal.close();
        smtp.stop();
    }

    /** An HTTP answer, as text and as bytes. */
    record Response(int status, byte[] bytes, java.net.http.HttpHeaders headers) {
        static Response of(HttpResponse<byte[]> response) {
            return new Response(response.statusCode(), response.body(), response.headers());
        }

        static Response ofText(HttpResponse<String> response) {
            return new Response(response.statusCode(), response.body().getBytes(StandardCharsets.UTF_8), response.headers());
        }

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return PortalJson.mapper().readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /**
     * The web tests' browser-like client ({@link WebFixture.Client}: cookies, the CSRF token) with what the
     * administration needs besides: binary answers, repeated form fields, file uploads and raw bodies.
     */
    static final class Client {
        final WebFixture.Client browser;
        boolean sendCsrf = true;

        Client(String base) {
            this.browser = new WebFixture.Client(base);
        }

        Response get(String path) {
            return Response.of(browser.getBytes(path));
        }

        Response json(String method, String path, Object body) {
            return Response.ofText(browser.json(method, path, body, sendCsrf));
        }

        Response bytes(String method, String path, String contentType, byte[] body) {
            HttpRequest.Builder request = request(path).header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            return send(sendCsrf ? request.header(WebSecurity.CSRF_HEADER, browser.csrf()) : request);
        }

        /** A form post as a browser sends it (fields may repeat), with the CSRF token in {@code _csrf}. */
        Response form(String path, Map<String, List<String>> fields) {
            StringBuilder body = new StringBuilder(sendCsrf ? "_csrf=" + browser.csrf() : "");
            fields.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        /** A multipart form post with one file, as a browser sends an upload. */
        Response upload(String path, String field, String fileName, String type, byte[] content) {
            String boundary = "----grens" + UUID.randomUUID();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + browser.csrf()
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n";
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            all.writeBytes(content);
            all.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray())));
        }

        String cookie(String name) {
            return browser.cookie(name);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(browser.base + path));
        }

        private Response send(HttpRequest.Builder request) {
            try {
                HttpRequest built = request.build();
                Response response = Response.of(browser.http.send(built, HttpResponse.BodyHandlers.ofByteArray()));
                ApiContract.check(built.method(), built.uri(), response.status(), response.header("Content-Type"), response.bytes());
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static Map<String, List<String>> fields(String... namesAndValues) {
            Map<String, List<String>> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                map.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
            }
            return map;
        }
    }
}
