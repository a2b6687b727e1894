package nl.ouderportaal.core.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.ouderportaal.core.validation.CommandValidator;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.Choice;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.InvalidInputException;

/**
 * Binds a request's input to an action's input record, the same way for every action: the form's own
 * rules first (known fields, text without control characters, within the length, one of the choices
 * offered now), then the JSON mapping of each value to its component's type, then the record's Bean
 * Validation constraints. Every refusal names its field, in Dutch and English. Internal; thread-safe.
 */
public final class ActionInputs {

    /** Line breaks and tabs are text in a multi-line field; every other control character is refused. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029&&[^\\n\\t]]");
    private static final Pattern CONTROL_ONE_LINE = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    /** A bound on any text value, whatever the form says: nothing a parent types is longer. */
    private static final int MAX_TEXT = 10_000;

    private final CommandValidator validator;

    public ActionInputs(CommandValidator validator) {
        this.validator = validator;
    }

    /**
     * The input record, checked.
     *
     * @throws PortalValidationException with every problem, tied to its field; nothing was run
     */
    public <I> I bind(ActionForm form, Class<I> type, Map<String, ?> given) {
        String mapComponent = mapComponent(type);
        Map<String, Object> raw = new LinkedHashMap<>(given);
        if (mapComponent != null && raw.get(mapComponent) instanceof Map<?, ?> nested) {
            // {"changes": {"key": "value"}}: the JSON shape of an input whose fields are computed at run time.
            raw.remove(mapComponent);
            nested.forEach((key, value) -> raw.put(String.valueOf(key), value));
        }
        Map<String, FormField> fields = new LinkedHashMap<>();
        form.fields().forEach(f -> fields.put(f.name(), f));
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> clean = new LinkedHashMap<>();
        if (mapComponent != null) {
            // Fields computed at run time (corrections): the handler knows their rules and judges them all at once.
            Map<String, Object> entries = new LinkedHashMap<>();
            raw.forEach((key, value) -> entries.put(key, value == null ? "" : String.valueOf(value)));
            try {
                return validator.validate(JsonValues.input().convertValue(Map.of(mapComponent, entries), type));
            } catch (IllegalArgumentException e) {
                throw new PortalValidationException(List.of(mappingProblem(e, fields)));
            }
        }
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            FormField field = fields.get(entry.getKey());
            if (field == null) {
                violations.add(new Violation(bounded(entry.getKey()), LocalizedText.of("Dit formulier heeft dit veld niet.",
                        "This form has no such field.")));
                continue;
            }
            Object value = entry.getValue();
            if (value instanceof String text) {
                String normalised = text.replace("\r\n", "\n").strip();
                LocalizedText problem = problem(field, normalised);
                if (problem != null) {
                    violations.add(new Violation(field.name(), problem));
                    continue;
                }
                value = normalised.isEmpty() ? null : normalised;
            } else if (value != null && !(value instanceof Boolean) && !(value instanceof Number)) {
                violations.add(new Violation(field.name(), LocalizedText.of("Vul hier één waarde in.", "Give one value here.")));
                continue;
            }
            clean.put(field.name(), value);
        }
        for (FormField field : form.fields()) {
            if (field.required() && clean.get(field.name()) == null && violations.stream().noneMatch(v -> v.field().equals(field.name()))) {
                violations.add(new Violation(field.name(), LocalizedText.of(field.label().nl() + ": vul dit in.",
                        field.label().en() + ": please fill this in.")));
            }
        }
        if (!violations.isEmpty()) {
            throw new PortalValidationException(violations);
        }
        I input;
        try {
            input = JsonValues.input().convertValue(clean, type);
        } catch (IllegalArgumentException e) {
            throw new PortalValidationException(List.of(mappingProblem(e, fields)));
        }
        return validator.validate(input);
    }

    /** A module's own refusal of the input, as a validation error. */
    public static PortalValidationException of(InvalidInputException e) {
        return new PortalValidationException(e.fields().entrySet().stream()
                .map(entry -> new Violation(entry.getKey(), entry.getValue())).toList());
    }

    /** The name of the input record's one component, when that is a {@code Map}: fields computed at run time. */
    private static String mapComponent(Class<?> type) {
        var components = type.getRecordComponents();
        return components != null && components.length == 1 && Map.class.isAssignableFrom(components[0].getType())
                ? components[0].getName() : null;
    }

    private static LocalizedText problem(FormField field, String text) {
        boolean multiLine = field.kind() == FieldKind.LONG_TEXT;
        if ((multiLine ? CONTROL : CONTROL_ONE_LINE).matcher(text).find()) {
            return LocalizedText.of(field.label().nl() + ": bevat tekens die niet zijn toegestaan.",
                    field.label().en() + ": contains characters that are not allowed.");
        }
        int max = field.maxLength() > 0 ? field.maxLength() : MAX_TEXT;
        if (text.codePointCount(0, text.length()) > max) {
            return LocalizedText.of(field.label().nl() + ": hoogstens "
                            + java.text.NumberFormat.getIntegerInstance(LocalizedText.DUTCH).format(max) + " tekens.",
                    field.label().en() + ": at most " + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(max)
                            + " characters.");
        }
        boolean chosen = field.kind() == FieldKind.CHOICE || field.kind() == FieldKind.ITEM;
        if (chosen && !text.isEmpty() && field.choices().stream().map(Choice::value).noneMatch(text::equals)) {
            return field.kind() == FieldKind.ITEM
                    ? LocalizedText.of("Dit is niet (meer) zichtbaar.", "This is not (or no longer) visible.")
                    : LocalizedText.of(field.label().nl() + ": kies een van de mogelijkheden.",
                            field.label().en() + ": choose one of the options.");
        }
        return null;
    }

    private static Violation mappingProblem(IllegalArgumentException e, Map<String, FormField> fields) {
        String name = "";
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().get(0).getFieldName();
            name = path == null ? "" : path;
        }
        FormField field = fields.get(name);
        if (field == null) {
            return new Violation(name, LocalizedText.of("Dit formulier is niet goed ingevuld.", "This form is not filled in correctly."));
        }
        LocalizedText hint = switch (field.kind()) {
            case DATE -> LocalizedText.of("geef een datum als 2026-12-03.", "give a date such as 2026-12-03.");
            case TIME -> LocalizedText.of("geef een tijd als 08:30.", "give a time such as 08:30.");
            case NUMBER -> LocalizedText.of("geef een heel getal.", "give a whole number.");
            case CHECKBOX -> LocalizedText.of("geef ja of nee (true of false).", "give yes or no (true or false).");
            default -> LocalizedText.of("deze waarde past hier niet.", "this value does not fit here.");
        };
        return new Violation(field.name(), LocalizedText.of(field.label().nl() + ": " + hint.nl(), field.label().en() + ": " + hint.en()));
    }

    private static String bounded(String key) {
        String safe = key.replaceAll("[^A-Za-z0-9_.-]", "?");
        return safe.length() > 60 ? safe.substring(0, 60) : safe;
    }
}
