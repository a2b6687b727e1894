package nl.ouderportaal.spi.record;

/**
 * Thrown by {@link ModuleRecords#add} when a record of the same kind with the same key exists at the
 * school (one booking per slot), also when another thread or node added it a moment earlier. The
 * action's transaction stays usable: a handler may catch it and answer with an
 * {@code ActionConflictException} naming free slots.
 *
 * @since 0.2
 */
public final class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public DuplicateKeyException(String kind, String key) {
        super("A record of kind '" + kind + "' with key '" + key + "' exists");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
