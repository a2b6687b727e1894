package nl.ouderportaal.core.testing;

import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.LocalizedText;

/** The Dutch text a refusal shows the user (its {@code getMessage()} is English, for developers). */
public final class UserTexts {

    private UserTexts() {
    }

    public static String dutch(Throwable refusal) {
        if (refusal instanceof PortalValidationException e) {
            return e.message(LocalizedText.DUTCH);
        } else if (refusal instanceof AccessRefusedException e) {
            return e.text().nl();
        } else if (refusal instanceof ImpersonationReadOnlyException) {
            return Session.READ_ONLY.nl();
        } else if (refusal instanceof nl.ouderportaal.spi.action.ActionConflictException e) {
            return e.text().nl();
        } else if (refusal instanceof nl.ouderportaal.core.action.ActionUnavailableException e) {
            return e.reason().nl();
        }
        throw new AssertionError("Not a refusal with a text for the user: " + refusal);
    }
}
