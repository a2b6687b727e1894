package nl.ouderportaal.spi.host;

/**
 * How a guardian relates to a student.
 *
 * @since 0.1
 */
public enum GuardianRelation {
    MOTHER,
    FATHER,
    PARENT,
    STEP_PARENT,
    FOSTER_PARENT,
    /** A court-appointed guardian (voogd). */
    LEGAL_GUARDIAN,
    OTHER
}
