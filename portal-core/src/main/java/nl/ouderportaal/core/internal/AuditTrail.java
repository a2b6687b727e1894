package nl.ouderportaal.core.internal;

import nl.ouderportaal.core.audit.AuditEvent;
import org.jdbi.v3.core.Handle;

/** Writes audit events in the caller's transaction (R-BEYOND-1). Internal: a host reads the log, never writes it. */
public final class AuditTrail {

    /** The longest detail kept; longer ones are cut. */
    static final int MAX_DETAIL = 4000;

    private AuditTrail() {
    }

    public static void append(Handle h, AuditEvent event) {
        String detail = event.detail();
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
        h.createUpdate("""
                        insert into audit_events (occurred_at, action, school_id, actor_type, actor_id, actor_name,
                                                  guardian_id, detail)
                        values (:at, :action, :school, :actorType, :actorId, :actorName, :guardian, :detail)""")
                .bind("at", Timestamps.toColumn(event.at()))
                .bind("action", event.action())
                .bind("school", event.school() == null ? null : event.school().value())
                .bind("actorType", event.actorType().name())
                .bind("actorId", event.actorId())
                .bind("actorName", event.actorName())
                .bind("guardian", event.guardian() == null ? null : event.guardian().value())
                .bind("detail", detail)
                .execute();
    }
}
