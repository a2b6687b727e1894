package nl.ouderportaal.core.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
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
    private final Set<String> dutchWords;

    private PasswordPolicy(Set<String> common, Set<String> dutchWords) {
        this.common = Set.copyOf(common);
        this.dutchWords = Set.copyOf(dutchWords);
    }

    /** The policy with the bundled lists of common passwords and of Dutch words passwords are made of. */
    public static PasswordPolicy standard() {
        Set<String> dutch = new HashSet<>();
        for (String word : read("common-passwords-nl.txt")) {
            dutch.add(letters(word));
        }
        return new PasswordPolicy(read("common-passwords.txt"), dutch);
    }

    private static Set<String> read(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the portal-core jar");
            }
            Set<String> words = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        words.add(line.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letters of a text, lower case: {@code "Welkom123!"} gives {@code "welkom"}. */
    static String letters(String text) {
        StringBuilder letters = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
        return letters.toString();
    }

    private static Set<String> givenAway(Collection<String> contextWords) {
        Set<String> words = new HashSet<>();
        for (String context : contextWords) {
            if (context == null) {
                continue;
            }
            words.add(letters(context));
            for (String word : context.split("[\\s,.'-]+")) {
                if (letters(word).length() >= 4) {
                    words.add(letters(word));
                }
            }
        }
        words.remove("");
        return words;
    }

    /**
     * How many common passwords the policy knows.
     *
     * @return the size of the bundled list
     */
    public int commonPasswordCount() {
        return common.size();
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<LocalizedText> refusal(String password) {
        return refusal(password, List.of());
    }

    /**
     * Why the password is refused, or empty when it is acceptable, also refusing a password made of words
     * the guardian's own context gives away: the names and cities of the children's schools.
     *
     * @param password the new password
     * @param contextWords such as {@code "OBS De Regenboog"} and {@code "Utrecht"}; each counts whole and word by word
     * @return the refusal for the guardian, Dutch and English
     */
    public Optional<LocalizedText> refusal(String password, Collection<String> contextWords) {
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
        String letters = letters(password);
        if (common.contains(password.toLowerCase(Locale.ROOT)) || dutchWords.contains(letters)) {
            return Optional.of(LocalizedText.of(
                    "Dit wachtwoord wordt te vaak gebruikt en is makkelijk te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.",
                    "This password is too common and easy to guess. Choose another, for example a sentence of a few words."));
        }
        if (!letters.isEmpty() && givenAway(contextWords).contains(letters)) {
            return Optional.of(LocalizedText.of(
                    "Dit wachtwoord is de naam of de plaats van de school en is makkelijk te raden. Kies een ander, "
                            + "bijvoorbeeld een zin van een paar woorden.",
                    "This password is the name or the town of the school and easy to guess. Choose another, "
                            + "for example a sentence of a few words."));
        }
        return Optional.empty();
    }
}
