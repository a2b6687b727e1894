package nl.ouderportaal.modules.conferences;

/**
 * The conference planner's options per school (R-CONF-2).
 *
 * @param bookingPerGuardian {@code false} (the default): the guardians of a child book one conversation
 *     together, per teacher; {@code true}: each guardian books their own (separated parents)
 */
public record ConferencesOptions(boolean bookingPerGuardian) {
    public static final ConferencesOptions DEFAULTS = new ConferencesOptions(false);
}
