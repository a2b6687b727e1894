package nl.ouderportaal.core.account;

/** What a single-use link is for; a link is refused for any other purpose. */
public enum TokenPurpose {
    /** Set the first password from an invitation (R-ACC-1). */
    INVITATION,
    /** Set a new password after "forgot password" (R-ACC-7). */
    PASSWORD_RESET,
    /** Confirm, from the new address, an account email change staff asked for (issue 19). */
    EMAIL_CONFIRM,
    /** Undo, from the old address, an account email change (issue 19); survives a new password. */
    EMAIL_UNDO
}
