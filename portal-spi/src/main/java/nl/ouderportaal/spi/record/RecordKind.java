package nl.ouderportaal.spi.record;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of record a module keeps, with the Java record type its values have. The portal stores values
 * as JSON of the record's components (dates, times and instants as ISO text), so keep the type's
 * components to text, numbers, booleans, {@code java.time} values, enums, lists and nested records; a
 * component added later reads as {@code null} from older records.
 *
 * <pre>{@code
 * record Answer(String purpose, int version, boolean yes) { }
 * record Booking(String slot) { }
 * static final RecordKind<Answer> ANSWER = RecordKind.appendOnly("answer", Answer.class);
 * static final RecordKind<Booking> BOOKING = RecordKind.of("booking", Booking.class);
 * }</pre>
 *
 * @param name stable name within the module, lower case letters, digits and dashes
 * @param type the value's record type
 * @param appendOnly whether records of this kind are never changed or removed (proof, R-CONS-5)
 * @param <R> the value type
 * @since 0.2
 */
public record RecordKind<R>(String name, Class<R> type, boolean appendOnly) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public RecordKind {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A record kind is 2-40 lower case letters, digits and dashes: '" + name + "'");
        }
        Objects.requireNonNull(type, "type");
        if (!type.isRecord()) {
            throw new IllegalArgumentException("Values of record kind '" + name + "' must be a record type: " + type.getName());
        }
    }

    /** A kind whose records may be changed and removed. */
    public static <R> RecordKind<R> of(String name, Class<R> type) {
        return new RecordKind<>(name, type, false);
    }

    /** A kind whose records are only ever added. */
    public static <R> RecordKind<R> appendOnly(String name, Class<R> type) {
        return new RecordKind<>(name, type, true);
    }
}
