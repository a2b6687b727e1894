package nl.ouderportaal.modules.consent;

/**
 * Optional host sink that receives every change of a child's effective consent answer (R-CONS-6), so that
 * the SIS can mirror it. Hand it to the module: {@code new ConsentModule(sink)}.
 *
 * <p>Called inside the action that changed the answer, before it commits: when the sink throws, the action
 * is rolled back and the guardian or staff user sees that it failed, so the mirror is never behind the
 * portal. Called concurrently from request threads; keep it quick. A pupil's 16th birthday changes whose
 * answer counts without any action; the sink hears of it at the next answer for that purpose.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ConsentSink {

    void effectiveAnswerChanged(ConsentChange change);
}
