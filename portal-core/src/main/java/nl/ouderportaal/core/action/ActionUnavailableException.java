package nl.ouderportaal.core.action;

import nl.ouderportaal.spi.LocalizedText;

/**
 * The module says the action cannot be used now (after the cut-off, the round is closed); nothing ran.
 * The web layer answers 409 {@code unavailable} with the module's reason.
 */
public final class ActionUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient LocalizedText reason;

    public ActionUnavailableException(LocalizedText reason) {
        super(reason.en());
        this.reason = reason;
    }

    public LocalizedText reason() {
        return reason;
    }
}
