package nl.ouderportaal.core.settings;

/**
 * Whether a module is active for a school and shown on its dashboard (R-MOD-2, R-MOD-3).
 *
 * @param active the module is shown to guardians of the school's children
 * @param onDashboard the module's entries are shown on the dashboard; only meaningful while active
 */
public record ModuleSwitch(boolean active, boolean onDashboard) {

    /** Every module starts inactive and off the dashboard (R-MOD-2). */
    public static final ModuleSwitch OFF = new ModuleSwitch(false, false);
}
