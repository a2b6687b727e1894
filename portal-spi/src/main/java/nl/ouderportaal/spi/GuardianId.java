package nl.ouderportaal.spi;

/**
 * The host's stable identifier of a guardian (parent or carer) in the host; one guardian has one portal account across all schools.
 *
 * <p>Immutable and thread-safe. The value is opaque to the portal: 1 to 64 characters without
 * whitespace or control characters, compared exactly. Never {@code null}.
 *
 * <pre>{@code
 * GuardianId id = GuardianId.of("1234");
 * }</pre>
 *
 * @param value the host's identifier
 * @since 0.1
 */
public record GuardianId(String value) implements Comparable<GuardianId> {

    public GuardianId {
        Ids.require(value, "GuardianId");
    }

    /** Shorthand for {@code new GuardianId(value)}. */
    public static GuardianId of(String value) {
        return new GuardianId(value);
    }

    @Override
    public int compareTo(GuardianId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
