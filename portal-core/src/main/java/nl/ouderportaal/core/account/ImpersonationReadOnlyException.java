package nl.ouderportaal.core.account;

/**
 * A write was attempted in an impersonation session (R-IMP-2); nothing was stored or sent. The message is
 * {@link Session#READ_ONLY}.
 */
public final class ImpersonationReadOnlyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImpersonationReadOnlyException() {
        super(Session.READ_ONLY.nl());
    }
}
