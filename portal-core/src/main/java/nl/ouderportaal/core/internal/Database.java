package nl.ouderportaal.core.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import nl.ouderportaal.core.store.PortalStore;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL side of a {@link PortalStore}: its Jdbi and data source, for the core's own code. A host hands
 * the portal a store and never reaches past it (ARCHITECTURE.md principle 14), so that no public path
 * writes to the store without the core's validation and audit. Internal.
 */
public final class Database {

    private record Handles(Jdbi jdbi, DataSource dataSource) {
    }

    private static final Map<PortalStore, Handles> STORES = Collections.synchronizedMap(new WeakHashMap<>());

    private Database() {
    }

    /** Called once by each store as it is made; a second call for one store is refused. */
    public static void register(PortalStore store, Jdbi jdbi, DataSource dataSource) {
        if (STORES.putIfAbsent(Objects.requireNonNull(store, "store"), new Handles(jdbi, dataSource)) != null) {
            throw new IllegalStateException("This store is registered already");
        }
    }

    public static Jdbi jdbi(PortalStore store) {
        return handles(store).jdbi();
    }

    public static DataSource dataSource(PortalStore store) {
        return handles(store).dataSource();
    }

    private static Handles handles(PortalStore store) {
        Handles handles = STORES.get(Objects.requireNonNull(store, "store"));
        if (handles == null) {
            throw new IllegalStateException("Not a store made by PortalStore");
        }
        return handles;
    }
}
