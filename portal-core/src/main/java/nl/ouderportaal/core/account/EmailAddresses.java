package nl.ouderportaal.core.account;

import java.text.Normalizer;
import java.util.Locale;

/** The one way account email addresses are compared: trimmed, Unicode NFKC, lower case. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalize(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
