package nl.ouderportaal.core.account;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.MutableClock;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Guardian;

/**
 * A portal with real parts for account tests: a store (H2 or PostgreSQL), GreenMail as the SMTP server
 * in the JVM, a clock the test moves, and a host with one school.
 */
final class AccountsFixture implements AutoCloseable {

    static final URI PORTAL_URL = URI.create("https://ouders.regenboog.example.org/");
    static final SchoolId SCHOOL = SchoolId.of("regenboog");
    static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "Juf Ineke de Boer", Set.of(StaffActor.Role.ADMIN),
            Set.of(SCHOOL));
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PORTAL_URL.toString()) + "[a-z-]+\\?token=([A-Za-z0-9_-]+)");

    final InMemoryHost host = new InMemoryHost();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    final PortalStore store;
    GreenMail smtp;
    final int smtpPort;
    final Portal portal;
    /** The host's change-request listener; tests replace it with a mock to verify the call. */
    volatile nl.ouderportaal.spi.host.ChangeRequestListener changeListener = request -> { };
    /** An extra notification channel; tests replace it with a mock to verify the call. */
    volatile nl.ouderportaal.spi.notify.NotificationChannel channel = (guardian, address, items) -> { };

    AccountsFixture(PortalStore store) {
        this(store, 0);
    }

    /** With {@code smtpPortOverride} &gt; 0 the portal sends to that port (a proxy) instead of GreenMail's. */
    AccountsFixture(PortalStore store, int smtpPortOverride) {
        this.store = store;
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        host.addSchool("klimop", "CBS De Klimop");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
        portal = host.register(Portal.builder()).store(store).clock(clock)
                .source(nl.ouderportaal.spi.host.ChangeRequestListener.class, request -> changeListener.changeRequested(request))
                .install(new nl.ouderportaal.modules.absences.AbsencesModule())
                .notificationChannel((guardian, address, items) -> channel.deliver(guardian, address, items))
                .accounts(AccountSettings.defaults(PORTAL_URL))
                .mail(new SmtpSettings("127.0.0.1", smtpPortOverride > 0 ? smtpPortOverride : smtpPort,
                        SmtpSettings.Security.NONE, null, null,
                        "ouderportaal@regenboog.example.org", "Ouderportaal"))
                .build();
    }

    /** Another portal node on a store of the same database, sending mail with the given transport. */
    Portal anotherNode(PortalStore otherStore, nl.ouderportaal.core.mail.MailTransport transport) {
        return host.register(Portal.builder()).store(otherStore).clock(clock)
                .accounts(AccountSettings.defaults(PORTAL_URL))
                .mail(transport)
                .build();
    }

    SmtpSettings smtpSettings() {
        return new SmtpSettings("127.0.0.1", smtpPort, SmtpSettings.Security.NONE, null, null,
                "ouderportaal@regenboog.example.org", "Ouderportaal");
    }

    /** A guardian with one child at the school (or at another school). */
    GuardianId guardianWithChild(String id, String email, String schoolId) {
        Guardian base = host.addGuardian(id, "Anna", "Jansen");
        host.guardians.put(base.id(), new Guardian(base.id(), base.name(), base.personalData(), base.address(),
                new ContactData(email, null, null, null), null, null));
        var child = host.addStudent("child-of-" + id, SchoolId.of(schoolId), "Sanne", LocalDate.of(2016, 4, 1),
                EnrolmentStatus.IN_EDUCATION);
        host.link(base.id(), child.id(), true);
        return base.id();
    }

    GuardianId guardianWithChild(String id, String email) {
        return guardianWithChild(id, email, SCHOOL.value());
    }

    /** Sends what is in the outbox to GreenMail now. */
    int deliver() {
        return portal.mailDispatcher().orElseThrow().drainOnce();
    }

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded plain-text part of a mail. */
    static String body(MimeMessage message) {
        return nl.ouderportaal.core.testing.Mails.plainText(message);
    }

    /** The token of the last link mailed to the address. */
    String lastToken(String address) {
        List<MimeMessage> mails = mailsTo(address);
        Matcher matcher = LINK.matcher(body(mails.get(mails.size() - 1)));
        if (!matcher.find()) {
            throw new AssertionError("No portal link in the last mail to " + address);
        }
        return matcher.group(1);
    }

    /** Invites the guardian, delivers the mail, and sets the password from its link. */
    void activate(GuardianId guardian, String email, String password) {
        portal.invitations().inviteOne(ADMIN, SCHOOL, guardian);
        deliver();
        portal.authentication().acceptInvitation(lastToken(email), password);
        deliver();
    }

    List<String> auditActions(GuardianId guardian) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                        "select action from audit_events where guardian_id = :g order by id")
                .bind("g", guardian.value()).mapTo(String.class).list());
    }

    List<AuditEvent> schoolAudit() {
        return portal.audit().ofSchool(SCHOOL, 100);
    }

    @Override
    public void close() {
        smtp.stop();
        store.close();
    }
}
