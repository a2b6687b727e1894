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
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.guardian.Dashboard;
import nl.ouderportaal.core.guardian.GuardianHome;
import nl.ouderportaal.core.guardian.MaintenanceNotice;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.guardian.VisibleChild;
import nl.ouderportaal.core.render.ValueFormatter;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.modules.absences.AbsenceSource;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.StaffSource;
import nl.ouderportaal.spi.host.StudentSource;
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

    private final JdbcConnectionPool sisPool;
    private final PortalStore store;
    private final DemoSis sis;
    private final Portal portal;

    private DemoSchool(JdbcConnectionPool sisPool, PortalStore store, DemoSis sis, Portal portal) {
        this.sisPool = sisPool;
        this.store = store;
        this.sis = sis;
        this.portal = portal;
    }

    /** Opens (and on the first run, generates) the demo SIS and the portal under {@code dataDirectory}. */
    public static DemoSchool open(Path dataDirectory, Clock clock) {
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
        Portal portal = Portal.builder()
                .store(store)
                .clock(clock)
                .zone(zone)
                .source(SchoolSource.class, sis)
                .source(StudentSource.class, sis)
                .source(GuardianSource.class, sis)
                .source(GroupSource.class, sis)
                .source(ActivitySource.class, sis)
                .source(StaffSource.class, sis)
                .source(AbsenceSource.class, sis)
                .install(new AbsencesModule())
                .build();
        DemoSchool demo = new DemoSchool(sisPool, store, sis, portal);
        demo.configureOnFirstStart();
        return demo;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the half-generated demo database " + file, e);
        }
    }

    /** The school's first steps in the portal, as an administrator would take them. */
    private void configureOnFirstStart() {
        GuardianId guardian = GuardianId.of(DemoSchoolGenerator.DEMO_GUARDIAN);
        if (portal.accounts().status(guardian) != AccountStatus.NONE) {
            return;
        }
        portal.accounts().importActiveAccount(guardian, GUARDIAN_LOGIN, ADMIN_NAME);
        SchoolId main = SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL);
        SchoolId second = SchoolId.of(DemoSchoolGenerator.SECOND_SCHOOL);
        for (SchoolId school : new SchoolId[] {main, second}) {
            portal.configuration().activate(school, AbsencesModule.ID, ADMIN_NAME);
        }
        portal.configuration().showOnDashboard(main, AbsencesModule.ID, true, ADMIN_NAME);
    }

    public Portal portal() {
        return portal;
    }

    public DemoSis sis() {
        return sis;
    }

    /** What the demo guardian sees, as text: the children in the menu and the dashboard. */
    public String describeDemoGuardian(Locale locale) {
        Viewer viewer = Viewer.guardian(GuardianId.of(DemoSchoolGenerator.DEMO_GUARDIAN));
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
        for (DashboardEntry entry : dashboard.entries()) {
            String child = entry.child() == null ? (english(locale) ? "school" : "school")
                    : home.children().stream().filter(c -> c.student().id().equals(entry.child()))
                            .map(c -> c.student().name().preferredName()).findFirst().orElse("?");
            out.append(String.format("  %-22s %-8s %s%s%n", ValueFormatter.day(entry.date(), english(locale)), child,
                    entry.title().in(locale), entry.detail() == null ? "" : " (" + ValueFormatter.format(entry.detail(), locale) + ")"));
        }
        return out.toString();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    @Override
    public void close() {
        store.close();
        sisPool.dispose();
    }
}
