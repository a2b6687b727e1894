package nl.ouderportaal.spi.module;

import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.host.Student;

/**
 * The context of a call about one child the viewer may see, in one school year.
 *
 * <pre>{@code
 * List<Absence> absences = context.source(AbsenceSource.class)
 *     .absences(context.child().id(), context.schoolYear());
 * }</pre>
 *
 * @param <O> the module's options type
 * @since 0.1
 */
public interface ChildContext<O> extends ModuleContext<O> {

    /** The child; the portal has already decided the viewer may see this module for this child. */
    Student child();

    /** The school year asked for: the current one, or an earlier one the policy allowed. */
    SchoolYear schoolYear();

    /**
     * The module's records at the child's school (R-ACT-4), to read: what its actions stored (a report's
     * status, a booking). Written only by actions.
     *
     * @since 0.2
     */
    nl.ouderportaal.spi.record.ModuleRecords records();

    /** Whether {@link #schoolYear()} is the current school year. */
    default boolean isCurrentSchoolYear() {
        return schoolYear().equals(SchoolYear.containing(today()));
    }
}
