package nl.ouderportaal.modules.staff;

/**
 * The staff module's options (R-MOD-4).
 *
 * @param showEmail show staff email addresses
 * @param showPhone show staff phone numbers
 */
public record StaffOptions(boolean showEmail, boolean showPhone) {

    public static final StaffOptions DEFAULTS = new StaffOptions(false, false);
}
