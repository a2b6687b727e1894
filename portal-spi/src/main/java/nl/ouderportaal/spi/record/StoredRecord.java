package nl.ouderportaal.spi.record;

import java.time.Instant;
import java.util.Objects;
import nl.ouderportaal.spi.SchoolId;

/**
 * A record as the store has it.
 *
 * @param id the store's id, unique across the portal
 * @param school the school it belongs to
 * @param kind its kind's name
 * @param keys child, guardian, key and keep-until day
 * @param value the module's value
 * @param createdAt when it was added
 * @param updatedAt when it last changed ({@code createdAt} if never)
 * @param <R> the value type
 * @since 0.2
 */
public record StoredRecord<R>(long id, SchoolId school, String kind, RecordKeys keys, R value, Instant createdAt,
                              Instant updatedAt) {

    public StoredRecord {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
