package nl.ouderportaal.web;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.guardian.GuardianHome;
import nl.ouderportaal.core.guardian.VisibleChild;
import nl.ouderportaal.core.render.ValueFormatter;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.view.Value;

/**
 * What every template gets: the language, translated texts, the CSRF token for forms and, when a guardian
 * is logged in, the child menu and the impersonation banner. One per request; not shared between threads.
 */
public final class Ui {


    private final Locale locale;
    /** The portal's configured zone for schools: every moment a page shows is in it. */
    private final ZoneId zone;
    private final List<ResourceBundle> bundles;
    private final String csrfToken;
    private final String path;
    private final Session session;
    private final GuardianHome home;
    private final Map<String, String> fieldErrors;

    Ui(Locale locale, ZoneId zone, List<ResourceBundle> bundles, String csrfToken, String path, Session session, GuardianHome home,
       Map<String, String> fieldErrors) {
        this.zone = zone;
        this.locale = locale;
        this.bundles = bundles;
        this.csrfToken = csrfToken;
        this.path = path;
        this.session = session;
        this.home = home;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** The same request's Ui with errors to show at the named form fields. */
    public Ui withErrors(Map<String, String> errors) {
        return new Ui(locale, zone, bundles, csrfToken, path, session, home, errors);
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    public String lang() {
        return english() ? "en" : "nl";
    }

    /** A translated text from the message bundles; the key itself when missing, so a gap shows in tests. */
    public String t(String key, Object... arguments) {
        for (ResourceBundle bundle : bundles) {
            try {
                String pattern = bundle.getString(key);
                return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
            } catch (MissingResourceException e) {
                // try the next bundle
            }
        }
        return key;
    }

    public String text(LocalizedText text) {
        return text == null ? "" : text.in(locale);
    }

    public String value(Value value) {
        return ValueFormatter.format(value, locale);
    }

    public String day(LocalDate date) {
        return date == null ? "" : ValueFormatter.day(date, english());
    }

    public String moment(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(english() ? "d MMM yyyy HH:mm" : "d MMM yyyy HH:mm", locale)
                .format(instant.atZone(zone));
    }

    public String csrf() {
        return csrfToken;
    }

    public String path() {
        return path;
    }

    /** The link that shows this page in the other language. */
    public String otherLanguageLink() {
        return path + "?lang=" + (english() ? "nl" : "en");
    }

    public boolean loggedIn() {
        return session != null;
    }

    public boolean impersonation() {
        return session != null && session.isImpersonation();
    }

    public String impersonatorName() {
        return session == null || session.impersonatorName() == null ? "" : session.impersonatorName();
    }

    public List<VisibleChild> children() {
        return home == null ? List.of() : home.children();
    }

    public Optional<GuardianHome> home() {
        return Optional.ofNullable(home);
    }

    public boolean hasError(String field) {
        return fieldErrors.containsKey(field);
    }

    public String error(String field) {
        return fieldErrors.getOrDefault(field, "");
    }

    public boolean hasErrors() {
        return !fieldErrors.isEmpty();
    }

    public Map<String, String> errors() {
        return fieldErrors;
    }

    /** {@code "true"} for a field with an error, else {@code null} (the template then leaves the attribute out). */
    public String invalid(String field) {
        return hasError(field) ? "true" : null;
    }

    /** The id of a field's error message for {@code aria-describedby}, or {@code null} without an error. */
    public String describedBy(String field) {
        return hasError(field) ? errorId(field) : null;
    }

    /** An id for the input of a field whose name may hold characters an id should not, such as {@code emails.g-1}. */
    public String inputId(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The id of the element that shows a field's error, so the error is read out with the field. */
    public String errorId(String field) {
        return "error-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
