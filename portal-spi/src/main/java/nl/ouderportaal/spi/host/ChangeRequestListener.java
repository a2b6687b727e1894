package nl.ouderportaal.spi.host;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;

/**
 * Optional: a host that wants guardians' corrections in a work queue of its own, besides the mail to the
 * school (R-CHG-1), registers a listener. It is called after the request is stored, on the requesting
 * thread; an exception is logged and does not undo the request. The portal never changes host data.
 *
 * <pre>{@code
 * Portal.builder().source(ChangeRequestListener.class, request -> sis.queueCorrection(request));
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ChangeRequestListener {

    void changeRequested(Request request);

    /**
     * A stored change request.
     *
     * @param id the portal's id of the request
     * @param school the school it is for
     * @param guardian who proposed it
     * @param student the child it is about, or {@code null} for the guardian's own data
     * @param changes the proposed corrections, in form order
     * @param fundingWarning whether it touches data that may affect the children's funding (R-CHG-3)
     * @param at when it was made
     */
    record Request(long id, SchoolId school, GuardianId guardian, StudentId student, List<FieldChange> changes,
                   boolean fundingWarning, Instant at) {
        public Request {
            Objects.requireNonNull(school, "school");
            Objects.requireNonNull(guardian, "guardian");
            changes = List.copyOf(changes);
        }
    }
}
