package nl.ouderportaal.spi.record;

import java.util.List;
import java.util.Optional;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;

/**
 * A module's records at one school (R-ACT-4). Reads see what is committed plus what the current action
 * wrote; writes happen only inside an action's run (elsewhere they throw {@link IllegalStateException})
 * and commit or roll back with the action's audit event and mails.
 *
 * <p>Lists are in the order records were added. A context's records are for one call on one thread.
 *
 * <pre>{@code
 * record Booking(String slot) { }
 * static final RecordKind<Booking> BOOKING = RecordKind.of("booking", Booking.class);
 *
 * ActionOutcome book(ActionContext<NoOptions> context, String slot) {
 *     StudentId child = context.requireChild().id();
 *     try {
 *         context.records().add(BOOKING, RecordKeys.child(child).guardian(context.guardian().id()).key("slot:" + slot),
 *             new Booking(slot));
 *     } catch (DuplicateKeyException taken) {
 *         throw new ActionConflictException("Dit tijdstip is net gekozen.", "This slot was just taken.");
 *     }
 *     return ActionOutcome.created("Geboekt.", "Booked.");
 * }
 * }</pre>
 *
 * @since 0.2
 */
public interface ModuleRecords {

    /**
     * Adds a record.
     *
     * @throws DuplicateKeyException when the key is taken at the school for this kind
     * @throws IllegalStateException outside an action's run
     */
    <R> StoredRecord<R> add(RecordKind<R> kind, RecordKeys keys, R value);

    /** The record of this kind with this key, if any. */
    <R> Optional<StoredRecord<R>> byKey(RecordKind<R> kind, String key);

    /** The record of this kind with this store id, if it is one of this module's at this school. */
    <R> Optional<StoredRecord<R>> byId(RecordKind<R> kind, long id);

    /** The records of this kind about a child. */
    <R> List<StoredRecord<R>> byChild(RecordKind<R> kind, StudentId child);

    /** The records of this kind about a guardian. */
    <R> List<StoredRecord<R>> byGuardian(RecordKind<R> kind, GuardianId guardian);

    /** Every record of this kind at the school (for staff views; mind the size). */
    <R> List<StoredRecord<R>> all(RecordKind<R> kind);

    /**
     * Replaces a record's value (its keys stay).
     *
     * @throws UnsupportedOperationException for an append-only kind
     * @throws IllegalStateException outside an action's run, or when the record is gone
     */
    <R> StoredRecord<R> update(StoredRecord<R> record, R value);

    /**
     * Removes a record, freeing its key.
     *
     * @throws UnsupportedOperationException for an append-only kind
     * @throws IllegalStateException outside an action's run
     */
    void remove(StoredRecord<?> record);
}
