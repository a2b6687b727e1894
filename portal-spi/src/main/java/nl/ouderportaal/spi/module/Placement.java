package nl.ouderportaal.spi.module;

/**
 * Where a module's page appears in the guardian's portal.
 *
 * @since 0.1
 */
public enum Placement {
    /** Its own item in each child's menu (absences, notes, reports, ...). */
    CHILD_MENU,
    /** A section of the "about the child" page (medical). */
    ABOUT_CHILD,
    /** A section of the School page, not tied to a child (staff). */
    SCHOOL_PAGE
}
