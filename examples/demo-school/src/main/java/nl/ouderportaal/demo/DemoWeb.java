package nl.ouderportaal.demo;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.web.PortalWeb;

/**
 * The demo school as a running web portal: the portal's pages and API, the demo's administrator login,
 * a mail dispatcher, and the demo mailbox ({@code /demo/mailbox}, {@code /demo/mailbox.json}) where a
 * visitor reads what the portal sent, so an invitation can be followed end to end in the browser. When the
 * portal runs on a {@link DemoClock}, the demo control ({@code /demo/control}) moves that clock and changes the
 * demo SIS's reports, notes and absences.
 */
public final class DemoWeb implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final DemoSchool demo;
    private final PortalWeb web;
    /** Runs the portal's housekeeping: at start, then daily, as a host would schedule it. */
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "demo-housekeeping");
                thread.setDaemon(true);
                return thread;
            });
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
            DemoWeb.class.getClassLoader(), "nl.ouderportaal.demo.templates");

    private DemoWeb(DemoSchool demo, String host, int port, Consumer<JavalinConfig> extraRoutes) {
        this.demo = demo;
        demo.portal().mailDispatcher().orElseThrow().start(Duration.ofMillis(500));
        housekeeping.scheduleAtFixedRate(this::keepHouse, 0, 1, java.util.concurrent.TimeUnit.DAYS);
        // Modules' daily work (the conference reminder the day before) is once-only by its records: hourly is safe.
        housekeeping.scheduleAtFixedRate(this::runDaily, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        this.web = PortalWeb.builder(demo.portal())
                .staffAuthenticator(DemoWeb::authenticateStaff)
                .prometheusMetrics(demo.metrics(), demo.metricsToken())
                // The host's per-address limit on logins, password links and recovery mails (issue 19).
                .clientLimit(nl.ouderportaal.web.ClientLimit.perAddress(100, Duration.ofMinutes(1), java.time.Clock.systemUTC()))
                .configure(config -> {
                    config.routes.get("/demo/mailbox", this::mailboxPage);
                    config.routes.get("/demo/mailbox.json", ctx -> ctx.json(mails()));
                    // Clearing is a change: a POST (the page's form) or DELETE, under the portal's CSRF check.
                    config.routes.post("/demo/mailbox/clear", ctx -> {
                        clearMailbox();
                        ctx.redirect("/demo/mailbox");
                    });
                    config.routes.delete("/demo/mailbox.json", ctx -> {
                        clearMailbox();
                        ctx.status(204);
                    });
                    if (demo.portal().clock() instanceof DemoClock clock) {
                        new DemoControl(demo, clock, templates).register(config);
                    }
                    extraRoutes.accept(config);
                })
                .build()
                .start(host, port);
    }

    /** Serves the demo on {@code host:port} (port 0: any free port). */
    public static DemoWeb start(DemoSchool demo, String host, int port) {
        return new DemoWeb(demo, host, port, config -> { });
    }

    /**
     * Serves the demo with routes of the caller's besides, behind the same filters as the portal's own
     * (the benchmarks' floor endpoints).
     */
    public static DemoWeb start(DemoSchool demo, String host, int port,
                                Consumer<JavalinConfig> extraRoutes) {
        return new DemoWeb(demo, host, port, Objects.requireNonNull(extraRoutes, "extraRoutes"));
    }

    /** The demo school this serves. */
    public DemoSchool demo() {
        return demo;
    }

    public int port() {
        return web.port();
    }

    public DemoSchool school() {
        return demo;
    }

    /** The demo's own staff login: one administrator, compared in constant time like a real check. */
    static Optional<StaffActor> authenticateStaff(String username, String password) {
        boolean user = MessageDigest.isEqual(bytes(username), bytes(DemoSchool.ADMIN_LOGIN));
        boolean secret = MessageDigest.isEqual(bytes(password), bytes(DemoSchool.ADMIN_PASSWORD));
        return user && secret ? Optional.of(DemoSchool.ADMIN) : Optional.empty();
    }

    private static byte[] bytes(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }

    /** A mail as the mailbox shows it: recipients, subject, plain text, the links in it and its attachments. */
    public record Mail(String to, String subject, String text, List<String> links, List<Attachment> attachments) {
    }

    /**
     * An attachment of a mail, such as a booking's calendar file.
     *
     * @param text the content of a text attachment (such as an iCalendar file), else {@code null}
     */
    public record Attachment(String name, String type, String text) {
    }

    /**
     * Every mail the portal sent since start (or since the mailbox was cleared), newest first by the time the
     * mailbox received it. (GreenMail lists its messages per recipient, so its own order is not the time order.)
     */
    public List<Mail> mails() {
        List<com.icegreen.greenmail.store.StoredMessage> received = new ArrayList<>(
                demo.mailbox().getManagers().getImapHostManager().getAllMessages());
        received.sort(java.util.Comparator.comparing(com.icegreen.greenmail.store.StoredMessage::getReceivedDate).reversed());
        List<Mail> mails = new ArrayList<>();
        for (com.icegreen.greenmail.store.StoredMessage message : received) {
            mails.add(mail(message.getMimeMessage()));
        }
        return mails;
    }

    /** Empties the demo mailbox. */
    public void clearMailbox() {
        try {
            demo.mailbox().purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("Cannot clear the demo mailbox", e);
        }
    }

    /** The links in a mail's text, without the sentence's punctuation after them ("log in at http://.../."). */
    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(matcher.group().replaceFirst("[.,;:!?)\\]]+$", ""));
        }
        return links;
    }

    private static Mail mail(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            String to = recipients == null ? "" : String.join(", ", Arrays.stream(recipients).map(Address::toString).toList());
            String text = DemoSchool.plainText(message);
            return new Mail(to, message.getSubject(), text, links(text), attachments(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read a demo mail", e);
        }
    }

    private static List<Attachment> attachments(MimeMessage message) throws MessagingException {
        List<Attachment> found = new ArrayList<>();
        try {
            if (message.getContent() instanceof jakarta.mail.Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    jakarta.mail.BodyPart part = parts.getBodyPart(i);
                    if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                        String type = part.getContentType().replaceAll("\\s+", " ");
                        String text = part.isMimeType("text/*")
                                ? new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : null;
                        found.add(new Attachment(part.getFileName(), type, text));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new MessagingException("Cannot read an attachment", e);
        }
        return found;
    }

    private void mailboxPage(Context ctx) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("mails", mails());
        parameters.put("csrf", PortalWeb.csrfToken(ctx));
        StringOutput output = new StringOutput();
        templates.render("mailbox.jte", parameters, output);
        ctx.html(output.toString());
    }

    private void runDaily() {
        try {
            demo.portal().staffActions().runDaily();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DemoWeb.class).warn("Daily module work failed", e);
        }
    }

    private void keepHouse() {
        try {
            demo.portal().housekeeping().run();
        } catch (RuntimeException e) {
            // A failed run is tried again the next day; it must not end the schedule.
            org.slf4j.LoggerFactory.getLogger(DemoWeb.class).warn("Housekeeping failed", e);
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        web.stop();
        demo.close();
    }
}
