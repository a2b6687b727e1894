package nl.ouderportaal.examples.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.client.ApiClient;
import nl.ouderportaal.client.ApiException;
import nl.ouderportaal.client.api.GuardianApi;
import nl.ouderportaal.client.api.SessionApi;
import nl.ouderportaal.client.model.ChildPage;
import nl.ouderportaal.client.model.ChildSummary;
import nl.ouderportaal.client.model.DashboardEntry;
import nl.ouderportaal.client.model.DashboardPage;
import nl.ouderportaal.client.model.DayValue;
import nl.ouderportaal.client.model.FieldsBlock;
import nl.ouderportaal.client.model.Login;
import nl.ouderportaal.client.model.Me;
import nl.ouderportaal.client.model.ModuleLink;
import nl.ouderportaal.client.model.Section;
import nl.ouderportaal.client.model.TextValue;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.mail.MailTransport;
import nl.ouderportaal.core.mail.OutgoingMail;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.modules.notes.Note;
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
import nl.ouderportaal.web.PortalWeb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The client generated from {@code openapi.json} (openapi-generator, Java, library {@code native}) against a
 * real portal: a guardian logs in, reads the dashboard, the children and a child's notes page, all as typed
 * models. Cookies and the CSRF header are the client's business, as in a browser: a cookie manager keeps the
 * session, and a request interceptor echoes the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.
 */
@DisplayName("A client generated from the OpenAPI document")
class GeneratedClientTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");
    private static final GuardianId ANNA = GuardianId.of("anna");
    private static final StudentId SANNE = StudentId.of("sanne");
    private static final String PASSWORD = "een lang wachtwoord voor de client";
    private static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "Juf Ineke", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private static final List<OutgoingMail> MAILS = new CopyOnWriteArrayList<>();
    private static PortalStore store;
    private static Portal portal;
    private static PortalWeb web;

    @BeforeAll
    static void servePortal() {
        InMemoryHost host = new InMemoryHost();
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        Guardian anna = host.addGuardian(ANNA.value(), "Anna", "Jansen");
        host.guardians.put(ANNA, new Guardian(ANNA, anna.name(), anna.personalData(), anna.address(),
                new ContactData("anna@example.org", null, null, null), null, null));
        host.addStudent(SANNE.value(), SCHOOL, "Sanne", LocalDate.of(2016, 4, 1), EnrolmentStatus.IN_EDUCATION);
        host.link(ANNA, SANNE, true);
        host.notes.add(new Note("n1", SANNE, LocalDate.of(2026, 2, 20), "Gesprek", true, "Oudergesprek", "Fijn gesprek.", "Juf Ineke"));
        store = PortalStore.h2InMemory("api-client-" + System.nanoTime());
        portal = host.registerAll(Portal.builder()).store(store)
                .clock(new MutableClock(Instant.parse("2026-03-02T08:00:00Z")))
                .install(BuiltInModules.all().toArray(ContentModule[]::new))
                .accounts(AccountSettings.defaults(URI.create("http://localhost/")))
                .mail(capturedMail())
                .build();
        for (ModuleDescriptor<?> module : portal.installedModules()) {
            portal.configuration().activate(SCHOOL, module.id(), "test");
        }
        portal.configuration().showOnDashboard(SCHOOL, "notes", true, "test");
        portal.invitations().inviteOne(ADMIN, SCHOOL, ANNA);
        portal.mailDispatcher().orElseThrow().drainOnce();
        portal.authentication().acceptInvitation(lastToken(), PASSWORD);
        web = PortalWeb.builder(portal).build().start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopPortal() {
        web.stop();
        portal.close();
        store.close();
    }

    /** The generated client's configuration, as a browser-like app would set it up. */
    private static ApiClient client() {
        CookieManager cookies = new CookieManager();
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + web.port());
        client.setHttpClientBuilder(HttpClient.newBuilder().cookieHandler(cookies));
        client.setRequestInterceptor(request -> cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                .ifPresent(token -> request.header("X-XSRF-TOKEN", token)));
        return client;
    }

    @Test
    void aGuardianLogsInAndReadsTheDashboardTheChildrenAndANotesPage() throws ApiException {
        ApiClient client = client();
        SessionApi session = new SessionApi(client);
        GuardianApi guardian = new GuardianApi(client);
        // The first GET gives the client its CSRF cookie; the login must echo it.
        // A nonce and its HMAC under the session (issue 19): renewed at login, so the client must read it again.
        String before = session.getCsrfToken().getToken();
        assertThat(before).matches("[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]{43}");
        assertThat(session.logIn(new Login().email("anna@example.org").password(PASSWORD), null).getGuardian()).isEqualTo("anna");
        assertThat(session.getCsrfToken().getToken()).as("renewed at login").isNotEqualTo(before);

        DashboardPage dashboard = guardian.getDashboard(null);
        assertThat(dashboard.getDashboard().getWelcomes()).singleElement()
                .satisfies(welcome -> assertThat(welcome.getNl()).contains("OBS De Regenboog"));
        DashboardEntry note = dashboard.getDashboard().getEntries().stream().filter(e -> e.getKind().equals("notes"))
                .findFirst().orElseThrow();
        assertThat(note.getChild()).isEqualTo("sanne");
        assertThat(note.getDate()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(dashboard.getDashboard().getKinds()).contains("notes");

        ChildSummary sanne = guardian.listChildren().getItems().get(0);
        assertThat(sanne.getName()).isEqualTo("Sanne Jansen");
        assertThat(sanne.getSchool().getName()).isEqualTo("OBS De Regenboog");
        assertThat(sanne.getModules()).extracting(ModuleLink::getId).contains("notes", "absences");

        ChildPage notes = guardian.getChildPage("sanne", "notes", null);
        Section section = notes.getSections().stream().filter(s -> "n1".equals(s.getAnchor())).findFirst().orElseThrow();
        assertThat(section.getTitle().getNl()).isEqualTo("Oudergesprek");
        FieldsBlock fields = (FieldsBlock) section.getBlocks().get(0).getActualInstance();
        assertThat(fields.getFields()).anySatisfy(field -> assertThat(field.getValue().getActualInstance())
                .isInstanceOfSatisfying(DayValue.class, day -> assertThat(day.getDate()).isEqualTo(LocalDate.of(2026, 2, 20))));
        assertThat(fields.getFields()).anySatisfy(field -> assertThat(field.getValue().getActualInstance())
                .isInstanceOfSatisfying(TextValue.class, text -> assertThat(text.getText()).isEqualTo("Fijn gesprek.")));

        Me me = guardian.getMe(null);
        assertThat(me.getStatus()).isEqualTo(Me.StatusEnum.ACTIVE);
        assertThat(me.getUsername()).isEqualTo("anna@example.org");
        assertThat(me.getCorrectableFields()).extracting(f -> f.getKey()).contains("email", "address.city");
    }

    @Test
    void aRefusedLoginAndAMissingSessionArriveAsTheDocumentedErrors() throws ApiException {
        ApiClient client = client();
        SessionApi session = new SessionApi(client);
        session.getCsrfToken();
        assertThatThrownBy(() -> session.logIn(new Login().email("anna@example.org").password("fout"), null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(e.getResponseBody()).contains("\"error\":\"login-refused\"");
                });
        assertThatThrownBy(() -> new GuardianApi(client).getDashboard(null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }

    private static MailTransport capturedMail() {
        return () -> new MailTransport.Connection() {
            @Override
            public void send(nl.ouderportaal.core.mail.QueuedMail mail) {
                MAILS.add(mail.mail());
            }

            @Override
            public void close() {
            }
        };
    }

    private static String lastToken() {
        Matcher matcher = TOKEN.matcher(MAILS.get(MAILS.size() - 1).text());
        assertThat(matcher.find()).as("a link in the last mail").isTrue();
        return matcher.group(1);
    }
}
