package nl.ouderportaal.core.conferences;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.account.PasswordHasher;
import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import nl.ouderportaal.modules.conferences.ConferencesModule;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupTeacher;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.PersonName;

/**
 * A school with groups 5 and 7 (one teacher each), families with accounts, GreenMail, a clock the test
 * moves, and the conference planner active. The round of {@link #createRound}: Tuesday 8 December 2026,
 * 18:00-20:00 in Europe/Amsterdam, ten-minute slots, a break 19:00-19:10; booking from 2 December 18:00
 * (siblings from 1 December 09:00) until 7 December 23:00.
 */
final class ConferenceFixture implements AutoCloseable {

    static final SchoolId SCHOOL = SchoolId.of("regenboog");
    static final SchoolYear YEAR = new SchoolYear(2026);
    static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "Beheerder", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));
    static final String PASSWORD = "een-lang-wachtwoord-2026";
    static final Group GROUP5 = new Group(GroupId.of("g5"), SCHOOL, YEAR, "Groep 5", 5, "Lokaal 5",
            List.of(new GroupTeacher(StaffId.of("t5"), new PersonName(null, "Ineke", "de", "Boer"))));
    static final Group GROUP7 = new Group(GroupId.of("g7"), SCHOOL, YEAR, "Groep 7", 7, "Lokaal 7",
            List.of(new GroupTeacher(StaffId.of("t7"), new PersonName(null, "Jeroen", null, "Smit"))));
    /** 1 December 2026, 08:00 in Amsterdam: before every booking window. */
    static final Instant START = Instant.parse("2026-12-01T07:00:00Z");
    private static final Pattern LINK = Pattern.compile("token=([A-Za-z0-9_-]+)");

    final InMemoryHost host = new InMemoryHost();
    final MutableClock clock = new MutableClock(START);
    final PortalStore store;
    final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
    final Portal portal;
    final Map<GuardianId, String> sessions = new LinkedHashMap<>();

    ConferenceFixture(PortalStore store) {
        this.store = store;
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        host.schoolYears.put(SCHOOL, List.of(YEAR));
        // The in-memory host knows a group by the children placed in it: one child without guardians in each.
        for (Group group : List.of(GROUP5, GROUP7)) {
            host.placeInGroup(host.addStudent("zonder-ouders-" + group.id().value(), SCHOOL, "Zonder", LocalDate.of(2017, 1, 1),
                    EnrolmentStatus.IN_EDUCATION).id(), YEAR, group);
        }
        smtp.start();
        portal = build(store);
        portal.configuration().activate(SCHOOL, ConferencesModule.ID, "test");
    }

    /** A portal (a node) on a store of the school's database. */
    Portal build(PortalStore on) {
        return host.registerAll(Portal.builder()).store(on).clock(clock).install(new ConferencesModule())
                .accounts(AccountSettings.defaults(URI.create("http://localhost/"))
                        .withHashing(new PasswordHasher.Parameters(64, 1, 1)))
                .mail(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), SmtpSettings.Security.NONE, null, null,
                        "ouderportaal@regenboog.example.org", "Ouderportaal"))
                .build();
    }

    /** A guardian with children in the given groups (an account, no session yet). */
    GuardianId family(String id, Group... groups) {
        Guardian base = host.addGuardian(id, "Ouder", id);
        host.guardians.put(base.id(), new Guardian(base.id(), base.name(), base.personalData(), base.address(),
                new ContactData(email(base.id()), null, null, null), null, null));
        int n = 0;
        for (Group group : groups) {
            StudentId child = host.addStudent("kind-" + id + "-" + (n++), SCHOOL, "Kind" + n + id, LocalDate.of(2017, 1, 1),
                    EnrolmentStatus.IN_EDUCATION).id();
            host.link(base.id(), child, true);
            host.placeInGroup(child, YEAR, group);
        }
        return base.id();
    }

    /** Links another guardian (a second parent) to a child. */
    GuardianId secondParent(String id, StudentId child) {
        Guardian base = host.addGuardian(id, "Ouder", id);
        host.guardians.put(base.id(), new Guardian(base.id(), base.name(), base.personalData(), base.address(),
                new ContactData(email(base.id()), null, null, null), null, null));
        host.link(base.id(), child, true);
        return base.id();
    }

    static String email(GuardianId guardian) {
        return guardian.value() + "@example.org";
    }

    StudentId child(GuardianId guardian, int n) {
        return StudentId.of("kind-" + guardian.value() + "-" + n);
    }

    /** Invites the guardian, sets the password and logs in; the session token. */
    String login(GuardianId guardian) {
        portal.invitations().inviteOne(ADMIN, SCHOOL, guardian);
        deliver();
        List<MimeMessage> mails = mailsTo(email(guardian));
        Matcher m = LINK.matcher(nl.ouderportaal.testing.Mails.plainText(mails.get(mails.size() - 1)));
        if (!m.find()) {
            throw new AssertionError("no link");
        }
        portal.authentication().acceptInvitation(m.group(1), PASSWORD);
        LoginResult result = portal.authentication().login(email(guardian), PASSWORD);
        String token = ((LoginResult.Success) result).sessionToken();
        sessions.put(guardian, token);
        return token;
    }

    /** The standard round for groups 5 and 7, through the staff action. */
    ActionResult createRound(String name) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("groups", "Groep 5, Groep 7");
        input.put("dates", "2026-12-08");
        input.put("from", "18:00");
        input.put("until", "20:00");
        input.put("slotMinutes", 10);
        input.put("breaks", "19:00-19:10");
        input.put("opensOn", "2026-12-02");
        input.put("opensAt", "18:00");
        input.put("closesOn", "2026-12-07");
        input.put("closesAt", "23:00");
        input.put("siblingsOn", "2026-12-01");
        input.put("siblingsAt", "09:00");
        return portal.staffActions().run(ADMIN, SCHOOL, ConferencesModule.ID, "create-round", input).orElseThrow();
    }

    static String slot(String round, String teacher, String time) {
        return round + "|" + teacher + "|2026-12-08T" + time;
    }

    /** The guardian's session, logging in again when the moved clock ended it. */
    String session(Portal node, GuardianId guardian) {
        String token = sessions.get(guardian);
        if (token == null || node.authentication().session(token).isEmpty()) {
            token = ((LoginResult.Success) node.authentication().login(email(guardian), PASSWORD)).sessionToken();
            sessions.put(guardian, token);
        }
        return token;
    }

    ActionResult run(GuardianId guardian, StudentId child, String action, Map<String, ?> input) {
        return run(portal, guardian, child, action, input);
    }

    ActionResult run(Portal node, GuardianId guardian, StudentId child, String action, Map<String, ?> input) {
        return node.actions().run(node.authentication().writePermit(session(node, guardian)), child, ConferencesModule.ID,
                action, input).orElseThrow();
    }

    int deliver() {
        return portal.mailDispatcher().orElseThrow().drainOnce();
    }

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** An attachment of a received mail: its file name, content type and text. */
    record Attachment(String name, String type, String text) {
    }

    static List<Attachment> attachments(MimeMessage message) {
        try {
            List<Attachment> found = new ArrayList<>();
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                        try (InputStream in = part.getInputStream()) {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            in.transferTo(out);
                            found.add(new Attachment(part.getFileName(), part.getContentType(), out.toString(StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            return found;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
        store.close();
    }
}
