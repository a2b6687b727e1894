package nl.ouderportaal.core.internal.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ouderportaal.core.internal.JsonValues;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.SqlErrors;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.record.DuplicateKeyException;
import nl.ouderportaal.spi.record.ModuleRecords;
import nl.ouderportaal.spi.record.RecordKeys;
import nl.ouderportaal.spi.record.RecordKind;
import nl.ouderportaal.spi.record.StoredRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One module's records at one school, in the {@code module_records} table. Bound to an action's
 * transaction it writes there (each insert under a savepoint, so that a taken key leaves the transaction
 * usable on PostgreSQL too); unbound it only reads. Internal; one call, one thread.
 */
public final class StoreModuleRecords implements ModuleRecords {

    private static final String COLUMNS = "id, school_id, kind, student_id, guardian_id, record_key, body, keep_until,"
            + " created_at, updated_at";
    private static final AtomicInteger SAVEPOINTS = new AtomicInteger();

    private final PortalStore store;
    private final Handle handle;
    private final SchoolId school;
    private final String moduleId;
    private final Clock clock;

    private StoreModuleRecords(PortalStore store, Handle handle, SchoolId school, String moduleId, Clock clock) {
        this.store = store;
        this.handle = handle;
        this.school = Objects.requireNonNull(school, "school");
        this.moduleId = moduleId;
        this.clock = clock;
    }

    /** Records to read outside an action. */
    public static ModuleRecords reading(PortalStore store, SchoolId school, String moduleId, Clock clock) {
        return new StoreModuleRecords(store, null, school, moduleId, clock);
    }

    /** Records to read and write in an action's transaction. */
    public static ModuleRecords writing(PortalStore store, Handle handle, SchoolId school, String moduleId, Clock clock) {
        return new StoreModuleRecords(store, Objects.requireNonNull(handle, "handle"), school, moduleId, clock);
    }

    @Override
    public <R> StoredRecord<R> add(RecordKind<R> kind, RecordKeys keys, R value) {
        Handle h = writable();
        requireValue(kind, value);
        Instant now = clock.instant();
        String savepoint = "record_" + SAVEPOINTS.incrementAndGet();
        h.savepoint(savepoint);
        long id;
        try {
            id = h.createUpdate("""
                            insert into module_records (school_id, module_id, kind, student_id, guardian_id, record_key, body,
                                                        append_only, keep_until, created_at, updated_at)
                            values (:school, :module, :kind, :student, :guardian, :key, :body, :appendOnly, :keepUntil, :now, :now)""")
                    .bind("school", school.value()).bind("module", moduleId).bind("kind", kind.name())
                    .bind("student", keys.child() == null ? null : keys.child().value())
                    .bind("guardian", keys.guardian() == null ? null : keys.guardian().value())
                    .bind("key", keys.key()).bind("body", write(value)).bind("appendOnly", kind.appendOnly())
                    .bind("keepUntil", keys.keepUntil()).bind("now", Timestamps.toColumn(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                h.rollbackToSavepoint(savepoint);
                throw new DuplicateKeyException(kind.name(), keys.key());
            }
            throw e;
        }
        h.releaseSavepoint(savepoint);
        return new StoredRecord<>(id, school, kind.name(), keys, value, now, now);
    }

    @Override
    public <R> Optional<StoredRecord<R>> byKey(RecordKind<R> kind, String key) {
        return query(kind, "record_key = :value", key).stream().findFirst();
    }

    @Override
    public <R> Optional<StoredRecord<R>> byId(RecordKind<R> kind, long id) {
        return query(kind, "id = :value", id).stream().findFirst();
    }

    @Override
    public <R> List<StoredRecord<R>> byChild(RecordKind<R> kind, StudentId child) {
        return query(kind, "student_id = :value", child.value());
    }

    @Override
    public <R> List<StoredRecord<R>> byGuardian(RecordKind<R> kind, GuardianId guardian) {
        return query(kind, "guardian_id = :value", guardian.value());
    }

    @Override
    public <R> List<StoredRecord<R>> all(RecordKind<R> kind) {
        return query(kind, null, null);
    }

    @Override
    public <R> StoredRecord<R> update(StoredRecord<R> record, R value) {
        Handle h = writable();
        RecordKind<R> kind = kindOf(record, value);
        Instant now = clock.instant();
        int updated = h.createUpdate("""
                        update module_records set body = :body, updated_at = :now
                        where id = :id and school_id = :school and module_id = :module and kind = :kind""")
                .bind("body", write(value)).bind("now", Timestamps.toColumn(now)).bind("id", record.id())
                .bind("school", school.value()).bind("module", moduleId).bind("kind", kind.name()).execute();
        if (updated != 1) {
            throw new IllegalStateException("Record " + record.id() + " of kind '" + kind.name() + "' is gone");
        }
        return new StoredRecord<>(record.id(), school, kind.name(), record.keys(), value, record.createdAt(), now);
    }

    @Override
    public void remove(StoredRecord<?> record) {
        Handle h = writable();
        // The stored flag decides: a module cannot remove proof by passing a kind of another name.
        int removed = h.createUpdate("""
                        delete from module_records
                        where id = :id and school_id = :school and module_id = :module and kind = :kind and append_only = false""")
                .bind("id", record.id()).bind("school", school.value()).bind("module", moduleId).bind("kind", record.kind())
                .execute();
        if (removed != 1) {
            boolean exists = h.createQuery("select count(*) from module_records where id = :id and module_id = :module")
                    .bind("id", record.id()).bind("module", moduleId).mapTo(Integer.class).one() > 0;
            if (exists) {
                throw new UnsupportedOperationException("Records of kind '" + record.kind() + "' are append-only");
            }
        }
    }

    private <R> RecordKind<R> kindOf(StoredRecord<R> record, R value) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) record.value().getClass();
        Boolean appendOnly = handle.createQuery("select append_only from module_records where id = :id and module_id = :module")
                .bind("id", record.id()).bind("module", moduleId).mapTo(Boolean.class).findOne()
                .orElseThrow(() -> new IllegalStateException("Record " + record.id() + " is gone"));
        if (appendOnly) {
            throw new UnsupportedOperationException("Records of kind '" + record.kind() + "' are append-only");
        }
        RecordKind<R> kind = new RecordKind<>(record.kind(), type, false);
        requireValue(kind, value);
        return kind;
    }

    private <R> List<StoredRecord<R>> query(RecordKind<R> kind, String condition, Object value) {
        String sql = "select " + COLUMNS + " from module_records where school_id = :school and module_id = :module"
                + " and kind = :kind" + (condition == null ? "" : " and " + condition) + " order by id";
        if (handle != null) {
            return run(handle.createQuery(sql), kind, value);
        }
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> run(h.createQuery(sql), kind, value));
    }

    private <R> List<StoredRecord<R>> run(Query query, RecordKind<R> kind, Object value) {
        query.bind("school", school.value()).bind("module", moduleId).bind("kind", kind.name());
        if (value != null) {
            query.bind("value", value);
        }
        return query.map((rs, ctx) -> row(rs, kind)).list();
    }

    private <R> StoredRecord<R> row(ResultSet rs, RecordKind<R> kind) throws SQLException {
        String student = rs.getString("student_id");
        String guardian = rs.getString("guardian_id");
        LocalDate keepUntil = rs.getObject("keep_until", LocalDate.class);
        RecordKeys keys = new RecordKeys(student == null ? null : StudentId.of(student),
                guardian == null ? null : GuardianId.of(guardian), rs.getString("record_key"), keepUntil);
        return new StoredRecord<>(rs.getLong("id"), SchoolId.of(rs.getString("school_id")), kind.name(), keys,
                read(rs.getString("body"), kind), Timestamps.fromColumn(rs, "created_at"),
                Timestamps.fromColumn(rs, "updated_at"));
    }

    private Handle writable() {
        if (handle == null) {
            throw new IllegalStateException("Module records are written only while an action runs");
        }
        return handle;
    }

    private static <R> void requireValue(RecordKind<R> kind, R value) {
        Objects.requireNonNull(value, "value");
        if (!kind.type().isInstance(value)) {
            throw new IllegalArgumentException("A record of kind '" + kind.name() + "' holds a " + kind.type().getName());
        }
    }

    private static String write(Object value) {
        try {
            return JsonValues.stored().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A " + value.getClass().getName() + " cannot be stored as JSON", e);
        }
    }

    private static <R> R read(String json, RecordKind<R> kind) {
        try {
            return JsonValues.stored().readValue(json, kind.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored record of kind '" + kind.name() + "' no longer reads as "
                    + kind.type().getName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
