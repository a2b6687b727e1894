package nl.ouderportaal.core.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What a password must be (NIST SP 800-63B, OWASP ASVS 2.1): at least 8 characters (the pages recommend
 * 15), up to 256, any characters, no composition rules, never truncated, and not one of the most common
 * passwords. Thread-safe.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int RECOMMENDED_LENGTH = 15;
    /** Long passphrases are welcome; the limit only keeps one hash from becoming a denial of service. */
    public static final int MAX_LENGTH = 256;

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the bundled list of common passwords. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the portal-core jar");
            }
            Set<String> words = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        words.add(line.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int commonPasswordCount() {
        return common.size();
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<LocalizedText> refusal(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(LocalizedText.of(
                    "Kies een wachtwoord van minstens " + MIN_LENGTH + " tekens; " + RECOMMENDED_LENGTH + " of meer is beter.",
                    "Choose a password of at least " + MIN_LENGTH + " characters; " + RECOMMENDED_LENGTH + " or more is better."));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(LocalizedText.of("Kies een wachtwoord van hoogstens " + MAX_LENGTH + " tekens.",
                    "Choose a password of at most " + MAX_LENGTH + " characters."));
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(LocalizedText.of(
                    "Dit wachtwoord wordt te vaak gebruikt en is makkelijk te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.",
                    "This password is too common and easy to guess. Choose another, for example a sentence of a few words."));
        }
        return Optional.empty();
    }
}
