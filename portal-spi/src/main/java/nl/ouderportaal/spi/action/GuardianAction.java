package nl.ouderportaal.spi.action;

/**
 * Something a guardian does in a module's area (R-ACT-1): report a child sick, reply to a note, answer a
 * consent question. A module returns its actions from {@code ContentModule.actions()}.
 *
 * <h2>Lifecycle</h2>
 * The portal reads {@link #descriptor()} once at start-up. For every request it decides, in one place,
 * whether the action may run: the viewer may see the child (the visibility policy), the module is active
 * at the child's school, {@link #availability} says yes, the session may write (an impersonation is
 * refused before the handler), and the guardian's rate limit holds. Then it binds the input to
 * {@link ActionDescriptor#inputType()}, validates it with Bean Validation, and calls {@link #run} inside
 * one transaction with the records it writes, the audit event and the mails of the outcome.
 *
 * <h2>Threading and nulls</h2>
 * Called concurrently from many request threads; keep no per-call state in fields. Never receives
 * {@code null}, must not return {@code null}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * public record HandIn(@NotBlank @Size(max = 40) String assignment, @Size(max = 300) String remark) { }
 * public record HandedIn(String assignment, String remark) { }
 * static final RecordKind<HandedIn> HANDED_IN = RecordKind.of("handed-in", HandedIn.class);
 *
 * static final class HandInAction implements GuardianAction<NoOptions, HandIn> {
 *     public ActionDescriptor<HandIn> descriptor() {
 *         return ActionDescriptor.forChild("hand-in", "Ingeleverd", "Hand in", HandIn.class);
 *     }
 *     public ActionForm form(ActionContext<NoOptions> context) {
 *         return ActionForm.of(FormField.of("assignment", FieldKind.CHOICE, "Opdracht", "Assignment").asRequired()
 *                 .choices(List.of(Choice.of("h1", "Topografie"))),
 *             FormField.of("remark", FieldKind.LONG_TEXT, "Opmerking", "Remark").maxLength(300));
 *     }
 *     public ActionOutcome run(ActionContext<NoOptions> context, HandIn input) {
 *         StudentId child = context.requireChild().id();
 *         context.records().add(HANDED_IN, RecordKeys.child(child).key(child.value() + ":" + input.assignment()),
 *             new HandedIn(input.assignment(), input.remark()));
 *         return ActionOutcome.created("Gemeld als ingeleverd.", "Marked as handed in.");
 *     }
 * }
 * }</pre>
 *
 * @param <O> the module's options type
 * @param <I> the input record
 * @since 0.2
 */
public interface GuardianAction<O, I> {

    /** The action's descriptor; must return an equal value on every call. */
    ActionDescriptor<I> descriptor();

    /**
     * Whether the action can be used now for this child (the school switched it on, before the cut-off, a
     * round is open), and if not, why. Available by default.
     */
    default Availability availability(ActionContext<O> context) {
        return Availability.yes();
    }

    /**
     * The host sinks this action writes to (an {@code AbsenceReportSink}), beside the sources of the
     * module's descriptor: {@code context.source(type)} hands them out. Building the portal fails when the
     * host supplies none, naming the sink, unless the host left this action out
     * ({@code Portal.builder().withoutAction(moduleId, actionId)}). None by default.
     */
    default java.util.Set<Class<?>> requiredSinks() {
        return java.util.Set.of();
    }

    /** The form for this child now: its fields and the choices computed for them. */
    ActionForm form(ActionContext<O> context);

    /**
     * Carries the action out: writes through the module's declared sinks and its records, and says what
     * became of it.
     *
     * @throws ActionConflictException when the current state refuses it (409; everything is rolled back)
     * @throws InvalidInputException for input only the module can judge (400; everything is rolled back)
     */
    ActionOutcome run(ActionContext<O> context, I input);
}
