package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.mail.MailTransport;
import nl.ouderportaal.core.mail.QueuedMail;
import nl.ouderportaal.core.mail.SmtpMailTransport;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.Race;
import nl.ouderportaal.core.testing.TestDatabases;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.GuardianId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Two portal nodes on one PostgreSQL share sessions, links, throttling, settings and the outbox")
class TwoNodesOnPostgresTest {

    private static final String PASSWORD = "twee knooppunten een database";

    private AccountsFixture f;
    private Portal a;
    private Portal b;
    private PortalStore storeB;

    @BeforeEach
    void twoNodes() {
        List<PortalStore> stores = TestDatabases.postgresNodes(2);
        f = new AccountsFixture(stores.get(0));
        storeB = stores.get(1);
        a = f.portal;
        b = f.anotherNode(storeB, new SmtpMailTransport(f.smtpSettings()));
    }

    @AfterEach
    void close() {
        b.close();
        storeB.close();
        f.close();
    }

    private String login(Portal node) {
        return ((LoginResult.Success) node.authentication().login("anna@example.org", PASSWORD)).sessionToken();
    }

    @Test
    void aSessionMadeOnOneNodeWorksOnTheOtherAndEndsEverywhere() {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.activate(anna, "anna@example.org", PASSWORD);

        String first = login(a);
        assertThat(b.authentication().session(first)).hasValueSatisfying(s -> assertThat(s.guardian()).isEqualTo(anna));
        a.authentication().logout(first);
        assertThat(b.authentication().session(first)).isEmpty();

        String second = login(b);
        a.accounts().deactivate(ADMIN, anna);
        assertThat(b.authentication().session(second)).isEmpty();
        assertThat(b.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
    }

    @Test
    void aLinkRedeemedOnOneNodeIsRefusedOnTheOtherAndOfFiftyThreadsOnTwoNodesOneWins() throws Exception {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
        f.deliver();
        String token = f.lastToken("anna@example.org");
        int wins = Race.successes(50, i -> {
            try {
                (i % 2 == 0 ? a : b).authentication().acceptInvitation(token, PASSWORD + " " + i);
                return true;
            } catch (PortalValidationException refused) {
                return false;
            }
        });

        assertThat(wins).isOne();
        assertThat(f.auditActions(anna)).filteredOn("password.set"::equals).hasSize(1);
    }

    @Test
    void failedLoginsCountAcrossBothNodes() {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.activate(anna, "anna@example.org", PASSWORD);
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? a : b).authentication().login("anna@example.org", "fout");
        }

        assertThat(a.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
        assertThat(b.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(b.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void guessesSentInParallelToBothNodesAreCountedOneByOne() throws Exception {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.activate(anna, "anna@example.org", PASSWORD);

        int accepted = Race.successes(20, i -> (i % 2 == 0 ? a : b).authentication()
                .login("anna@example.org", "gok " + i) instanceof LoginResult.Success);

        assertThat(accepted).isZero();
        assertThat(f.auditActions(anna)).filteredOn("login.failed"::equals).hasSize(5);
        assertThat(f.auditActions(anna)).filteredOn("login.throttled"::equals).hasSize(15);
        assertThat(a.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
    }

    @Test
    void recoveryMailsStayWithinTheLimitUnderConcurrentRequests() throws Exception {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.activate(anna, "anna@example.org", PASSWORD);
        int before = f.portal.outbox().pending();

        Race.successes(12, i -> {
            (i % 2 == 0 ? a : b).authentication().forgotPassword("anna@example.org");
            return true;
        });

        assertThat(f.portal.outbox().pending() - before).isEqualTo(3);
    }

    @Test
    void aSettingOrModuleChangedOnOneNodeShowsOnTheOtherAtTheNextRequest() {
        List<PortalStore> stores = TestDatabases.postgresNodes(2);
        Portal nodeA = f.host.register(Portal.builder()).store(stores.get(0)).clock(f.clock).install(new AbsencesModule()).build();
        Portal nodeB = f.host.register(Portal.builder()).store(stores.get(1)).clock(f.clock).install(new AbsencesModule()).build();
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        nodeA.accounts().importActiveAccount(anna, "anna@example.org", "test");
        try {
            nodeA.configuration().activate(SCHOOL, AbsencesModule.ID, "beheerder");
            assertThat(nodeB.guardians().home(Viewer.guardian(anna)).children().get(0).modules())
                    .extracting(m -> m.moduleId()).containsExactly(AbsencesModule.ID);

            nodeA.configuration().updateSettings(SCHOOL, new SchoolSettingsUpdate(null, null, true), "beheerder");
            assertThat(nodeB.guardians().home(Viewer.guardian(anna)).children()).isEmpty();
            assertThat(nodeB.guardians().home(Viewer.guardian(anna)).maintenanceNotices()).hasSize(1);
        } finally {
            stores.forEach(PortalStore::close);
        }
    }

    @Test
    void twoDispatchersDrainABulkInvitationOf2000ExactlyOnceEvenWhenOneDiesMidBatch() throws Exception {
        List<GuardianId> guardians = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            guardians.add(f.guardianWithChild("g" + i, "ouder" + i + "@example.org"));
        }
        assertThat(a.invitations().invite(ADMIN, SCHOOL, guardians).recipients()).hasSize(2000);

        // Node B's dispatcher dies (as a killed process would) before its 151st mail: its claimed rows stay leased.
        Portal dying = f.anotherNode(storeB, new DyingTransport(new SmtpMailTransport(f.smtpSettings()), 150));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        Future<Integer> sentByA = nodes.submit(() -> a.mailDispatcher().orElseThrow().drainOnce());
        Future<Integer> sentByDying = nodes.submit(() -> {
            try {
                return dying.mailDispatcher().orElseThrow().drainOnce();
            } catch (IllegalStateException killed) {
                return -1;
            }
        });
        int firstRound = sentByA.get();
        assertThat(sentByDying.get()).as("the dying dispatcher died").isEqualTo(-1);
        nodes.shutdown();

        assertThat(a.outbox().pending()).as("rows the dead dispatcher held").isPositive();
        f.clock.advance(Duration.ofMinutes(6));
        int secondRound = b.mailDispatcher().orElseThrow().drainOnce();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(a.outbox().pending()).isZero();
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : f.smtp.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                perRecipient.merge(to.toString(), 1, Integer::sum);
            }
        }
        assertThat(perRecipient).hasSize(2000).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
        assertThat(firstRound + 150 + secondRound).isEqualTo(2000);
        System.out.printf("[PostgreSQL, 2 nodes] 2,000 invitations: node A sent %d, node B died after 150, "
                + "node B' reclaimed and sent %d after the lease; %.1f s, %.0f mails/s%n", firstRound, secondRound, seconds,
                2000 / seconds);
        dying.close();
    }

    @Test
    void bothNodesServeGuardianRequestsFromTheSharedStore() throws Exception {
        List<GuardianId> guardians = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GuardianId guardian = f.guardianWithChild("p" + i, "p" + i + "@example.org");
            a.accounts().importActiveAccount(guardian, "p" + i + "@example.org", "test");
            guardians.add(guardian);
        }
        // Sessions are started through the store as a login would, without 40 Argon2id hashes.
        for (GuardianId guardian : guardians) {
            sessions.add(nl.ouderportaal.core.internal.Database.jdbi(f.store).inTransaction(h -> new Sessions(f.store, a.audit(), f.clock, Duration.ofMinutes(30),
                    Duration.ofHours(12)).start(h, guardian, null, null)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger requests = new AtomicInteger();
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Portal node = t % 2 == 0 ? a : b;
            int offset = t;
            workers.add(threads.submit(() -> {
                for (int i = offset; System.nanoTime() < until; i++) {
                    var session = node.authentication().session(sessions.get(i % sessions.size())).orElseThrow();
                    assertThat(node.guardians().home(Viewer.guardian(session.guardian())).children()).hasSize(1);
                    requests.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        threads.shutdown();

        assertThat(requests.get()).isPositive();
        System.out.printf("[PostgreSQL, 2 nodes x 4 threads] session check + home page: %d requests in 3 s = %.0f/s%n",
                requests.get(), requests.get() / 3.0);
    }

    /** A transport whose connection dies with a runtime error (no bookkeeping) before mail {@code limit + 1}. */
    private record DyingTransport(MailTransport delegate, int limit) implements MailTransport {
        private static final AtomicInteger SENT = new AtomicInteger();

        @Override
        public Connection open() throws MailException {
            Connection connection = delegate.open();
            return new Connection() {
                @Override
                public void send(QueuedMail mail) throws MailException {
                    if (SENT.incrementAndGet() > limit) {
                        throw new IllegalStateException("dispatcher killed");
                    }
                    connection.send(mail);
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        }
    }

    @Test
    void aHostConfiguresTheStoreWithAJdbcUrl() {
        try (PortalStore byUrl = PortalStore.jdbc(TestDatabases.postgresUrl(), "postgres", "", 4)) {
            byUrl.migrate();

            int tables = nl.ouderportaal.core.internal.Database.jdbi(byUrl).withHandle(h -> h.createQuery(
                    "select count(*) from information_schema.tables where table_name = 'mail_outbox'").mapTo(Integer.class).one());
            assertThat(tables).isOne();
        }
    }
}
