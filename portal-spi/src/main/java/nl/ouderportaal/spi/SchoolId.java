package nl.ouderportaal.spi;

/**
 * The host's stable identifier of a school (a school or branch with its own portal settings).
 *
 * <p>Immutable and thread-safe. The value is opaque to the portal: 1 to 64 characters without
 * whitespace or control characters, compared exactly. Never {@code null}.
 *
 * <pre>{@code
 * SchoolId id = SchoolId.of("1234");
 * }</pre>
 *
 * @param value the host's identifier
 * @since 0.1
 */
public record SchoolId(String value) implements Comparable<SchoolId> {

    public SchoolId {
        Ids.require(value, "SchoolId");
    }

    /** Shorthand for {@code new SchoolId(value)}. */
    public static SchoolId of(String value) {
        return new SchoolId(value);
    }

    @Override
    public int compareTo(SchoolId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
