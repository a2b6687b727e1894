package nl.ouderportaal.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.mail.SmtpMailTransport;
import nl.ouderportaal.core.store.PortalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-BEYOND-2 with a real crash: a portal JVM is killed with SIGKILL in the middle of a bulk invitation,
 * and a new node on the same H2 file database finishes it.
 *
 * <p>What the design guarantees (docs/design.md, Mail): a mail is marked sent right after the SMTP server
 * accepted it. A crash between the two leaves exactly one row claimed but unmarked; it is sent again when
 * its 5-minute lease ends, with the same Message-ID ({@code outbox-<id>@...}) so that receiving systems
 * can drop the copy. So: every address gets its invitation; every address gets exactly one distinct
 * Message-ID; at most one address (the one in flight at the kill) gets a second copy, and then with the
 * same Message-ID. The restarted node uses a clock 6 minutes ahead instead of waiting for the lease.
 */
@DisplayName("Faults: a portal JVM killed with SIGKILL mid-dispatch")
class KilledDispatcherTest {

    private static final int GUARDIANS = 60;
    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    @DisplayName("After kill -9 mid-batch, a restarted node delivers every invitation: one Message-ID per address")
    void killedMidDispatchThenDrainedByANewNode(@TempDir Path dir) throws Exception {
        smtp.start();
        Path database = dir.resolve("portal");
        Process child = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp", testClassPath(),
                DispatchChild.class.getName(), database.toString(), String.valueOf(smtp.getSmtp().getPort()),
                String.valueOf(GUARDIANS), "40")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (smtp.getReceivedMessages().length < GUARDIANS / 4) {
                assertThat(child.isAlive()).as("child ended early: %s", log(dir)).isTrue();
                assertThat(System.nanoTime()).as("child sent too little in time: %s", log(dir)).isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
            child.waitFor(10, TimeUnit.SECONDS);
        }
        int beforeRestart = smtp.getReceivedMessages().length;
        assertThat(beforeRestart).as("killed mid-dispatch, not after it").isLessThan(GUARDIANS);

        Clock afterLease = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6));
        try (Portal node = DispatchChild.portal(DispatchChild.host(GUARDIANS), PortalStore.h2File(database),
                new SmtpMailTransport(DispatchChild.settings(smtp.getSmtp().getPort())), afterLease)) {
            node.mailDispatcher().orElseThrow().drainOnce();
            assertThat(node.outbox().pending()).isZero();
        }

        Map<String, List<String>> idsByAddress = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            String to = ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
            idsByAddress.computeIfAbsent(to, a -> new ArrayList<>()).add(messageId(mail));
        }
        Set<String> expected = new HashSet<>();
        for (int i = 1; i <= GUARDIANS; i++) {
            expected.add(DispatchChild.address(i));
        }
        assertThat(idsByAddress.keySet()).isEqualTo(expected);
        List<String> twice = new ArrayList<>();
        idsByAddress.forEach((address, ids) -> {
            assertThat(new HashSet<>(ids)).as("distinct Message-IDs to %s", address).hasSize(1);
            if (ids.size() > 1) {
                twice.add(address);
            }
        });
        assertThat(twice).as("addresses that got the in-flight mail again").hasSizeLessThanOrEqualTo(1);
        assertThat(smtp.getReceivedMessages().length).isBetween(GUARDIANS, GUARDIANS + 1);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire may start the tests through a manifest-only jar; its property has the real class path. */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

}
