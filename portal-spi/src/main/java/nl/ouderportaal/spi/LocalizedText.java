package nl.ouderportaal.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A text shown to users in Dutch (the default) and English.
 *
 * <p>Immutable and thread-safe; both texts are required and non-blank. Modules use it for their
 * names, headings and labels, so that the portal can render them in the viewer's language:
 *
 * <pre>{@code
 * LocalizedText title = LocalizedText.of("Absenties", "Absences");
 * String shown = title.in(Locale.ENGLISH); // "Absences"
 * }</pre>
 *
 * @param nl the Dutch text
 * @param en the English text
 * @since 0.1
 */
public record LocalizedText(String nl, String en) {

    /** The Dutch locale, the portal's default. */
    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    public LocalizedText {
        Objects.requireNonNull(nl, "nl");
        Objects.requireNonNull(en, "en");
        if (nl.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("Both the Dutch and the English text are required");
        }
    }

    public static LocalizedText of(String nl, String en) {
        return new LocalizedText(nl, en);
    }

    /** The English text for an English locale, the Dutch text for every other locale. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : nl;
    }
}
