package nl.ouderportaal.spi;

/**
 * The host's stable identifier of a student (pupil) in the host.
 *
 * <p>Immutable and thread-safe. The value is opaque to the portal: 1 to 64 characters without
 * whitespace or control characters, compared exactly. Never {@code null}.
 *
 * <pre>{@code
 * StudentId id = StudentId.of("1234");
 * }</pre>
 *
 * @param value the host's identifier
 * @since 0.1
 */
public record StudentId(String value) implements Comparable<StudentId> {

    public StudentId {
        Ids.require(value, "StudentId");
    }

    /** Shorthand for {@code new StudentId(value)}. */
    public static StudentId of(String value) {
        return new StudentId(value);
    }

    @Override
    public int compareTo(StudentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
