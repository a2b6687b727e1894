package nl.ouderportaal.core.audit;

import java.util.List;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import org.jdbi.v3.core.Handle;

/** Appends to and reads the audit log. Appends join the caller's transaction, so a refused change logs nothing. */
public final class AuditLog {


    /** Two school years by default: long enough to answer a parent's question, no longer (AVG). */
    public static final java.time.Duration DEFAULT_RETENTION = java.time.Duration.ofDays(730);

    private final PortalStore store;
    private final java.time.Clock clock;
    private final java.time.Duration retention;

    public AuditLog(PortalStore store, java.time.Clock clock, java.time.Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Deletes the events older than the configured retention; run it daily (any node may).
     *
     * @return how many events were deleted
     */
    public int purgeExpired() {
        return purgeOlderThan(clock.instant().minus(retention));
    }


    /** The latest events about a guardian whose action starts with the prefix, newest first. */
    public List<AuditEvent> ofGuardian(GuardianId guardian, String actionPrefix, int limit) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("""
                        select * from audit_events where guardian_id = :g and action like :prefix
                        order by occurred_at desc, id desc""")
                .bind("g", guardian.value())
                .bind("prefix", actionPrefix.replace("%", "") + "%")
                .setMaxRows(limit)
                .map((rs, ctx) -> event(rs))
                .list());
    }

    /** The latest events of a school, newest first. */
    public List<AuditEvent> ofSchool(SchoolId school, int limit) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("""
                        select * from audit_events where school_id = :school
                        order by occurred_at desc, id desc""")
                .bind("school", school.value())
                .setMaxRows(limit)
                .map((rs, ctx) -> event(rs))
                .list());
    }

    private static AuditEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEvent(Timestamps.fromColumn(rs, "occurred_at"), rs.getString("action"),
                rs.getString("school_id") == null ? null : SchoolId.of(rs.getString("school_id")),
                AuditEvent.ActorType.valueOf(rs.getString("actor_type")), rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("guardian_id") == null ? null : GuardianId.of(rs.getString("guardian_id")),
                rs.getString("detail"));
    }

    /**
     * Deletes events older than the retention period (R-BEYOND-1, AVG: keep no longer than needed).
     *
     * @return how many events were deleted
     */
    public int purgeOlderThan(java.time.Instant cutOff) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createUpdate("delete from audit_events where occurred_at < :cutOff")
                .bind("cutOff", Timestamps.toColumn(cutOff)).execute());
    }
}
