package nl.ouderportaal.core.account;

import java.text.Normalizer;
import java.util.Locale;

/** The one way account email addresses are compared: trimmed, Unicode NFKC, lower case. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    private static final java.util.regex.Pattern SHAPE =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");

    /** A dot-atom local part: no quotes, no spaces, ASCII only. */
    private static final java.util.regex.Pattern LOCAL =
            java.util.regex.Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    /**
     * Whether the address is one the portal takes, the same rule for every email field (issue 19): one
     * address without display name or line breaks; an ASCII dot-atom local part (no quoted local part); a
     * domain name of at least two labels (no IP literal, a top-level label of letters) that is ASCII or
     * valid IDNA, each label in one script, so that {@code ouder@exаmple.org} with a Cyrillic "а" is refused;
     * and no character that Unicode folds to another (a fullwidth "＠" or "ｅ").
     */
    public static boolean isValid(String email) {
        if (email == null) {
            return false;
        }
        String trimmed = email.strip();
        if (trimmed.length() > 320 || !SHAPE.matcher(trimmed).matches()
                || !Normalizer.normalize(trimmed, Normalizer.Form.NFKC).equals(trimmed)) {
            return false;
        }
        int at = trimmed.lastIndexOf('@');
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || !domainIsValid(domain)) {
            return false;
        }
        try {
            new jakarta.mail.internet.InternetAddress(trimmed, true).validate();
            return true;
        } catch (jakarta.mail.internet.AddressException e) {
            return false;
        }
    }

    private static boolean domainIsValid(String domain) {
        if (domain.startsWith("[") || domain.endsWith(".")) {
            return false;
        }
        String ascii;
        try {
            ascii = java.net.IDN.toASCII(domain, java.net.IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String[] labels = domain.split("\\.");
        String[] asciiLabels = ascii.split("\\.");
        if (labels.length < 2 || asciiLabels.length != labels.length || ascii.length() > 253) {
            return false;
        }
        String top = asciiLabels[asciiLabels.length - 1];
        if (!(top.matches("[A-Za-z]{2,63}") || top.matches("xn--[a-z0-9-]+"))) {
            return false;
        }
        for (String label : labels) {
            if (!oneScript(label)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the letters of a label are all of one script (digits and hyphens go with any). */
    private static boolean oneScript(String label) {
        Character.UnicodeScript script = null;
        for (int i = 0; i < label.length(); ) {
            int c = label.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript each = Character.UnicodeScript.of(c);
            if (each == Character.UnicodeScript.COMMON || each == Character.UnicodeScript.INHERITED) {
                continue;
            }
            if (script != null && script != each) {
                return false;
            }
            script = each;
        }
        return true;
    }

    public static String normalize(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
