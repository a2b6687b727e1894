package nl.ouderportaal.spi.module;

import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffView;

import java.util.List;
import nl.ouderportaal.spi.view.Section;

/**
 * A content area of the portal (absences, notes, reports, ... or an integrator's own): the one
 * interface a module implements.
 *
 * <h2>Lifecycle</h2>
 * A host creates the module and registers it explicitly ({@code Portal.builder().install(module)}), or
 * opts in to {@link java.util.ServiceLoader} discovery (then the module needs a public no-argument
 * constructor and a {@code META-INF/services/nl.ouderportaal.spi.module.ContentModule} entry). The
 * portal reads {@link #descriptor()} once at start-up, checks that the host supplies every source the
 * descriptor names, and then calls the other methods for as long as it runs.
 *
 * <h2>Visibility</h2>
 * The portal calls a module only for a child, school year and page its visibility policy allows: the
 * account is active, the link has the viewing right, the child is in education, the school is not in
 * maintenance, the module is active for the child's school (and shown on the dashboard, for
 * {@link #dashboard}). A module only filters its own items by its own options (for example notes before
 * the start date), as a pure function of the host data and the options.
 *
 * <h2>Threading and nulls</h2>
 * Methods are called concurrently from many request threads: keep no per-call state in fields. Methods
 * never receive {@code null} and must not return {@code null}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * public final class AbsencesModule implements ContentModule<NoOptions> {
 *     public ModuleDescriptor<NoOptions> descriptor() {
 *         return ModuleDescriptor.builder("absences", NoOptions.class, NoOptions.INSTANCE)
 *             .name("Absenties", "Absences").dashboard(true).earlierSchoolYears(true)
 *             .requires(AbsenceSource.class).build();
 *     }
 *     public List<Section> childPage(ChildContext<NoOptions> context) {
 *         List<Absence> absences = context.source(AbsenceSource.class)
 *             .absences(context.child().id(), context.schoolYear());
 *         return List.of(new Section(descriptor().name(), List.of(tableOf(absences))));
 *     }
 * }
 * }</pre>
 *
 * @param <O> the module's options type ({@link NoOptions} for none)
 * @since 0.1
 */
public interface ContentModule<O> {

    /** The module's descriptor; must return an equal value on every call. */
    ModuleDescriptor<O> descriptor();

    /**
     * What the module shows for the child in the context's school year, for modules placed in the child
     * menu or on the "about the child" page: one or more sections (an overview, then one section per item
     * such as a report, with the item's id as anchor). Empty when the module has nothing to show there.
     */
    default List<Section> childPage(ChildContext<O> context) {
        return List.of();
    }

    /**
     * The module's dashboard entries for the child in the current school year; called only for modules
     * whose descriptor is dashboard-capable and that the school shows on the dashboard.
     */
    default List<DashboardEntry> dashboard(ChildContext<O> context) {
        return List.of();
    }

    /**
     * The values on this module's part of a child page that a guardian may propose corrections for
     * (R-CHG-1). A module that lets guardians correct only what the host already has (medical, R-CHG-4)
     * lists only fields with a value.
     */
    default List<CorrectableField> correctableFields(ChildContext<O> context) {
        return List.of();
    }

    /**
     * Whether one item of the child (a note, a plan, a report, by the host's id) passes the module's own
     * rules (published category, start date, locked), for notifications decided at the moment of sending.
     * Modules without item rules keep the default.
     */
    default boolean isItemVisible(ChildContext<O> context, String itemId) {
        return true;
    }

    /**
     * What guardians can do in this module's area (R-ACT-1): report a child sick, reply to a note. The
     * portal reads the list once at start-up; ids are unique within the module. None by default.
     *
     * @since 0.2
     */
    default List<GuardianAction<O, ?>> actions() {
        return List.of();
    }

    /** Views the module offers staff for a school (a class list), R-ACT-7. None by default. @since 0.2 */
    default List<StaffView<O>> staffViews() {
        return List.of();
    }

    /** What staff can do for a school in this module's area (add a purpose), R-ACT-7. None by default. @since 0.2 */
    default List<StaffAction<O, ?>> staffActions() {
        return List.of();
    }

    /**
     * Work the module does about once a day at each school where it is active, such as a reminder the day
     * before an appointment. The portal calls it from {@code StaffActions.runDaily()}, which a host schedules
     * (daily or more often; the demo runs it with housekeeping), in one transaction per school with writable
     * records; the context's {@code staff()} is the portal itself (id {@code portal}, no roles). Any node may
     * run it, and two nodes may run it at once: do a thing once by first adding a record with a unique key
     * (a {@link nl.ouderportaal.spi.record.DuplicateKeyException} means another run did it; the transaction
     * stays usable). The mails returned go into the outbox with the transaction. None by default.
     *
     * @since 0.2
     */
    default List<nl.ouderportaal.spi.action.ActionMail> daily(nl.ouderportaal.spi.action.StaffContext<O> context) {
        return List.of();
    }

    /**
     * The label of one of the module's options on the administration pages: {@code option} is a component
     * of the options record ({@code startDate}), or for a set of choices the component and the choice
     * ({@code reasons.SICK}). Empty: the pages show the component's name. The module names its own
     * options, so that no other part of the portal needs to know them.
     *
     * @since 0.2
     */
    default java.util.Optional<nl.ouderportaal.spi.LocalizedText> optionLabel(String option) {
        return java.util.Optional.empty();
    }

    /** What the module shows on the School page, for modules placed there. */
    default List<Section> schoolPage(SchoolContext<O> context) {
        return List.of();
    }
}
