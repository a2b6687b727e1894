package nl.ouderportaal.spi.host;

import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;

/**
 * Optional: lets staff turn the viewing right (Inzage ouderportaal, R-ACC-5) of one guardian for one
 * child on or off from the portal's administration. The host owns the right: it is the
 * {@link GuardianLink#viewingRight()} the host's {@link GuardianSource} returns, and the portal never
 * keeps a copy. A host that manages viewing rights only in its own screens does not register a sink;
 * the portal then refuses the change with a clear message.
 *
 * <p><b>Lifecycle:</b> registered once at start-up with
 * {@code Portal.builder().source(ViewingRightSink.class, impl)} and used for the portal's lifetime.
 *
 * <p><b>When called:</b> only after the portal checked that the staff user has the ADMIN or INVITE
 * role for the child's school, that the child is linked to the guardian and enrolled at that school.
 * The call is synchronous, on the requesting thread; an exception is passed on to the staff user's
 * request and the portal audits nothing. Once the call returns, the next read of
 * {@link GuardianSource#linksOfGuardian} must show the new value, because the portal reads the right on
 * every request and a change takes effect at once (retroactive).
 *
 * <p><b>Threading:</b> implementations must be thread-safe; several staff users may call at once.
 *
 * <p><b>Nulls:</b> every argument is non-null. Setting a right to the value it already has is allowed
 * and must not fail.
 *
 * <pre>{@code
 * Portal portal = Portal.builder()
 *     .source(ViewingRightSink.class, (guardian, child, on, changedBy) ->
 *         sis.updateLink(guardian.value(), child.value(), on, changedBy.id().value()))
 *     ...
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ViewingRightSink {

    /**
     * Stores the viewing right of the guardian for the child.
     *
     * @param guardian the guardian of the link
     * @param child the student of the link
     * @param on whether the guardian may see the child in the portal from now on
     * @param changedBy the staff user who made the change, for the host's own history
     */
    void setViewingRight(GuardianId guardian, StudentId child, boolean on, StaffActor changedBy);
}
