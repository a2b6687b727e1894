package nl.ouderportaal.core.account;

/** The state of a guardian's portal account (R-ACC-11). */
public enum AccountStatus {
    /** The guardian has no portal account yet. */
    NONE,
    /** Login details were sent; no password set yet. */
    INVITED,
    /** The guardian can log in. */
    ACTIVE,
    /** Deactivated by the school: no login, no open session (R-ACC-4). */
    INACTIVE
}
