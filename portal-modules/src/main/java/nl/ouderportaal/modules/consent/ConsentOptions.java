package nl.ouderportaal.modules.consent;

/**
 * The consent module's options (R-CONS-3).
 *
 * @param everyGuardianMustAnswer whether a child's effective answer is yes only once every guardian with viewing
 *     right has answered yes; otherwise yes when every guardian who answered said yes and at least one answered
 */
public record ConsentOptions(boolean everyGuardianMustAnswer) {

    public static final ConsentOptions DEFAULTS = new ConsentOptions(false);
}
