package nl.ouderportaal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.notes.NotesOptions;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;

/**
 * A real portal served over HTTP for web tests: H2 in memory, GreenMail as the SMTP server, a clock the
 * test moves, the in-memory host with two families at one school, and the web layer on a free port.
 */
final class WebFixture implements AutoCloseable {

    static final SchoolId SCHOOL = SchoolId.of("regenboog");
    static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "Juf Ineke de Boer", Set.of(StaffActor.Role.ADMIN),
            Set.of(SCHOOL));
    static final String PASSWORD = "een lang wachtwoord voor het portaal";
    static final GuardianId ANNA = GuardianId.of("anna");
    static final GuardianId BRAM = GuardianId.of("bram");
    static final StudentId SANNE = StudentId.of("child-of-anna");
    static final StudentId LUUK = StudentId.of("child-of-bram");
    private static final Pattern LINK = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static int instances;

    final InMemoryHost host = new InMemoryHost();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    final PortalStore store = PortalStore.h2InMemory("web-" + (++instances) + "-" + System.nanoTime());
    final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
    final Portal portal;
    final PortalWeb web;
    final String base;

    WebFixture() {
        this(URI.create("http://localhost/"));
    }

    /** A portal whose public address is {@code portalUrl} (https: the web layer marks its cookies Secure). */
    WebFixture(URI portalUrl) {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        host.schoolYears.put(SCHOOL, List.of(new nl.ouderportaal.spi.SchoolYear(2025), new nl.ouderportaal.spi.SchoolYear(2024)));
        family(ANNA, "Anna", "anna@example.org", SANNE, "Sanne");
        family(BRAM, "Bram", "bram@example.org", LUUK, "Luuk");
        host.notes.add(new Note("n1", SANNE, LocalDate.of(2026, 2, 20), "Gesprek", true, "Oudergesprek", "Fijn gesprek.", "Juf Ineke"));
        host.notes.add(new Note("n2", LUUK, LocalDate.of(2026, 2, 21), "Gesprek", true, "Geheim van Luuk", "Alleen voor Bram.", "Juf Ineke"));
        smtp.start();
        portal = host.registerAll(Portal.builder()).store(store).clock(clock)
                .install(BuiltInModules.all().toArray(ContentModule[]::new))
                .accounts(AccountSettings.defaults(portalUrl))
                .mail(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), SmtpSettings.Security.NONE, null, null,
                        "ouderportaal@regenboog.example.org", "Ouderportaal"))
                .build();
        for (ModuleDescriptor<?> module : portal.installedModules()) {
            portal.configuration().activate(SCHOOL, module.id(), "test");
        }
        portal.configuration().setOptions(SCHOOL, "notes", new NotesOptions(null, true), "test");
        web = PortalWeb.builder(portal)
                .staffAuthenticator((user, password) -> "beheerder".equals(user) && "geheim-beheer".equals(password)
                        ? java.util.Optional.of(ADMIN) : java.util.Optional.empty())
                .build().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        activate(ANNA, "anna@example.org");
        activate(BRAM, "bram@example.org");
    }

    private void family(GuardianId id, String name, String email, StudentId child, String childName) {
        Guardian base = host.addGuardian(id.value(), name, "Jansen");
        host.guardians.put(id, new Guardian(id, base.name(), base.personalData(), base.address(),
                new ContactData(email, null, null, null), null, null));
        host.addStudent(child.value(), SCHOOL, childName, LocalDate.of(2016, 4, 1), EnrolmentStatus.IN_EDUCATION);
        host.link(id, child, true);
    }

    void activate(GuardianId guardian, String email) {
        portal.invitations().inviteOne(ADMIN, SCHOOL, guardian);
        deliver();
        portal.authentication().acceptInvitation(lastToken(email), PASSWORD);
        deliver();
    }

    int deliver() {
        web.awaitBackgroundWork(); // recovery requests queue their mail after the answer
        return portal.mailDispatcher().orElseThrow().drainOnce();
    }

    List<MimeMessage> mailsTo(String address) {
        return mailsTo(smtp, address);
    }

    String lastToken(String address) {
        return lastToken(smtp, address);
    }

    /** The mails the SMTP server received for the address, oldest first. */
    static List<MimeMessage> mailsTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The token of the link in the last mail to the address. */
    static String lastToken(GreenMail smtp, String address) {
        List<MimeMessage> mails = mailsTo(smtp, address);
        Matcher matcher = LINK.matcher(plainText(mails.get(mails.size() - 1)));
        if (!matcher.find()) {
            throw new AssertionError("No link in the last mail to " + address);
        }
        return matcher.group(1);
    }

    static String plainText(MimeMessage message) {
        return nl.ouderportaal.testing.Mails.plainText(message);
    }

    Client client() {
        return new Client(base);
    }

    /** Table row counts of the portal's own store, to check that a refused request changed nothing. */
    Map<String, Integer> storeCounts() {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                        "select table_name from information_schema.tables where table_schema = 'PUBLIC'")
                .mapTo(String.class).list().stream().filter(t -> !t.startsWith("flyway"))
                .collect(Collectors.toMap(t -> t, t -> h.createQuery("select count(*) from \"" + t + "\"")
                        .mapTo(Integer.class).one())));
    }

    @Override
    public void close() {
        ApiContract.forget(base);
        web.stop();
        portal.close();
        smtp.stop();
        store.close();
    }

    /** A browser-like HTTP client: keeps cookies, and sends the CSRF token back as the pages' script would. */
    static final class Client {
        static final ObjectMapper JSON = new ObjectMapper();
        final String base;
        final CookieManager cookies = new CookieManager();
        final HttpClient http;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        /** Puts a cookie into the client as a browser would keep it (plain, version 0, for the whole site). */
        void setCookie(String name, String value) {
            HttpCookie cookie = new HttpCookie(name, value);
            cookie.setVersion(0);
            cookie.setPath("/");
            cookies.getCookieStore().add(URI.create(base), cookie);
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        /** The CSRF token, fetched with a harmless GET when the client has none yet. */
        String csrf() {
            if (cookie("XSRF-TOKEN") == null) {
                get("/api/csrf");
            }
            return cookie("XSRF-TOKEN");
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<byte[]> getBytes(String path) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().build();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                ApiContract.check(request.method(), request.uri(), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body());
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> json(String method, String path, Object body) {
            return json(method, path, body, true);
        }

        HttpResponse<String> json(String method, String path, Object body, boolean withCsrf) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
                if (withCsrf) {
                    request.header("X-XSRF-TOKEN", csrf());
                }
                return send(request);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        HttpResponse<String> form(String path, Map<String, String> fields) {
            return form(path, fields, true);
        }

        HttpResponse<String> form(String path, Map<String, String> fields, boolean withCsrf) {
            java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
            if (withCsrf) {
                all.put("_csrf", csrf());
            }
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> login(String email, String password) {
            return json("POST", "/api/session", Map.of("email", email, "password", password));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                HttpRequest built = request.build();
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                // Every answer of the API must be what /api/openapi.json says it is.
                ApiContract.check(built.method(), built.uri(), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body().getBytes(StandardCharsets.UTF_8));
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(request.build().method() + " " + request.build().uri() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static JsonNode parse(HttpResponse<String> response) {
            return parseText(response.body());
        }

        static JsonNode parseText(String text) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + text, e);
            }
        }
    }
}
