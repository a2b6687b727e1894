package nl.ouderportaal.spi.host;

/**
 * A student's enrolment status in the host. Only {@link #IN_EDUCATION} children are shown to guardians
 * (R-ACC-10); the portal decides this, sources return every linked student.
 *
 * @since 0.1
 */
public enum EnrolmentStatus {
    /** Registered (aangemeld) but not yet attending. */
    REGISTERED,
    /** Attending the school (volgt onderwijs). */
    IN_EDUCATION,
    /** No longer attending (uitgeschreven). */
    LEFT
}
