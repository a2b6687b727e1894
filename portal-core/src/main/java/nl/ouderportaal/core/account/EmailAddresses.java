package nl.ouderportaal.core.account;

import java.text.Normalizer;
import java.util.Locale;

/** The one way account email addresses are compared: trimmed, Unicode NFKC, lower case. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    private static final java.util.regex.Pattern SHAPE =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");

    /**
     * Whether the address can receive mail: one RFC 5322 address without display name or line breaks,
     * with a dotted domain.
     */
    public static boolean isValid(String email) {
        if (email == null) {
            return false;
        }
        String trimmed = email.strip();
        if (trimmed.length() > 320 || !SHAPE.matcher(trimmed).matches()) {
            return false;
        }
        try {
            new jakarta.mail.internet.InternetAddress(trimmed, true).validate();
            return true;
        } catch (jakarta.mail.internet.AddressException e) {
            return false;
        }
    }

    public static String normalize(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
