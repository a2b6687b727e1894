package nl.ouderportaal.spi.action;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.ModuleContext;
import nl.ouderportaal.spi.record.ModuleRecords;

/**
 * What the portal hands a guardian action for one call: the guardian, the child (for
 * {@link ActionScope#CHILD}), the school, the moment and the school's zone, the module's options and
 * declared sources, and the module's records at the school.
 *
 * <p>For {@link GuardianAction#availability} and {@link GuardianAction#form} the context reads only; in
 * {@link GuardianAction#run} its {@link #records()} write in the action's transaction. A context lives for
 * one call on one thread; do not keep it. Never {@code null}.
 *
 * @param <O> the module's options type
 * @since 0.2
 */
public interface ActionContext<O> extends ModuleContext<O> {

    /** Who acts (in {@link GuardianAction#availability} and {@link GuardianAction#form}: who looks). */
    ActingGuardian guardian();

    /** The child, for a {@link ActionScope#CHILD} action; empty for a {@link ActionScope#GUARDIAN} one. */
    Optional<Student> child();

    /**
     * The child, for a {@link ActionScope#CHILD} action.
     *
     * @throws IllegalStateException for a {@link ActionScope#GUARDIAN} action
     */
    default Student requireChild() {
        return child().orElseThrow(() -> new IllegalStateException("This action is not about a child"));
    }

    /** The child's school; for a guardian action the first school of their visible children (see {@link #schools()}). */
    School school();

    /** The schools of the guardian's visible children, the child's school first. */
    List<School> schools();

    /** The guardian's children they may see, oldest first (the child of a child action among them). */
    List<Student> visibleChildren();

    /** The moment the action is looked at or runs, from the portal's clock. */
    Instant now();

    /** The portal's time zone for schools: dates and times the guardian types are in it. */
    ZoneId zone();

    /** The module's records at {@link #school()}. */
    ModuleRecords records();

    /**
     * The module's records at one of {@link #schools()}.
     *
     * @throws IllegalArgumentException for any other school
     */
    ModuleRecords records(nl.ouderportaal.spi.SchoolId school);
}
