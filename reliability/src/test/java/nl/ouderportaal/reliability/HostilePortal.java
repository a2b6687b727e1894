package nl.ouderportaal.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.account.PasswordHasher;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.MutableClock;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.modules.notes.NotesOptions;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Guardian;

/**
 * A whole portal for hostile inputs: every built-in module active, an in-memory H2 store, GreenMail as
 * the SMTP server, one active guardian ({@link #EMAIL}) with a visible child that has a note open for
 * replies, and a school with a change-request address. Argon2id runs with small parameters so that
 * thousands of logins fit in seconds; the password code path is the production one.
 */
final class HostilePortal implements AutoCloseable {

    static final URI PORTAL_URL = URI.create("https://ouders.regenboog.example.org/");
    static final SchoolId SCHOOL = SchoolId.of("regenboog");
    static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "Juf Ineke de Boer",
            Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));
    static final String EMAIL = "ouder@example.org";
    static final String CHANGE_ADDRESS = "administratie@regenboog.example.org";
    static final GuardianId GUARDIAN = GuardianId.of("anna");
    static final StudentId CHILD = StudentId.of("sanne");
    static final String NOTE = "n1";

    final InMemoryHost host = new InMemoryHost();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
    final PortalStore store;
    final GreenMail smtp;
    final Portal portal;
    String password = "Regenboog-ouder-2026";

    HostilePortal(String name) {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        Guardian anna = host.addGuardian(GUARDIAN.value(), "Anna", "Jansen");
        host.guardians.put(anna.id(), new Guardian(anna.id(), anna.name(), anna.personalData(), anna.address(),
                new ContactData(EMAIL, null, null, null), null, null));
        host.addStudent(CHILD.value(), SCHOOL, "Sanne", LocalDate.of(2016, 4, 1), EnrolmentStatus.IN_EDUCATION);
        host.link(GUARDIAN, CHILD, true);
        host.notes.add(new Note(NOTE, CHILD, LocalDate.of(2026, 3, 8), "Oudergesprek", true, "Gesprek", "Tekst",
                "Juf Ineke"));
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        store = PortalStore.h2InMemory(name + "-" + System.nanoTime());
        portal = host.registerAll(Portal.builder()).store(store).clock(clock)
                .install(BuiltInModules.all().toArray(new nl.ouderportaal.spi.module.ContentModule<?>[0]))
                .accounts(AccountSettings.defaults(PORTAL_URL).withHashing(new PasswordHasher.Parameters(64, 1, 1)))
                .mail(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), SmtpSettings.Security.NONE, null, null,
                        "ouderportaal@regenboog.example.org", "Ouderportaal"))
                .actionRateLimit(1_000_000, java.time.Duration.ofHours(1)) // thousands of hostile inputs from one guardian
                .build();
        portal.administration().updateSettings(ADMIN, SCHOOL, new SchoolSettingsUpdate(CHANGE_ADDRESS,
                "https://www.regenboog.example.org/", false));
        for (var module : portal.installedModules()) {
            portal.administration().activate(ADMIN, SCHOOL, module.id());
        }
        portal.administration().setOptions(ADMIN, SCHOOL, NotesModule.ID, new NotesOptions(null, true));
        portal.invitations().inviteOne(ADMIN, SCHOOL, GUARDIAN);
        deliver();
        portal.authentication().acceptInvitation(lastToken(), password);
        deliver();
        purgeMail();
    }

    /** The token of the link in the last mail received. */
    String lastToken() {
        MimeMessage[] all = smtp.getReceivedMessages();
        String body = Mails.body(all[all.length - 1]);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        if (!m.find()) {
            throw new AssertionError("No link in " + body);
        }
        return m.group(1);
    }

    /** A fresh session of the guardian. */
    String session() {
        LoginResult result = portal.authentication().login(EMAIL, password);
        if (result instanceof LoginResult.Success ok) {
            return ok.sessionToken();
        }
        throw new AssertionError("The guardian could not log in: " + result);
    }

    int deliver() {
        return portal.mailDispatcher().orElseThrow().drainOnce();
    }

    /**
     * Tables that grow with every test get a summary instead of a full dump, to keep the suite fast. Their
     * rows are immutable once written except for the columns summarised: an audit entry, a request or a
     * mail written, sent, claimed or retried, or a session started, used or ended, shows in the summary.
     */
    private static final Map<String, String> SUMMARIES = Map.of(
            "AUDIT_EVENTS", "select count(*) n, max(id) m from audit_events",
            "CHANGE_REQUESTS", "select count(*) n, max(id) m from change_requests",
            "MAIL_OUTBOX", "select count(*) n, max(id) m, sum(attempts) a, count(sent_at) s, count(claimed_by) c, "
                    + "max(next_attempt_at) t, max(claimed_until) u, count(last_error) e from mail_outbox",
            "PORTAL_SESSIONS", "select count(*) n, count(ended_at) e, max(last_seen_at) l, max(created_at) c "
                    + "from portal_sessions");

    /** Every portal table, row by row, as one hash per table: equal snapshots mean nothing changed. */
    Map<String, String> snapshot() {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> {
            List<String> tables = h.createQuery("select table_name from information_schema.tables "
                            + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name")
                    .mapTo(String.class).list();
            Map<String, String> hashes = new LinkedHashMap<>();
            for (String table : tables) {
                String summary = SUMMARIES.get(table);
                if (summary != null) {
                    hashes.put(table, String.valueOf(h.createQuery(summary).mapToMap().one()));
                    continue;
                }
                List<String> rows = new ArrayList<>(h.createQuery("select * from \"" + table + "\"")
                        .mapToMap().map(Object::toString).list());
                rows.sort(null);
                hashes.put(table, rows.size() + ":" + sha256(String.join("\n", rows)));
            }
            return hashes;
        });
    }

    /**
     * Between inputs, forgets what earlier inputs left behind and no later check needs: sent mails,
     * ended sessions, change requests and audit entries. Keeps the per-input store snapshots small; a test
     * never depends on another input's rows.
     */
    void housekeeping() {
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> {
            h.execute("delete from mail_outbox where status = 'SENT'");
            h.execute("delete from portal_sessions where ended_at is not null");
            h.execute("delete from change_requests");
            h.execute("delete from audit_events");
        });
        purgeMail();
    }

    /**
     * Forgets the mails received so far. GreenMail copies every stored message on each read, so tests
     * purge after checking to keep reads cheap.
     */
    void purgeMail() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    List<MimeMessage> received() {
        return List.of(smtp.getReceivedMessages());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : String.join(",", values);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
        store.close();
    }
}
