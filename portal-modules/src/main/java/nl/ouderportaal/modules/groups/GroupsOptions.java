package nl.ouderportaal.modules.groups;

/**
 * The groups module's options (R-MOD-4).
 *
 * @param showClassmateAddresses show classmates' addresses to guardians of the same group; never for a
 *     student whose address is secret
 */
public record GroupsOptions(boolean showClassmateAddresses) {

    public static final GroupsOptions DEFAULTS = new GroupsOptions(false);
}
