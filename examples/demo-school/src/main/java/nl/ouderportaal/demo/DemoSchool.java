package nl.ouderportaal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import nl.ouderportaal.core.Portal;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.modules.conferences.ConferencesModule;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.core.guardian.ChildPage;
import nl.ouderportaal.core.guardian.Dashboard;
import nl.ouderportaal.modules.reports.ReportsModule;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;
import nl.ouderportaal.core.guardian.GuardianHome;
import nl.ouderportaal.core.guardian.MaintenanceNotice;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.guardian.VisibleChild;
import nl.ouderportaal.core.render.ValueFormatter;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.modules.absences.AbsenceSource;
import java.util.List;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.examples.homework.HomeworkModule;
import nl.ouderportaal.examples.homework.HomeworkSource;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.modules.consent.ConsentModule;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.modules.groups.ClassmateSource;
import nl.ouderportaal.modules.groups.GroupsModule;
import nl.ouderportaal.modules.groups.GroupsOptions;
import nl.ouderportaal.modules.medical.MedicalSource;
import nl.ouderportaal.modules.methodtests.MethodTestSource;
import nl.ouderportaal.modules.nationaltests.NationalTestSource;
import nl.ouderportaal.modules.nationaltests.NationalTestsModule;
import nl.ouderportaal.modules.nationaltests.NationalTestsOptions;
import nl.ouderportaal.modules.nationaltests.Presentation;
import nl.ouderportaal.modules.notes.NoteReplySink;
import nl.ouderportaal.modules.notes.NoteSource;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.modules.notes.NotesOptions;
import nl.ouderportaal.modules.plans.PlanSource;
import nl.ouderportaal.modules.plans.PlansModule;
import nl.ouderportaal.modules.plans.PlansOptions;
import nl.ouderportaal.modules.reports.ReportSource;
import nl.ouderportaal.modules.staff.StaffModule;
import nl.ouderportaal.modules.staff.StaffOptions;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.StaffSource;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.host.ViewingRightSink;
import nl.ouderportaal.spi.module.DashboardEntry;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo host: its own SIS database, and the portal embedded on top of it. Demo logins are fixed and
 * belong to this example only, never to the library.
 */
public final class DemoSchool implements AutoCloseable {

    public static final String GUARDIAN_LOGIN = DemoSchoolGenerator.DEMO_EMAIL;
    public static final String GUARDIAN_PASSWORD = "ouder-demo-2026";
    public static final String ADMIN_LOGIN = "beheerder";
    public static final String ADMIN_PASSWORD = "beheerder-demo";
    public static final String ADMIN_NAME = "J. de Boer (beheerder)";

    /** The administrator of the main school, as the host (the SIS) authenticates her. */
    public static final StaffActor ADMIN = new StaffActor(StaffId.of("demo-admin"), ADMIN_NAME,
            Set.of(StaffActor.Role.ADMIN), Set.of(SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL)));
    private static final Pattern ACTIVATION_LINK = Pattern.compile("activate\\?token=([A-Za-z0-9_-]+)");

    private final JdbcConnectionPool sisPool;
    private final PortalStore store;
    private final DemoSis sis;
    private final Portal portal;
    private final GreenMail mailbox;
    private final PrometheusMeterRegistry metrics;
    private final String metricsToken = newMetricsToken();

    private DemoSchool(JdbcConnectionPool sisPool, PortalStore store, DemoSis sis, Portal portal, GreenMail mailbox,
                       PrometheusMeterRegistry metrics) {
        this.metrics = metrics;
        this.sisPool = sisPool;
        this.store = store;
        this.sis = sis;
        this.portal = portal;
        this.mailbox = mailbox;
    }

    /** Opens (and on the first run, generates) the demo SIS and the portal under {@code dataDirectory}. */
    public static DemoSchool open(Path dataDirectory, Clock clock) {
        return open(dataDirectory, clock, URI.create("http://localhost:8080/"));
    }

    /** As {@link #open(Path, Clock)}, for a portal served at {@code portalUrl} (links in mails point there). */
    public static DemoSchool open(Path dataDirectory, Clock clock, URI portalUrl) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        // H2 commits DDL at once, so a generation that failed halfway is recognised by the missing marker.
        Path ready = dataDirectory.resolve("sis.ready");
        boolean firstRun = !Files.exists(ready);
        if (firstRun) {
            deleteQuietly(dataDirectory.resolve("sis.mv.db"));
            deleteQuietly(dataDirectory.resolve("sis.trace.db"));
        }
        JdbcConnectionPool sisPool = JdbcConnectionPool.create(
                "jdbc:h2:file:" + dataDirectory.resolve("sis").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sis", "");
        Jdbi sisDb = Jdbi.create(sisPool);
        if (firstRun) {
            new DemoSchoolGenerator(LocalDate.ofInstant(clock.instant(), zone)).populate(sisDb);
            try {
                Files.writeString(ready, "generated\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DemoSis sis = new DemoSis(sisDb);
        PortalStore store = PortalStore.h2File(dataDirectory.resolve("portal"));
        GreenMail mailbox = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        mailbox.start();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Portal portal = Portal.builder()
                .store(store)
                .metrics(metrics)
                .accounts(AccountSettings.defaults(portalUrl))
                .mail(new SmtpSettings("127.0.0.1", mailbox.getSmtp().getPort(), SmtpSettings.Security.NONE, null, null,
                        "ouderportaal@regenboog.example.org", "Ouderportaal OBS De Regenboog"))
                .clock(clock)
                .zone(zone)
                .source(SchoolSource.class, sis)
                .source(StudentSource.class, sis)
                .source(GuardianSource.class, sis)
                .source(GroupSource.class, sis)
                .source(ActivitySource.class, sis)
                .source(StaffSource.class, sis)
                .source(AbsenceSource.class, sis)
                .source(nl.ouderportaal.modules.absences.AbsenceReportSink.class, sis)
                .source(NoteSource.class, sis)
                .source(NoteReplySink.class, sis)
                .source(ViewingRightSink.class, sis)
                .source(PlanSource.class, sis)
                .source(ReportSource.class, sis)
                .source(MethodTestSource.class, sis)
                .source(NationalTestSource.class, sis)
                .source(MedicalSource.class, sis)
                .source(ClassmateSource.class, sis)
                .source(HomeworkSource.class, sis)
                // Every built-in module; consent with the SIS as its sink, so the SIS mirrors every effective answer.
                .install(BuiltInModules.all().stream().filter(m -> !m.descriptor().id().equals(ConsentModule.ID))
                        .toArray(ContentModule[]::new))
                .install(new ConsentModule(sis))
                .install(new HomeworkModule())
                .build();
        DemoSchool demo = new DemoSchool(sisPool, store, sis, portal, mailbox, metrics);
        try {
            demo.configureOnFirstStart();
            demo.ensureOpenConferenceRound();
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    /**
     * Opens a demo world of another size (benchmarks use {@link DemoSize#SMALL} and {@link DemoSize#LARGE});
     * otherwise the same as {@link #open(Path, Clock)}, which it calls once the world is generated.
     */
    public static DemoSchool open(Path dataDirectory, Clock clock, DemoSize size) {
        Path ready = dataDirectory.resolve("sis.ready");
        if (!Files.exists(ready)) {
            deleteQuietly(dataDirectory.resolve("sis.mv.db"));
            deleteQuietly(dataDirectory.resolve("sis.trace.db"));
            // The same database and zone as open(Path, Clock) uses, which then finds the world ready.
            JdbcConnectionPool sisPool = JdbcConnectionPool.create(
                    "jdbc:h2:file:" + dataDirectory.resolve("sis").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sis", "");
            try {
                new DemoSchoolGenerator(LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Amsterdam")), size)
                        .populate(Jdbi.create(sisPool));
                Files.writeString(ready, "generated " + size.name() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                sisPool.dispose();
            }
        }
        return open(dataDirectory, clock);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the half-generated demo database " + file, e);
        }
    }

    /**
     * The school's first steps in the portal, as an administrator would take them, and the demo guardian's
     * answer to her invitation: the login details travel by mail through the demo's own SMTP server.
     */
    private void configureOnFirstStart() {
        GuardianId guardian = GuardianId.of(DemoSchoolGenerator.DEMO_GUARDIAN);
        if (portal.accounts().status(guardian) != AccountStatus.NONE) {
            return;
        }
        portal.invitations().inviteOne(ADMIN, SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL), guardian);
        portal.mailDispatcher().orElseThrow().drainOnce();
        MimeMessage invitation = mailbox.getReceivedMessagesForDomain("example.org")[0];
        Matcher link = ACTIVATION_LINK.matcher(plainText(invitation));
        if (!link.find()) {
            throw new IllegalStateException("The demo invitation holds no activation link");
        }
        portal.authentication().acceptInvitation(link.group(1), GUARDIAN_PASSWORD);
        portal.mailDispatcher().orElseThrow().drainOnce();
        SchoolId main = SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL);
        SchoolId second = SchoolId.of(DemoSchoolGenerator.SECOND_SCHOOL);
        // The main school shows everything; the second school only absences, notes and the group.
        for (ModuleDescriptor<?> module : portal.installedModules()) {
            portal.configuration().activate(main, module.id(), ADMIN_NAME);
            if (module.dashboardCapable()) {
                portal.configuration().showOnDashboard(main, module.id(), true, ADMIN_NAME);
            }
        }
        for (String module : List.of(AbsencesModule.ID, NotesModule.ID, GroupsModule.ID)) {
            portal.configuration().activate(second, module, ADMIN_NAME);
        }
        portal.configuration().showOnDashboard(second, AbsencesModule.ID, true, ADMIN_NAME);
        portal.configuration().setOptions(main, NotesModule.ID, new NotesOptions(null, true), ADMIN_NAME);
        // Ziekmelden, beter melden and verlof aanvragen at the main school, so that a new user can try them at once.
        portal.configuration().setOptions(main, AbsencesModule.ID, new nl.ouderportaal.modules.absences.AbsencesOptions(
                true, true, true, java.time.LocalTime.of(8, 30),
                java.util.EnumSet.allOf(nl.ouderportaal.modules.absences.SickReason.class), 7, 5,
                "verzuim@regenboog.example.org"), ADMIN_NAME);
        portal.configuration().setOptions(main, PlansModule.ID, new PlansOptions(null, "Beginsituatie"), ADMIN_NAME);
        portal.configuration().setOptions(main, GroupsModule.ID, new GroupsOptions(true), ADMIN_NAME);
        portal.configuration().setOptions(main, StaffModule.ID, new StaffOptions(true, false), ADMIN_NAME);
        portal.configuration().setOptions(main, NationalTestsModule.ID, new NationalTestsOptions(
                java.util.Map.of("IEP", Presentation.LEVEL_VALUE, "CITO", Presentation.LEVEL), Presentation.LEVEL), ADMIN_NAME);
        addConsentPurposes(main);
        portal.configuration().updateSettings(main, new SchoolSettingsUpdate("administratie@regenboog.example.org",
                "https://www.regenboog.example.org", false), ADMIN_NAME);
    }

    /** Three purposes the main school asks consent for (R-CONS-1), so that a new user sees the feature at once. */
    private void addConsentPurposes(SchoolId school) {
        List<java.util.Map<String, String>> purposes = List.of(
                java.util.Map.of("titleNl", "Foto's en video's op de website", "titleEn", "Photos and videos on the website",
                        "textNl", "Mogen wij foto's en video's waarop uw kind herkenbaar is plaatsen op de openbare website van de school? "
                                + "Wij vermelden nooit de naam bij een foto.",
                        "textEn", "May we publish photos and videos on which your child can be recognised on the school's public website? "
                                + "We never give a name with a photo."),
                java.util.Map.of("titleNl", "Foto's in de nieuwsbrief", "titleEn", "Photos in the newsletter",
                        "textNl", "Mogen wij foto's waarop uw kind herkenbaar is gebruiken in de nieuwsbrief voor ouders?",
                        "textEn", "May we use photos on which your child can be recognised in the newsletter for parents?"),
                java.util.Map.of("titleNl", "Foto's op sociale media", "titleEn", "Photos on social media",
                        "textNl", "Mogen wij foto's waarop uw kind herkenbaar is plaatsen op de Facebook- en Instagrampagina van de school?",
                        "textEn", "May we post photos on which your child can be recognised on the school's Facebook and Instagram pages?"));
        for (java.util.Map<String, String> purpose : purposes) {
            portal.staffActions().run(ADMIN, school, ConsentModule.ID, "add-purpose", purpose).orElseThrow();
        }
    }

    /** The registry the portal records its meters in, scraped at {@code /metrics}. */
    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** The bearer token of this run's {@code /metrics} (new at every start). */
    public String metricsToken() {
        return metricsToken;
    }

    private static String newMetricsToken() {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * An open round of parents' evenings for groups 5 and 7 of the main school (Sanne is in group 5), so that a
     * new user can book at once: booking opened yesterday, the evenings are in two weeks. Made again, the
     * stale one closed, when a kept data folder's round is about to pass.
     */
    void ensureOpenConferenceRound() {
        SchoolId main = SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(portal.clock().instant(), ZoneId.of("Europe/Amsterdam"));
        nl.ouderportaal.spi.action.StaffTable schedule = portal.staffActions()
                .view(ADMIN, main, ConferencesModule.ID, "schedule", java.util.Map.of()).orElseThrow();
        if (schedule.note() == null && !schedule.rows().isEmpty()
                && !java.time.LocalDate.parse(schedule.rows().get(0).get(1)).isBefore(today.plusDays(3))) {
            return;
        }
        portal.staffActions().find(ADMIN, main, ConferencesModule.ID, "close-round").ifPresent(close ->
                close.form().fields().get(0).choices().forEach(round -> portal.staffActions()
                        .run(ADMIN, main, ConferencesModule.ID, "close-round", java.util.Map.of("round", round.value()))));
        java.time.LocalDate first = today.plusDays(14);
        java.util.Map<String, Object> round = new java.util.LinkedHashMap<>();
        round.put("name", "Tienminutengesprekken " + first.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.forLanguageTag("nl-NL"))));
        round.put("groups", "Groep 5, Groep 7");
        round.put("dates", first + ", " + first.plusDays(1));
        round.put("from", "18:00");
        round.put("until", "20:30");
        round.put("slotMinutes", 10);
        round.put("breaks", "19:10-19:20");
        round.put("siblingsOn", today.minusDays(2).toString());
        round.put("siblingsAt", "08:00");
        round.put("opensOn", today.minusDays(1).toString());
        round.put("opensAt", "08:00");
        round.put("closesOn", first.minusDays(2).toString());
        round.put("closesAt", "23:00");
        try {
            portal.staffActions().run(ADMIN, main, ConferencesModule.ID, "create-round", round);
        } catch (nl.ouderportaal.spi.action.ActionConflictException sameNameToday) {
            // Made earlier today (and closed above as stale): the demo goes on with what there is.
        }
    }

    public Portal portal() {
        return portal;
    }

    public DemoSis sis() {
        return sis;
    }

    /** The plain-text part of a mail the portal sent, decoded. */
    public static String plainText(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                        return (String) multipart.getBodyPart(i).getContent();
                    }
                }
            }
            return String.valueOf(content);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read a demo mail", e);
        }
    }

    /**
     * Writes the demo guardian's newest report of Sanne as a PDF, as the portal prints it; empty when
     * there is no locked report yet.
     */
    public Optional<Path> writeNewestReportPdf(Path directory, Locale locale) throws IOException {
        Viewer viewer = Viewer.guardian(GuardianId.of(DemoSchoolGenerator.DEMO_GUARDIAN));
        StudentId sanne = StudentId.of(DemoSchoolGenerator.SANNE);
        for (SchoolYear year = SchoolYear.containing(LocalDate.ofInstant(portal.clock().instant(), ZoneId.of("Europe/Amsterdam")));
             year.startYear() > 2000; year = year.previous()) {
            Optional<ChildPage> page = portal.guardians().modulePage(viewer, sanne, ReportsModule.ID, Optional.of(year));
            if (page.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> anchor = page.get().sections().stream().map(Section::anchor).filter(java.util.Objects::nonNull).findFirst();
            if (anchor.isPresent()) {
                byte[] pdf = portal.guardians().sectionPdf(viewer, sanne, ReportsModule.ID, Optional.of(year), anchor.get(), locale)
                        .orElseThrow();
                Path file = directory.resolve("rapport-sanne.pdf");
                Files.write(file, pdf);
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** The demo's mailbox: every mail the portal sent since start. */
    public GreenMail mailbox() {
        return mailbox;
    }

    /** What the demo guardian sees after logging in, as text: the children in the menu and the dashboard. */
    public String describeDemoGuardian(Locale locale) {
        LoginResult login = portal.authentication().login(GUARDIAN_LOGIN, GUARDIAN_PASSWORD);
        if (!(login instanceof LoginResult.Success success)) {
            throw new IllegalStateException("The demo guardian cannot log in: " + login);
        }
        Session session = portal.authentication().session(success.sessionToken()).orElseThrow();
        Viewer viewer = Viewer.guardian(session.guardian());
        GuardianHome home = portal.guardians().home(viewer);
        Dashboard dashboard = portal.guardians().dashboard(viewer, Optional.empty());
        StringBuilder out = new StringBuilder();
        String name = sis.guardian(viewer.guardian()).map(g -> g.name().displayName()).orElse("?");
        out.append(name).append(" (").append(GUARDIAN_LOGIN).append(")\n\n");
        out.append(english(locale) ? "Children shown:\n" : "Zichtbare kinderen:\n");
        for (VisibleChild child : home.children()) {
            out.append("  - ").append(child.student().name().displayName())
                    .append(" — ").append(child.school().name())
                    .append(child.currentGroup() == null ? "" : ", " + child.currentGroup().name())
                    .append(child.student().addressSecret() ? (english(locale) ? " (secret address)" : " (geheim adres)") : "")
                    .append(child.modules().isEmpty() ? "" : " · " + String.join(", ",
                            child.modules().stream().map(m -> m.name().in(locale)).toList()))
                    .append('\n');
        }
        for (MaintenanceNotice notice : home.maintenanceNotices()) {
            out.append("  ! ").append(notice.message().in(locale)).append('\n');
        }
        out.append('\n').append("Dashboard:\n");
        dashboard.welcomes().forEach(w -> out.append("  ").append(w.in(locale)).append('\n'));
        for (DashboardEntry entry : dashboard.entries().stream().limit(15).toList()) {
            String child = entry.child() == null ? (english(locale) ? "school" : "school")
                    : home.children().stream().filter(c -> c.student().id().equals(entry.child()))
                            .map(c -> c.student().name().preferredName()).findFirst().orElse("?");
            out.append(String.format("  %-22s %-8s %s%s%n", ValueFormatter.day(entry.date(), english(locale)), child,
                    entry.title().in(locale), entry.detail() == null || entry.detail().equals(Value.day(entry.date())) ? ""
                            : " (" + ValueFormatter.format(entry.detail(), locale) + ")"));
        }
        portal.authentication().logout(success.sessionToken());
        return out.toString();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    @Override
    public void close() {
        portal.close();
        mailbox.stop();
        store.close();
        sisPool.dispose();
    }
}
