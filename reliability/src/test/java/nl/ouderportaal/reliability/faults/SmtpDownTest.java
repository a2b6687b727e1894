package nl.ouderportaal.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.mail.DeliveryStatus;
import nl.ouderportaal.core.mail.SmtpMailTransport;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SMTP down for the whole of a bulk invitation, then back. The SMTP connection cut in the middle of a batch
 * of 1,000 (on H2 and PostgreSQL) is covered in portal-core by {@code MailOutboxTest} with
 * {@code SmtpOutageProxy}; this is the other case: no server at all when the batch starts.
 */
@DisplayName("Faults: SMTP down during a bulk invitation")
class SmtpDownTest {

    private static final int GUARDIANS = 40;

    @Test
    @DisplayName("With SMTP down nothing is lost or counted as an attempt; once it is back each guardian gets one mail")
    void smtpDownThenBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
        PortalStore store = PortalStore.h2InMemory("smtp-down");
        try (store; Portal portal = DispatchChild.portal(DispatchChild.host(GUARDIANS), store,
                new SmtpMailTransport(DispatchChild.settings(port)), clock)) {
            var guardians = DispatchChild.guardians(GUARDIANS);
            assertThat(portal.invitations().invite(DispatchChild.ADMIN, DispatchChild.SCHOOL, guardians).recipients())
                    .hasSize(GUARDIANS);

            for (int run = 0; run < 3; run++) {
                assertThat(portal.mailDispatcher().orElseThrow().drainOnce()).isZero();
                clock.advance(Duration.ofMinutes(2));
            }
            assertThat(portal.outbox().pending()).isEqualTo(GUARDIANS);
            Integer attempts = nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select sum(attempts) from mail_outbox")
                    .mapTo(Integer.class).one());
            assertThat(attempts).as("attempts counted while SMTP was down").isZero();
            assertThat(portal.outbox().lastOfKind("invitation", guardians).values())
                    .allSatisfy(s -> assertThat(s.state()).isNotEqualTo(DeliveryStatus.State.SENT));

            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            smtp.start();
            try {
                assertThat(portal.mailDispatcher().orElseThrow().drainOnce()).isEqualTo(GUARDIANS);
                assertThat(portal.outbox().pending()).isZero();
                Map<String, Integer> perAddress = new HashMap<>();
                for (MimeMessage mail : smtp.getReceivedMessages()) {
                    perAddress.merge(((InternetAddress) mail.getAllRecipients()[0]).getAddress(), 1, Integer::sum);
                }
                assertThat(perAddress).hasSize(GUARDIANS).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
                assertThat(portal.outbox().lastOfKind("invitation", guardians).values())
                        .allSatisfy(s -> assertThat(s.state()).isEqualTo(DeliveryStatus.State.SENT));
            } finally {
                smtp.stop();
            }
        }
    }
}
