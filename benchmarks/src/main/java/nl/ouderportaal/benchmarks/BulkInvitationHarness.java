package nl.ouderportaal.benchmarks;

import com.icegreen.greenmail.store.FolderException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UnsupportedEncodingException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.mail.MailDispatcher;
import nl.ouderportaal.demo.DemoSchool;
import nl.ouderportaal.demo.DemoSchoolGenerator;
import nl.ouderportaal.demo.DemoSize;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.GuardianWithLinks;

/**
 * B3, a plain timed harness (not JMH: one bulk run is the unit, and it changes the world): inviting
 * {@value #GUARDIANS} guardians of the large world into the demo's in-JVM GreenMail, end to end (queue in the
 * outbox, then dispatch until the outbox is drained), against raw Jakarta Mail (Angus) sending the same
 * rendered messages over one reused Transport connection. Each side runs once, after a warm-up of
 * {@value #WARM_UP} mails on each side.
 */
public final class BulkInvitationHarness {

    public static final int GUARDIANS = 10_000;
    static final int WARM_UP = 500;
    /** The dispatcher's SMTP connections the dispatch alone is measured at. */
    static final int[] CONNECTIONS = {1, 2, 4};

    /** What one run measured. */
    public record Result(int mails, double portalSeconds, double queueSeconds, double dispatchSeconds, int rawMails,
                         double rawSeconds, long heapBeforeBytes, long heapAfterGcBytes, long heapMaxBytes,
                         Map<Integer, Double> dispatchMailsPerSecondByConnections) {
        public double portalMailsPerSecond() {
            return mails / portalSeconds;
        }

        public double rawMailsPerSecond() {
            return rawMails / rawSeconds;
        }
    }

    private record Rendered(String recipient, String from, String subject, String text, String html) {
    }

    private BulkInvitationHarness() {
    }

    public static Result run() throws MessagingException, IOException, FolderException {
        try (DemoSchool demo = BenchmarkWorlds.openCopy(DemoSize.LARGE, "invitations")) {
            Portal portal = demo.portal();
            MailDispatcher dispatcher = portal.mailDispatcher().orElseThrow();
            List<String> schools = DemoSchoolGenerator.schoolIds(DemoSize.LARGE);
            StaffActor admin = new StaffActor(StaffId.of("bench-admin"), "Benchmark (beheerder)", Set.of(StaffActor.Role.ADMIN),
                    schools.stream().map(SchoolId::of).collect(Collectors.toSet()));
            Map<SchoolId, List<GuardianId>> invitees = invitees(demo, schools, WARM_UP + GUARDIANS);
            Map<SchoolId, List<GuardianId>> warmUp = take(invitees, WARM_UP);
            int before = demo.mailbox().getReceivedMessages().length;

            inviteAndDrain(portal, dispatcher, admin, warmUp);
            demo.mailbox().purgeEmailFromAllMailboxes();
            long heapBefore = heapAfterGc();

            long start = System.nanoTime();
            int invited = 0;
            for (Map.Entry<SchoolId, List<GuardianId>> school : invitees.entrySet()) {
                invited += portal.invitations().invite(admin, school.getKey(), school.getValue()).recipients().size();
            }
            long queued = System.nanoTime();
            int sent = drain(dispatcher);
            long end = System.nanoTime();
            if (invited != GUARDIANS || sent != GUARDIANS || portal.outbox().pending() != 0) {
                throw new IllegalStateException("Invited " + invited + ", sent " + sent + ", still pending "
                        + portal.outbox().pending() + "; expected " + GUARDIANS + " (mails before: " + before + ")");
            }
            Path saved = save(rendered(demo.mailbox().getReceivedMessages()));
            demo.mailbox().purgeEmailFromAllMailboxes();
            // Measured with the rendered copies on disk, so that the figure is the world's, not the harness's.
            long heapAfterGc = heapAfterGc();
            List<Rendered> rendered = load(saved);
            if (rendered.size() != GUARDIANS) {
                throw new IllegalStateException("GreenMail received " + rendered.size() + " mails, expected " + GUARDIANS);
            }

            Session session = Session.getInstance(smtpProperties(demo.mailbox().getSmtp().getPort()));
            sendRaw(session, rendered.subList(0, WARM_UP));
            demo.mailbox().purgeEmailFromAllMailboxes();
            long rawStart = System.nanoTime();
            sendRaw(session, rendered);
            long rawEnd = System.nanoTime();
            if (demo.mailbox().getReceivedMessages().length != GUARDIANS) {
                throw new IllegalStateException("GreenMail received " + demo.mailbox().getReceivedMessages().length
                        + " raw mails, expected " + GUARDIANS);
            }
            demo.mailbox().purgeEmailFromAllMailboxes();
            Map<Integer, Double> byConnections = new java.util.TreeMap<>();
            for (int connections : CONNECTIONS) {
                byConnections.put(connections, dispatchRate(demo, admin, invitees, connections));
            }
            return new Result(GUARDIANS, (end - start) / 1e9, (queued - start) / 1e9, (end - queued) / 1e9, GUARDIANS,
                    (rawEnd - rawStart) / 1e9, heapBefore, heapAfterGc, Runtime.getRuntime().maxMemory(), byConnections);
        }
    }

    /**
     * The same guardians invited again (their accounts wait for a password, so they get a new link), then the
     * outbox drained by a dispatcher with {@code connections} SMTP connections: mails per second of the dispatch.
     */
    private static double dispatchRate(DemoSchool demo, StaffActor admin, Map<SchoolId, List<GuardianId>> invitees,
                                       int connections) throws FolderException {
        Portal portal = demo.portal();
        invitees.forEach((school, ids) -> portal.invitations().invite(admin, school, ids));
        nl.ouderportaal.core.mail.SmtpMailTransport transport = new nl.ouderportaal.core.mail.SmtpMailTransport(
                new nl.ouderportaal.core.mail.SmtpSettings("127.0.0.1", demo.mailbox().getSmtp().getPort(),
                        nl.ouderportaal.core.mail.SmtpSettings.Security.NONE, null, null, "ouderportaal@example.org", "Ouderportaal"));
        int sent;
        long start = System.nanoTime();
        try (MailDispatcher dispatcher = new MailDispatcher(portal.outbox(), transport, java.time.Clock.systemUTC(),
                nl.ouderportaal.core.internal.PortalMetrics.none(), connections)) {
            sent = drain(dispatcher);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int received = demo.mailbox().getReceivedMessages().length;
        demo.mailbox().purgeEmailFromAllMailboxes();
        if (sent != GUARDIANS || received != GUARDIANS) {
            throw new IllegalStateException("Over " + connections + " connections: sent " + sent + ", received " + received
                    + ", expected " + GUARDIANS);
        }
        System.out.printf(Locale.ROOT, "B3 dispatch over %d SMTP connection(s): %,d mails in %.1f s, %.0f mails/s%n",
                connections, sent, seconds, sent / seconds);
        return sent / seconds;
    }

    /** Guardians with an email address and no account yet, school by school, until {@code count}. */
    private static Map<SchoolId, List<GuardianId>> invitees(DemoSchool demo, List<String> schools, int count) {
        Map<SchoolId, List<GuardianId>> invitees = new LinkedHashMap<>();
        Set<GuardianId> seen = new java.util.HashSet<>();
        int total = 0;
        for (String school : schools) {
            for (GuardianWithLinks guardian : demo.sis().guardiansOfSchool(SchoolId.of(school))) {
                GuardianId id = guardian.guardian().id();
                String email = guardian.guardian().contact().email();
                if (total < count && email != null && !email.isBlank() && seen.add(id)
                        && demo.portal().accounts().status(id) == nl.ouderportaal.core.account.AccountStatus.NONE) {
                    invitees.computeIfAbsent(SchoolId.of(school), k -> new ArrayList<>()).add(id);
                    total++;
                }
            }
        }
        if (total < count) {
            throw new IllegalStateException("The large world has only " + total + " guardians to invite");
        }
        return invitees;
    }

    /** Removes the first {@code count} invitees, keeping their schools. */
    private static Map<SchoolId, List<GuardianId>> take(Map<SchoolId, List<GuardianId>> invitees, int count) {
        Map<SchoolId, List<GuardianId>> taken = new LinkedHashMap<>();
        int left = count;
        for (Map.Entry<SchoolId, List<GuardianId>> school : invitees.entrySet()) {
            List<GuardianId> ids = school.getValue();
            int n = Math.min(left, ids.size());
            taken.put(school.getKey(), new ArrayList<>(ids.subList(0, n)));
            ids.subList(0, n).clear();
            left -= n;
            if (left == 0) {
                break;
            }
        }
        invitees.values().removeIf(List::isEmpty);
        return taken;
    }

    private static void inviteAndDrain(Portal portal, MailDispatcher dispatcher, StaffActor admin,
                                       Map<SchoolId, List<GuardianId>> invitees) {
        invitees.forEach((school, ids) -> portal.invitations().invite(admin, school, ids));
        drain(dispatcher);
    }

    private static int drain(MailDispatcher dispatcher) {
        int sent = 0;
        for (int round = dispatcher.drainOnce(); round > 0; round = dispatcher.drainOnce()) {
            sent += round;
        }
        return sent;
    }

    private static List<Rendered> rendered(MimeMessage[] messages) throws MessagingException, IOException {
        List<Rendered> rendered = new ArrayList<>();
        for (MimeMessage message : messages) {
            String text = null;
            String html = null;
            Object content = message.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).isMimeType("text/html")) {
                        html = (String) parts.getBodyPart(i).getContent();
                    } else {
                        text = (String) parts.getBodyPart(i).getContent();
                    }
                }
            } else {
                text = String.valueOf(content);
            }
            rendered.add(new Rendered(message.getAllRecipients()[0].toString(), message.getFrom()[0].toString(),
                    message.getSubject(), text, html));
        }
        return rendered;
    }

    private static Path save(List<Rendered> mails) throws IOException {
        Path file = Files.createTempFile("bench-rendered-mails", ".bin");
        file.toFile().deleteOnExit();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(mails.size());
            for (Rendered mail : mails) {
                for (String field : new String[] {mail.recipient(), mail.from(), mail.subject(), mail.text(), mail.html()}) {
                    out.writeBoolean(field != null);
                    if (field != null) {
                        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                        out.writeInt(bytes.length);
                        out.write(bytes);
                    }
                }
            }
        }
        return file;
    }

    private static List<Rendered> load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            List<Rendered> mails = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String[] fields = new String[5];
                for (int f = 0; f < fields.length; f++) {
                    if (in.readBoolean()) {
                        fields[f] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                    }
                }
                mails.add(new Rendered(fields[0], fields[1], fields[2], fields[3], fields[4]));
            }
            Files.delete(file);
            return mails;
        }
    }

    private static Properties smtpProperties(int port) {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        return props;
    }

    /** Builds each message as the portal's SMTP transport does and sends it over one connection. */
    private static void sendRaw(Session session, List<Rendered> mails) throws MessagingException, UnsupportedEncodingException {
        try (Transport transport = session.getTransport()) {
            transport.connect();
            for (Rendered mail : mails) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(mail.from()));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
                message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
                if (mail.html() == null) {
                    message.setText(mail.text(), StandardCharsets.UTF_8.name());
                } else {
                    MimeMultipart alternative = new MimeMultipart("alternative");
                    MimeBodyPart text = new MimeBodyPart();
                    text.setText(mail.text(), StandardCharsets.UTF_8.name());
                    MimeBodyPart html = new MimeBodyPart();
                    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
                    alternative.addBodyPart(text);
                    alternative.addBodyPart(html);
                    message.setContent(alternative);
                }
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
