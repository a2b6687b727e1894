package nl.ouderportaal.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.ouderportaal.spi.LocalizedText;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.hibernate.validator.resourceloading.PlatformResourceBundleLocator;

/**
 * Validates commands at the boundary with Bean Validation and turns violations into a
 * {@link PortalValidationException} with Dutch and English messages. Thread-safe; create once.
 */
public final class CommandValidator {

    /** The portal's own bundle, so that it never clashes with a host's {@code ValidationMessages}. */
    private static final String BUNDLE = "nl/ouderportaal/core/validation/PortalMessages";

    private final Validator dutch;
    private final Validator english;

    public CommandValidator() {
        this.dutch = validatorFor(LocalizedText.DUTCH);
        this.english = validatorFor(Locale.ENGLISH);
    }

    private static Validator validatorFor(Locale locale) {
        return Validation.byProvider(HibernateValidator.class)
                .configure()
                .defaultLocale(locale)
                .locales(locale)
                .messageInterpolator(inLocale(locale))
                .buildValidatorFactory()
                .getValidator();
    }

    /** Interpolates every message in one fixed language, whatever the JVM's default locale. */
    private static MessageInterpolator inLocale(Locale locale) {
        MessageInterpolator delegate = new ResourceBundleMessageInterpolator(new PlatformResourceBundleLocator(BUNDLE));
        return new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return delegate.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return delegate.interpolate(template, context, locale);
            }
        };
    }

    /**
     * Throws when the command breaks a constraint; returns it otherwise.
     *
     * @throws PortalValidationException listing every violation, sorted by field
     */
    public <T> T validate(T command) {
        Set<ConstraintViolation<T>> inDutch = dutch.validate(command);
        if (inDutch.isEmpty()) {
            return command;
        }
        Set<ConstraintViolation<T>> inEnglish = english.validate(command);
        List<Violation> violations = inDutch.stream()
                .map(nl -> new Violation(field(nl.getPropertyPath().toString()),
                        LocalizedText.of(nl.getMessage(), englishTwin(nl, inEnglish))))
                .sorted(Comparator.comparing(Violation::field).thenComparing(v -> v.message().nl()))
                .toList();
        throw new PortalValidationException(violations);
    }

    /**
     * Cross-field checks are methods ({@code isPublishPeriodValid}) whose property no form or API client knows:
     * their violations name the field the person must change instead.
     */
    private static final java.util.Map<String, String> REPORTED_AT = java.util.Map.of("publishPeriodValid", "publishUntil");

    private static String field(String property) {
        return REPORTED_AT.getOrDefault(property, property);
    }

    private static <T> String englishTwin(ConstraintViolation<T> dutch, Set<ConstraintViolation<T>> english) {
        return english.stream()
                .filter(en -> en.getPropertyPath().equals(dutch.getPropertyPath())
                        && en.getConstraintDescriptor().getAnnotation().equals(dutch.getConstraintDescriptor().getAnnotation()))
                .map(ConstraintViolation::getMessage)
                .findFirst()
                .orElse(dutch.getMessage());
    }
}
