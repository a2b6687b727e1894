package nl.ouderportaal.core.internal;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Objects;
import javax.sql.DataSource;
import nl.ouderportaal.core.store.PortalStore;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL side of a {@link PortalStore}: its Jdbi and data source, for the core's own code. A host hands
 * the portal a store and never reaches past it (ARCHITECTURE.md principle 14), so that no public path
 * writes to the store without the core's validation and audit. Internal.
 *
 * <p>Every query of every request looks its store up here, so the lookup takes no lock: the registered
 * stores are an array that is replaced, never changed, when a store is made. A synchronized map here was
 * the most contended monitor of the HTTP benchmark (B6), with 32 request threads queueing on it.
 */
public final class Database {

    private record Entry(WeakReference<PortalStore> store, Jdbi jdbi, DataSource dataSource) {
    }

    /** Weak, so that the stores of finished tests and closed portals can go. */
    private static volatile Entry[] stores = new Entry[0];

    private Database() {
    }

    /** Called once by each store as it is made; a second call for one store is refused. */
    public static synchronized void register(PortalStore store, Jdbi jdbi, DataSource dataSource) {
        Objects.requireNonNull(store, "store");
        Entry[] live = Arrays.stream(stores).filter(e -> e.store().get() != null).toArray(Entry[]::new);
        if (Arrays.stream(live).anyMatch(e -> e.store().get() == store)) {
            throw new IllegalStateException("This store is registered already");
        }
        Entry[] next = Arrays.copyOf(live, live.length + 1);
        next[live.length] = new Entry(new WeakReference<>(store), jdbi, dataSource);
        stores = next;
    }

    public static Jdbi jdbi(PortalStore store) {
        return entry(store).jdbi();
    }

    public static DataSource dataSource(PortalStore store) {
        return entry(store).dataSource();
    }

    private static Entry entry(PortalStore store) {
        Objects.requireNonNull(store, "store");
        for (Entry entry : stores) {
            if (entry.store().get() == store) {
                return entry;
            }
        }
        throw new IllegalStateException("Not a store made by PortalStore");
    }
}
