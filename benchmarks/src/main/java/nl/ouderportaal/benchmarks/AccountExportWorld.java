package nl.ouderportaal.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.demo.DemoSchool;
import nl.ouderportaal.demo.DemoSchoolGenerator;
import nl.ouderportaal.demo.DemoSis;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.StudentSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

/**
 * B4's world: the demo SIS schema and {@link DemoSis}, with one school of {@value #GUARDIANS} guardians,
 * each with an active account, a sent invitation and one child in a group. Rows are made by set-based SQL
 * ({@code system_range}) in the SIS and in the portal store, because generating pupils one by one (with
 * three years of content each) would take minutes and add nothing the export reads.
 */
public final class AccountExportWorld implements AutoCloseable {

    public static final int GUARDIANS = 100_000;
    public static final SchoolId SCHOOL = SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL);
    /** When every account last logged in and was invited, in the rows and in the floor. */
    static final String LAST_LOGIN = "2026-11-20 19:30:00+01";
    static final String INVITED = "2026-09-01 09:00:00+02";

    private final JdbcConnectionPool sisPool;
    private final PortalStore store;
    private final Portal portal;

    private AccountExportWorld(Path directory) {
        sisPool = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("sis") + ";DB_CLOSE_ON_EXIT=FALSE", "sis", "");
        DemoSis sis = new DemoSis(Jdbi.create(sisPool));
        store = PortalStore.h2File(directory.resolve("portal"));
        portal = Portal.builder()
                .store(store)
                .clock(BenchmarkWorlds.CLOCK)
                .zone(BenchmarkWorlds.ZONE)
                .source(SchoolSource.class, sis)
                .source(StudentSource.class, sis)
                .source(GuardianSource.class, sis)
                .source(GroupSource.class, sis)
                .source(ActivitySource.class, sis)
                .build();
    }

    public Portal portal() {
        return portal;
    }

    /** A private copy of the pristine world, opened. */
    public static AccountExportWorld openCopy(String purpose) {
        return new AccountExportWorld(BenchmarkWorlds.copyOf(pristine(), BenchmarkWorlds.dataRoot().resolve("work-" + purpose)));
    }

    public static synchronized Path pristine() {
        Path directory = BenchmarkWorlds.dataRoot().resolve("pristine-accounts");
        Path done = directory.resolve("benchmark.ready");
        if (Files.exists(done)) {
            return directory;
        }
        BenchmarkWorlds.deleteTree(directory);
        long start = System.nanoTime();
        try (AccountExportWorld world = new AccountExportWorld(directory)) {
            world.fillSis();
            world.fillStore();
        }
        BenchmarkWorlds.write(done, "generated\n");
        System.out.printf("# World accounts (%,d guardians with accounts) generated in %.1f s%n", GUARDIANS,
                (System.nanoTime() - start) / 1e9);
        return directory;
    }

    private void fillSis() {
        int year = nl.ouderportaal.spi.SchoolYear.containing(BenchmarkWorlds.today()).startYear();
        Jdbi.create(sisPool).useTransaction(h -> {
            h.createScript(schema()).execute();
            h.execute("""
                    insert into school values ('regenboog', 'OBS De Regenboog', 'Regenbooglaan', '1', '3701 AB', 'Zeist',
                    'info@regenboog.example.org', '030-6912345', 'https://www.regenboog.example.org',
                    'Stichting Primair Onderwijs Heuvelrug', 'bestuur@spoh.example.org', 'https://www.spoh.example.org')""");
            h.execute("insert into school_year values ('regenboog', ?)", year);
            h.execute("insert into class_group select 'regenboog-' || ? || '-g' || x, 'regenboog', ?, 'Groep ' || x, x,"
                    + " 'Lokaal A' || x from system_range(1, 8)", year, year);
            h.execute("""
                    insert into student (id, school_id, given_names, preferred_name, infix, surname, birth_date, birth_place,
                        gender, nationality, street, house_number, postal_code, city, address_secret, status,
                        registration_date, first_school_day)
                    select 'bs-' || x, 'regenboog', 'Kind' || x, 'Kind' || x, null, 'Achternaam' || x, date '2018-03-01',
                        'Zeist', case when mod(x, 2) = 0 then 'F' else 'M' end, 'Nederlandse', 'Kerkstraat',
                        cast(mod(x, 150) + 1 as varchar), '3701 AA', 'Zeist', false, 'IN_EDUCATION', date '2021-09-01',
                        date '2022-03-01'
                    from system_range(1, ?)""", GUARDIANS);
            h.execute("insert into student_group select 'bs-' || x, 'regenboog-' || ? || '-g' || (mod(x, 8) + 1),"
                    + " date '2026-09-01', null from system_range(1, ?)", year, GUARDIANS);
            h.execute("""
                    insert into guardian (id, preferred_name, infix, surname, gender, street, house_number, postal_code, city,
                        email, family_name, marital_status, children_in_family)
                    select 'bg-' || x, 'Ouder' || x, 'van', 'Achternaam' || x, 'F', 'Kerkstraat', cast(mod(x, 150) + 1 as varchar),
                        '3701 AA', 'Zeist', 'ouder' || x || '@example.org', 'Familie van Achternaam' || x, 'Gehuwd', 1
                    from system_range(1, ?)""", GUARDIANS);
            h.execute("insert into guardian_link select 'bg-' || x, 'bs-' || x, 'MOTHER', true from system_range(1, ?)",
                    GUARDIANS);
        });
    }

    private void fillStore() {
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            h.execute("""
                    insert into guardian_accounts (guardian_id, email, email_normalized, status, created_at, activated_at,
                        last_login_at, updated_at)
                    select 'bg-' || x, 'ouder' || x || '@example.org', 'ouder' || x || '@example.org', 'ACTIVE',
                        timestamp with time zone '%1$s', timestamp with time zone '%1$s',
                        timestamp with time zone '%2$s', timestamp with time zone '%2$s'
                    from system_range(1, ?)""".formatted(INVITED, LAST_LOGIN), GUARDIANS);
            h.execute("""
                    insert into mail_outbox (recipient, subject, body_text, kind, guardian_id, school_id, status, attempts,
                        next_attempt_at, created_at, sent_at)
                    select 'ouder' || x || '@example.org', 'Uw inloggegevens', 'Welkom', 'invitation', 'bg-' || x,
                        'regenboog', 'SENT', 1, timestamp with time zone '%1$s', timestamp with time zone '%1$s',
                        timestamp with time zone '%1$s'
                    from system_range(1, ?)""".formatted(INVITED), GUARDIANS);
        });
    }

    private static String schema() {
        try (InputStream in = DemoSchool.class.getResourceAsStream("sis-schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        portal.close();
        store.close();
        sisPool.dispose();
    }
}
