package nl.ouderportaal.spi;

/**
 * The host's stable identifier of a group (class) in a given school year.
 *
 * <p>Immutable and thread-safe. The value is opaque to the portal: 1 to 64 characters without
 * whitespace or control characters, compared exactly. Never {@code null}.
 *
 * <pre>{@code
 * GroupId id = GroupId.of("1234");
 * }</pre>
 *
 * @param value the host's identifier
 * @since 0.1
 */
public record GroupId(String value) implements Comparable<GroupId> {

    public GroupId {
        Ids.require(value, "GroupId");
    }

    /** Shorthand for {@code new GroupId(value)}. */
    public static GroupId of(String value) {
        return new GroupId(value);
    }

    @Override
    public int compareTo(GroupId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
