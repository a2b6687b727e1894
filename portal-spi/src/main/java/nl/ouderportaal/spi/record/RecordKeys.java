package nl.ouderportaal.spi.record;

import java.time.LocalDate;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;

/**
 * How a new record is found again: the child and the guardian it is about (either may be absent), a
 * key the module chooses (unique per school, module and kind: {@code slot:2026-12-03T19:10:t-4}), and the
 * day after which housekeeping may remove it.
 *
 * <pre>{@code
 * RecordKeys keys = RecordKeys.child(sanne).guardian(GuardianId.of("anna")).key("slot:42")
 *     .keepUntil(LocalDate.of(2027, 7, 31));
 * }</pre>
 *
 * @param child the child, or {@code null}
 * @param guardian the guardian, or {@code null}
 * @param key the unique key, at most 200 characters, or {@code null} for none
 * @param keepUntil the last day to keep it, or {@code null} to keep it while the school uses the portal
 * @since 0.2
 */
public record RecordKeys(StudentId child, GuardianId guardian, String key, LocalDate keepUntil) {

    public RecordKeys {
        if (key != null && (key.isEmpty() || key.length() > 200)) {
            throw new IllegalArgumentException("A record key is 1 to 200 characters");
        }
    }

    /** No child, guardian or key: a record of the school (a consent purpose). */
    public static RecordKeys none() {
        return new RecordKeys(null, null, null, null);
    }

    public static RecordKeys child(StudentId child) {
        return new RecordKeys(child, null, null, null);
    }

    public static RecordKeys guardianOnly(GuardianId guardian) {
        return new RecordKeys(null, guardian, null, null);
    }

    public RecordKeys guardian(GuardianId value) {
        return new RecordKeys(child, value, key, keepUntil);
    }

    public RecordKeys key(String value) {
        return new RecordKeys(child, guardian, value, keepUntil);
    }

    public RecordKeys keepUntil(LocalDate value) {
        return new RecordKeys(child, guardian, key, value);
    }
}
