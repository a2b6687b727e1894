package nl.ouderportaal.spi;

/**
 * The host's stable identifier of a staff member of the host.
 *
 * <p>Immutable and thread-safe. The value is opaque to the portal: 1 to 64 characters without
 * whitespace or control characters, compared exactly. Never {@code null}.
 *
 * <pre>{@code
 * StaffId id = StaffId.of("1234");
 * }</pre>
 *
 * @param value the host's identifier
 * @since 0.1
 */
public record StaffId(String value) implements Comparable<StaffId> {

    public StaffId {
        Ids.require(value, "StaffId");
    }

    /** Shorthand for {@code new StaffId(value)}. */
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public int compareTo(StaffId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
