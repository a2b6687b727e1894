package nl.ouderportaal.core.account;

/** What a single-use link is for; a link is refused for any other purpose. */
public enum TokenPurpose {
    /** Set the first password from an invitation (R-ACC-1). */
    INVITATION,
    /** Set a new password after "forgot password" (R-ACC-7). */
    PASSWORD_RESET
}
