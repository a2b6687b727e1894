package nl.ouderportaal.core.store;

import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

/**
 * The portal's own database: accounts, tokens, sessions, settings, news, change requests, the mail
 * outbox and the audit log. Host content data is never stored here.
 *
 * <p>Migrations run when the portal starts ({@link #migrate()}), with the same scripts on H2 and
 * PostgreSQL. Thread-safe.
 *
 * <pre>{@code
 * PortalStore store = PortalStore.h2File(Path.of("data/portal")); // embedded default, no server
 * PortalStore store = PortalStore.of(hikariDataSource);          // PostgreSQL in production
 * }</pre>
 */
public final class PortalStore implements AutoCloseable {

    /** How long a request waits for a pooled connection before it fails ({@link #jdbc}). */
    public static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(5);
    private static final java.time.Duration VALIDATION_TIMEOUT = java.time.Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final AutoCloseable onClose;

    private PortalStore(DataSource dataSource, AutoCloseable onClose) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbi = Jdbi.create(dataSource);
        nl.ouderportaal.core.internal.Database.register(this, jdbi, dataSource);
        this.onClose = onClose;
    }

    /** A store on a data source the host owns (and closes). */
    public static PortalStore of(DataSource dataSource) {
        return new PortalStore(dataSource, () -> { });
    }

    /** A store on a data source, with what to do when the store is closed (e.g. close the pool). */
    public static PortalStore of(DataSource dataSource, AutoCloseable onClose) {
        return new PortalStore(dataSource, onClose);
    }

    /**
     * A store on a database given by JDBC URL, pooled with HikariCP: PostgreSQL in production
     * ({@code jdbc:postgresql://db.example.org/portal}), shared by every portal node. The pool is closed
     * with the store.
     *
     * @param maximumPoolSize connections per node; the database must allow nodes x this many
     *     <p>A request waits at most {@link #CONNECTION_TIMEOUT} for a connection; while the database is
     *     unreachable, calls fail with Jdbi's {@code ConnectionException} and work again once it is back.
     */
    public static PortalStore jdbc(String url, String user, String password, int maximumPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maximumPoolSize);
        // A request waits at most this long for a connection: with the database down, a guardian gets an
        // error in seconds instead of HikariCP's default 30 s, and the pool reconnects once it is back.
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setPoolName("ouderportaal");
        HikariDataSource pool = new HikariDataSource(config);
        return new PortalStore(pool, pool::close);
    }

    /**
     * The embedded default: an H2 file database at the given path (without the {@code .mv.db} suffix).
     *
     * <p>Written with {@code WRITE_DELAY=0}: H2 otherwise keeps the last half second of commits in memory,
     * so a killed JVM would lose them (a mail marked sent would be sent again, a used link would work
     * again). With it, a commit is in the file (the operating system's cache) before it returns.
     */
    public static PortalStore h2File(Path path) {
        String url = "jdbc:h2:file:" + path.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "portal", "");
        return new PortalStore(pool, pool::dispose);
    }

    /** A private H2 in-memory database that lives until {@link #close()}: for tests and trials. */
    public static PortalStore h2InMemory(String name) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "portal", "");
        return new PortalStore(pool, () -> {
            try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                statement.execute("shutdown");
            } finally {
                pool.dispose();
            }
        });
    }

    /** Brings the schema up to date. Safe to call on every start and from several nodes at once. */
    public PortalStore migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("portal_schema_history")
                .load()
                .migrate();
        return this;
    }

    /** Whether the store is PostgreSQL, for the few statements where it can do better than portable SQL. */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbi.withHandle(h -> {
                try {
                    return h.getConnection().getMetaData().getDatabaseProductName()
                            .toLowerCase(java.util.Locale.ROOT).contains("postgres");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("Cannot tell which database the portal store is", e);
                }
            });
            postgres = known;
        }
        return known;
    }

    private volatile Boolean postgres;


    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close the portal store", e);
        }
    }
}
