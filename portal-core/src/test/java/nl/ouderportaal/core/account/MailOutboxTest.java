package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.ouderportaal.core.mail.DeliveryStatus;
import nl.ouderportaal.core.mail.MailDispatcher;
import nl.ouderportaal.core.mail.MailTransport;
import nl.ouderportaal.core.mail.OutgoingMail;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.core.testing.SmtpOutageProxy;
import nl.ouderportaal.spi.GuardianId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The mail outbox loses nothing and sends nothing twice")
class MailOutboxTest {

    @OnBothDatabases
    void anSmtpOutageInTheMiddleOfABulkInvitationOfAThousandGuardians(String db, Supplier<PortalStore> store) throws Exception {
        try (SmtpOutageProxy proxy = new SmtpOutageProxy(301);
             AccountsFixture f = new AccountsFixture(store.get(), proxy.port())) {
            proxy.forwardTo(f.smtpPort);
            List<GuardianId> guardians = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                guardians.add(f.guardianWithChild("g" + i, "ouder" + i + "@example.org"));
            }
            long queueStart = System.nanoTime();
            InvitationPreview result = f.portal.invitations().invite(ADMIN, SCHOOL, guardians);
            double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
            assertThat(result.recipients()).hasSize(1000);

            long sendStart = System.nanoTime();
            int sentBeforeOutage = f.deliver();
            assertThat(sentBeforeOutage).isEqualTo(300);
            assertThat(f.portal.outbox().pending()).isEqualTo(700);
            assertThat(f.deliver()).as("nothing is retried before the backoff").isZero();

            proxy.restore();
            f.clock.advance(Duration.ofMinutes(2));
            int sentAfterOutage = f.deliver();
            double sendSeconds = (System.nanoTime() - sendStart) / 1e9;

            assertThat(sentAfterOutage).isEqualTo(700);
            assertThat(f.portal.outbox().pending()).isZero();
            Map<String, Integer> perRecipient = mailsPerRecipient(f);
            assertThat(perRecipient).hasSize(1000).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
            assertThat(f.portal.outbox().lastOfKind("invitation", guardians).values())
                    .allSatisfy(s -> assertThat(s.state()).isEqualTo(DeliveryStatus.State.SENT));
            int bodiesKept = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(
                    "select count(*) from mail_outbox where body_text <> '' or body_html is not null").mapTo(Integer.class).one());
            assertThat(bodiesKept).as("sent mails keep no link in the store").isZero();
            System.out.printf("[%s] bulk invitation of 1,000 guardians: queued in %.2f s (%.0f/s); sent in %.2f s "
                    + "(%.0f mails/s) across an SMTP outage after %d mails%n", db, queueSeconds, 1000 / queueSeconds,
                    sendSeconds, 1000 / sendSeconds, sentBeforeOutage);
        }
    }

    @OnBothDatabases
    void overFourConnectionsABulkInvitationIsSentAtOnceOnEachAndEveryMailOnce(String db, Supplier<PortalStore> store) throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            List<GuardianId> guardians = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                guardians.add(f.guardianWithChild("g" + i, "ouder" + i + "@example.org"));
            }
            f.portal.invitations().invite(ADMIN, SCHOOL, guardians);
            CountingTransport counting = new CountingTransport(new nl.ouderportaal.core.mail.SmtpMailTransport(f.smtpSettings()));
            MailDispatcher dispatcher = new MailDispatcher(f.portal.outbox(), counting, f.clock,
                    nl.ouderportaal.core.internal.PortalMetrics.none(), 4);

            long start = System.nanoTime();
            int sent;
            try (dispatcher) {
                sent = dispatcher.drainOnce();
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(sent).isEqualTo(600);
            assertThat(f.portal.outbox().pending()).isZero();
            Map<String, Integer> perRecipient = mailsPerRecipient(f);
            assertThat(perRecipient).hasSize(600).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
            assertThat(counting.mostAtOnce.get()).as("connections open at once").isBetween(2, 4);
            System.out.printf("[%s] 600 invitations over 4 SMTP connections: %.2f s (%.0f mails/s), %d connections at most at once%n",
                    db, seconds, 600 / seconds, counting.mostAtOnce.get());
        }
    }

    @Test
    void aDispatcherOpensOneToThirtyTwoConnections() {
        try (AccountsFixture f = new AccountsFixture(PortalStore.h2InMemory("connections-" + System.nanoTime()))) {
            MailTransport transport = new nl.ouderportaal.core.mail.SmtpMailTransport(f.smtpSettings());
            assertThatThrownBy(() -> new MailDispatcher(f.portal.outbox(), transport, f.clock,
                    nl.ouderportaal.core.internal.PortalMetrics.none(), 0)).hasMessageContaining("1 to 32");
            assertThatThrownBy(() -> nl.ouderportaal.core.Portal.builder().mailConnections(33))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 32");
        }
    }

    private static Map<String, Integer> mailsPerRecipient(AccountsFixture f) throws jakarta.mail.MessagingException {
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : f.smtp.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                perRecipient.merge(to.toString(), 1, Integer::sum);
            }
        }
        return perRecipient;
    }

    /** Counts how many connections are open at once. */
    private static final class CountingTransport implements MailTransport {
        private final MailTransport delegate;
        private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();

        CountingTransport(MailTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection open() throws MailException {
            Connection connection = delegate.open();
            mostAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
            return new Connection() {
                @Override
                public void send(nl.ouderportaal.core.mail.QueuedMail mail) throws MailException {
                    connection.send(mail);
                }

                @Override
                public void close() {
                    open.decrementAndGet();
                    connection.close();
                }
            };
        }
    }

    @OnBothDatabases
    void aMailTheServerRefusesIsRetriedWithBackoffThenReportedAsFailed(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.smtp.stop();

            assertThat(f.deliver()).isZero();
            assertThat(f.portal.outbox().lastOfKind("invitation", List.of(anna)).get(anna))
                    .satisfies(s -> {
                        assertThat(s.state()).isEqualTo(DeliveryStatus.State.QUEUED);
                        assertThat(s.lastError()).contains("Cannot connect");
                    });
            // Nothing is due until the backoff has passed.
            f.smtp = new GreenMail(new ServerSetup(f.smtpPort, "127.0.0.1", "smtp"));
            f.smtp.start();
            assertThat(f.deliver()).isZero();
            f.clock.advance(Duration.ofMinutes(1));
            assertThat(f.deliver()).isEqualTo(1);
            assertThat(f.portal.outbox().lastOfKind("invitation", List.of(anna)).get(anna).state())
                    .isEqualTo(DeliveryStatus.State.SENT);
        }
    }

    @Test
    void headersCannotBeInjectedThroughTheRecipientOrTheSubject() {
        assertThatThrownBy(() -> new OutgoingMail("anna@example.org\r\nBcc: x@example.org", "Hallo", "tekst", null, "t", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("anna@example.org", "Hallo\nBcc: x@example.org", "tekst", null, "t", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("anna@example.org, x@example.org", "Hallo", "tekst", null, "t", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OutgoingMail.oneLine("School\r\nBcc: x")).isEqualTo("School Bcc: x");
    }
}
