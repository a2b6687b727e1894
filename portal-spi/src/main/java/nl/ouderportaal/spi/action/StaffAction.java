package nl.ouderportaal.spi.action;

import java.util.Objects;
import java.util.regex.Pattern;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StaffActor;

/**
 * Something staff do for one school in a module's area (R-ACT-7): add a consent purpose, record a
 * pupil's answer from paper, block a slot. Runs at {@code POST /api/admin/modules/{moduleId}/actions/{actionId}}
 * for a staff user who serves the school and has the action's role, with the same mechanics as a
 * guardian action: bound and validated input, one transaction with the records, the audit event and the
 * mails. Thread-safe; no per-call state.
 *
 * @param <O> the module's options type
 * @param <I> the input record
 * @since 0.2
 */
public interface StaffAction<O, I> {

    Descriptor<I> descriptor();

    /**
     * The host sinks this action writes to (an {@code AbsenceReportSink}), beside the sources of the
     * module's descriptor: {@code context.source(type)} hands them out. Building the portal fails when the
     * host supplies none, naming the sink, unless the host left this action out
     * ({@code Portal.builder().withoutAction(moduleId, actionId)}). None by default.
     */
    default java.util.Set<Class<?>> requiredSinks() {
        return java.util.Set.of();
    }

    /** The form for the school now. */
    ActionForm form(StaffContext<O> context);

    /**
     * Carries the action out.
     *
     * @throws ActionConflictException when the current state refuses it (409)
     * @throws InvalidInputException for input only the module can judge (400)
     */
    ActionOutcome run(StaffContext<O> context, I input);

    /**
     * A staff action's id, names, input record and the role it needs.
     *
     * @param id stable id within the module, such as {@code add-purpose}
     * @param name what the button and heading say
     * @param inputType the input record
     * @param role the role needed; {@code null} for every staff user who serves the school
     * @param <I> the input type
     */
    record Descriptor<I>(String id, LocalizedText name, Class<I> inputType, StaffActor.Role role) {
        private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

        public Descriptor {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("An action id is 2-40 lower case letters, digits and dashes: '" + id + "'");
            }
            Objects.requireNonNull(name, "name of staff action '" + id + "'");
            Objects.requireNonNull(inputType, "inputType of staff action '" + id + "'");
            if (!inputType.isRecord()) {
                throw new IllegalArgumentException("The input of staff action '" + id + "' must be a record");
            }
        }
    }
}
