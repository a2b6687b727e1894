package nl.ouderportaal.reliability.faults;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.mail.MailTransport;
import nl.ouderportaal.core.mail.QueuedMail;
import nl.ouderportaal.core.mail.SmtpMailTransport;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Guardian;

/**
 * A portal node in a JVM of its own, to be killed with SIGKILL: {@code invite} queues a bulk invitation of
 * {@code count} guardians on the H2 file database and then dispatches it slowly (a pause per mail), so
 * that the parent can kill it mid-dispatch.
 *
 * <p>Arguments: database path, SMTP port, guardian count, pause per mail in milliseconds.
 */
public final class DispatchChild {

    static final SchoolId SCHOOL = SchoolId.of("regenboog");
    static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "Juf Ineke de Boer",
            Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));

    private DispatchChild() {
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        long pauseMillis = Long.parseLong(args[3]);
        InMemoryHost host = host(count);
        MailTransport smtp = new SmtpMailTransport(settings(smtpPort));
        MailTransport slow = () -> {
            MailTransport.Connection connection = smtp.open();
            return new MailTransport.Connection() {
                @Override
                public void send(QueuedMail mail) throws MailTransport.MailException {
                    connection.send(mail);
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        };
        try (Portal portal = portal(host, PortalStore.h2File(database), slow, Clock.systemUTC())) {
            portal.invitations().invite(ADMIN, SCHOOL, guardians(count));
            System.out.println("queued " + portal.outbox().pending());
            System.out.flush();
            portal.mailDispatcher().orElseThrow().drainOnce();
            System.out.println("drained");
        }
    }

    static Portal portal(InMemoryHost host, PortalStore store, MailTransport transport, Clock clock) {
        return host.register(Portal.builder()).store(store).clock(clock)
                .accounts(AccountSettings.defaults(URI.create("https://ouders.regenboog.example.org/")))
                .mail(transport)
                .build();
    }

    static SmtpSettings settings(int port) {
        return new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, null, null,
                "ouderportaal@regenboog.example.org", "Ouderportaal");
    }

    /** The same host data in every JVM: guardian i has address ouder-i@example.org. */
    static InMemoryHost host(int count) {
        InMemoryHost host = new InMemoryHost();
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        for (int i = 1; i <= count; i++) {
            Guardian base = host.addGuardian("g-" + i, "Ouder", "Nummer " + i);
            host.guardians.put(base.id(), new Guardian(base.id(), base.name(), base.personalData(), base.address(),
                    new ContactData(address(i), null, null, null), null, null));
            var child = host.addStudent("s-" + i, SCHOOL, "Kind", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION);
            host.link(base.id(), child.id(), true);
        }
        return host;
    }

    static List<GuardianId> guardians(int count) {
        List<GuardianId> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(GuardianId.of("g-" + i));
        }
        return ids;
    }

    static String address(int i) {
        return "ouder-" + i + "@example.org";
    }
}
