package nl.ouderportaal.core.account;

/**
 * A write was attempted in an impersonation session (R-IMP-2); nothing was stored or sent. The text for
 * the user, Dutch and English, is {@link Session#READ_ONLY}; {@link #getMessage()} is its English text.
 */
public final class ImpersonationReadOnlyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImpersonationReadOnlyException() {
        super(Session.READ_ONLY.en());
    }
}
