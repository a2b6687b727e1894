package nl.ouderportaal.core.validation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.ouderportaal.spi.LocalizedText;

/**
 * Bad input, refused at the boundary before anything changed. Carries every violation with a message
 * in Dutch and English for the user ({@link #violations()}, {@link #message(Locale)}); {@link #getMessage()}
 * is the English text, for developers and logs.
 */
public final class PortalValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public PortalValidationException(List<Violation> violations) {
        super(join(violations, Locale.ENGLISH));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("A validation exception needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static PortalValidationException of(String field, String dutch, String english) {
        return new PortalValidationException(List.of(new Violation(field, LocalizedText.of(dutch, english))));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** All messages in the given language, one per line. */
    public String message(Locale locale) {
        return join(violations, locale);
    }

    private static String join(List<Violation> violations, Locale locale) {
        return violations.stream()
                .map(v -> (v.field().isEmpty() ? "" : v.field() + ": ") + v.message().in(locale))
                .collect(Collectors.joining("\n"));
    }
}
