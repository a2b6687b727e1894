package nl.ouderportaal.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.admin.OverviewFilter;
import nl.ouderportaal.core.news.NewsCommand;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.module.ModuleDescriptor;

/**
 * Administration input, from JSON bodies and from HTML forms alike, turned into the core's commands. Only
 * the shape is checked here (a date is a date, an id is an id), with the error tied to its field; the
 * rules are the core's Bean Validation.
 */
final class AdminForms {

    private static final ObjectMapper MAPPER = PortalJson.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int MAX_SELECTION = 5_000;

    private AdminForms() {
    }

    /** Reads a JSON object into the type; a value of the wrong shape is a 400 tied to its field. */
    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            throw PortalValidationException.of(field, "Deze waarde heeft niet de juiste vorm.",
                    "This value does not have the right form.");
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw Api.badJson();
        }
    }

    /** A form (or query) as a JSON object of text values; empty values become null. */
    static ObjectNode fromForm(Map<String, List<String>> form, Collection<String> fields) {
        ObjectNode node = NODES.objectNode();
        for (String field : fields) {
            List<String> values = form.get(field);
            String value = values == null || values.isEmpty() ? null : values.get(0);
            if (value == null || value.isBlank()) {
                node.putNull(field);
            } else {
                node.put(field, value);
            }
        }
        return node;
    }

    /** {@code {subject, date, publishFrom, publishUntil, groups, text}}; dates as 2026-03-02, groups as ids. */
    static NewsCommand news(JsonNode body) {
        NewsInput input = read(body, NewsInput.class);
        fourDigitYear("date", input.date());
        fourDigitYear("publishFrom", input.publishFrom());
        fourDigitYear("publishUntil", input.publishUntil());
        Set<GroupId> groups = new LinkedHashSet<>();
        for (String group : input.groups() == null ? List.<String>of() : input.groups()) {
            groups.add(id(group, "groups", GroupId::of));
        }
        return new NewsCommand(input.subject(), input.date(), input.text(), input.publishFrom(), input.publishUntil(), groups);
    }

    /**
     * A date the API can give back as it documents dates (ISO-8601 / RFC 3339 {@code full-date}, four-digit
     * years): Jackson also reads {@code -0001-01-01} and {@code +10000-01-01}, which no client could read back.
     */
    private static void fourDigitYear(String field, LocalDate date) {
        if (date != null && (date.getYear() < 0 || date.getYear() > 9999)) {
            throw PortalValidationException.of(field, "Deze datum ligt buiten het bereik.", "This date is out of range.");
        }
    }

    /** The news form: its fields, and the checked groups ({@code groups}) unless "all groups" is chosen. */
    static NewsCommand news(Map<String, List<String>> form) {
        ObjectNode node = fromForm(form, List.of("subject", "date", "publishFrom", "publishUntil", "text"));
        var groups = node.putArray("groups");
        if (!"all".equals(first(form, "target"))) {
            form.getOrDefault("groups", List.of()).forEach(groups::add);
        }
        return news(node);
    }

    /** {@code {changeRequestEmail, websiteUrl, maintenanceMode}}. */
    static SchoolSettingsUpdate settings(JsonNode body) {
        SettingsInput input = read(body, SettingsInput.class);
        return new SchoolSettingsUpdate(input.changeRequestEmail(), input.websiteUrl(),
                Boolean.TRUE.equals(input.maintenanceMode()));
    }

    static SchoolSettingsUpdate settings(Map<String, List<String>> form) {
        return new SchoolSettingsUpdate(first(form, "changeRequestEmail"), first(form, "websiteUrl"),
                form.containsKey("maintenanceMode"));
    }

    /**
     * The overview filters from query parameters: {@code accountActive} (true/false), {@code status}
     * (NONE, INVITED, ACTIVE, INACTIVE), {@code group} (id), {@code name} and {@code email} (parts).
     */
    static OverviewFilter filter(Function<String, String> parameter) {
        Optional<Boolean> active = Optional.ofNullable(blankToNull(parameter.apply("accountActive"))).map(v -> switch (v) {
            case "true", "yes", "ja" -> true;
            case "false", "no", "nee" -> false;
            default -> throw PortalValidationException.of("accountActive", "Kies ja of nee.", "Choose yes or no.");
        });
        Optional<AccountStatus> status = Optional.ofNullable(blankToNull(parameter.apply("status"))).map(v -> {
            try {
                return AccountStatus.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PortalValidationException.of("status", "Onbekende accountstatus.", "Unknown account status.");
            }
        });
        Optional<GroupId> group = Optional.ofNullable(blankToNull(parameter.apply("group"))).map(v -> id(v, "group", GroupId::of));
        Optional<String> name = Optional.ofNullable(blankToNull(parameter.apply("name"))).map(v -> AccountPages.bounded(v, 200));
        Optional<String> email = Optional.ofNullable(blankToNull(parameter.apply("email"))).map(v -> AccountPages.bounded(v, 320));
        return new OverviewFilter(active, status, group, name, email);
    }

    /** Guardian ids from a JSON array (API) or repeated form fields (pages); at least one. */
    static List<GuardianId> guardianIds(Collection<String> values) {
        if (values.isEmpty()) {
            throw PortalValidationException.of("guardianIds", "Kies minstens één verzorger.", "Choose at least one guardian.");
        }
        if (values.size() > MAX_SELECTION) {
            throw PortalValidationException.of("guardianIds", "Kies ten hoogste " + MAX_SELECTION + " verzorgers tegelijk.",
                    "Choose at most " + MAX_SELECTION + " guardians at a time.");
        }
        return values.stream().distinct().map(v -> id(v, "guardianIds", GuardianId::of)).toList();
    }

    static List<String> texts(JsonNode body, String field) {
        JsonNode array = body.get(field);
        if (array == null || !array.isArray()) {
            throw PortalValidationException.of(field, "Geef een lijst op.", "Give a list.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw PortalValidationException.of(field, "Geef een lijst van teksten op.", "Give a list of texts.");
            }
            values.add(value.asText());
        }
        return values;
    }

    /** A JSON object of guardian id to email address, such as {@code {"g-1": "anna@example.org"}}. */
    static Map<GuardianId, String> emailsByGuardian(JsonNode body, String field) {
        JsonNode object = body.get(field);
        if (object == null || !object.isObject() || object.isEmpty()) {
            throw PortalValidationException.of(field, "Geef per verzorger een e-mailadres op.",
                    "Give an email address per guardian.");
        }
        if (object.size() > MAX_SELECTION) {
            throw PortalValidationException.of(field, "Kies ten hoogste " + MAX_SELECTION + " verzorgers tegelijk.",
                    "Choose at most " + MAX_SELECTION + " guardians at a time.");
        }
        Map<GuardianId, String> emails = new LinkedHashMap<>();
        var entries = object.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (!entry.getValue().isTextual()) {
                throw PortalValidationException.of(field, "Geef per verzorger een e-mailadres als tekst op.",
                        "Give each guardian's email address as text.");
            }
            emails.put(id(entry.getKey(), field, GuardianId::of), entry.getValue().asText());
        }
        return emails;
    }

    static <I> I id(String value, String field, Function<String, I> parse) {
        try {
            return parse.apply(value == null ? null : value.strip());
        } catch (IllegalArgumentException e) {
            throw PortalValidationException.of(field, "Ongeldige code.", "Invalid id.");
        }
    }

    /** The news message id of the path ({@code {id}}); an id that is no number is a 404 like an unknown one. */
    static long newsId(io.javalin.http.Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    /** The guardian id of the path ({@code {id}}). */
    static GuardianId guardianId(io.javalin.http.Context ctx) {
        return id(ctx.pathParam("id"), "guardian", GuardianId::of);
    }

    /** A required true/false member of a JSON body. */
    static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw PortalValidationException.of(field, "Geef true of false op.", "Give true or false.");
        }
        return value.booleanValue();
    }

    /**
     * A module's options after a change: the given members (JSON or form) laid over the current options, so
     * a client may send only what it changes; unknown members and wrong shapes are a 400 tied to their field.
     */
    static Object options(ModuleDescriptor<?> module, Object current, JsonNode changes) {
        if (changes == null || changes.isNull()) {
            return current;
        }
        if (!changes.isObject()) {
            throw PortalValidationException.of("options", "Geef de opties als object op.", "Give the options as an object.");
        }
        ObjectNode merged = MAPPER.valueToTree(current);
        changes.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        try {
            return read(merged, module.optionsType());
        } catch (PortalValidationException e) {
            throw PortalValidationException.of("options." + e.violations().get(0).field(),
                    e.violations().get(0).message().nl(), e.violations().get(0).message().en());
        }
    }

    /** The editable fields of a module's options record, with their current values. */
    static List<OptionField> optionFields(ModuleDescriptor<?> module, Object current,
                                          java.util.function.BiFunction<String, String, java.util.Optional<nl.ouderportaal.spi.LocalizedText>> labels) {
        Class<?> type = module.optionsType();
        if (!type.isRecord()) {
            return List.of();
        }
        List<OptionField> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Object value = value(component, current);
            String name = "options." + component.getName();
            nl.ouderportaal.spi.LocalizedText label = labels.apply(module.id(), component.getName()).orElse(null);
            Class<?> kind = component.getType();
            if (kind == boolean.class || kind == Boolean.class) {
                fields.add(new OptionField(name, label, component.getName(), OptionField.Kind.CHECKBOX,
                        String.valueOf(Boolean.TRUE.equals(value)), List.of()));
            } else if (kind == LocalDate.class) {
                fields.add(new OptionField(name, label, component.getName(), OptionField.Kind.DATE,
                        value == null ? "" : value.toString(), List.of()));
            } else if (kind == String.class || kind == int.class || kind == Integer.class || kind == java.time.LocalTime.class) {
                fields.add(new OptionField(name, label, component.getName(), OptionField.Kind.TEXT,
                        value == null ? "" : value.toString(), List.of()));
            } else if (Set.class.isAssignableFrom(kind) && setValues(component.getGenericType()) != null) {
                // A set of choices (the reasons a school offers): one checkbox per choice.
                Set<?> chosen = value == null ? Set.of() : (Set<?>) value;
                for (String constant : constants(setValues(component.getGenericType()))) {
                    fields.add(new OptionField(name + "." + constant, labels.apply(module.id(), component.getName() + "." + constant)
                            .orElse(null), component.getName() + " " + constant,
                            OptionField.Kind.CHECKBOX, String.valueOf(chosen.stream().anyMatch(c -> ((Enum<?>) c).name().equals(constant))),
                            List.of()));
                }
            } else if (kind.isEnum()) {
                fields.add(new OptionField(name, label, component.getName(), OptionField.Kind.CHOICE,
                        value == null ? "" : ((Enum<?>) value).name(), constants(kind)));
            } else if (Map.class.isAssignableFrom(kind) && enumValues(component.getGenericType()) != null && value != null) {
                Class<?> values = enumValues(component.getGenericType());
                ((Map<?, ?>) value).entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                        .forEach(e -> fields.add(new OptionField(name + "." + e.getKey(), label, component.getName() + " "
                                + e.getKey(), OptionField.Kind.CHOICE, ((Enum<?>) e.getValue()).name(), constants(values))));
            }
        }
        return fields;
    }

    /** The options form of a module as JSON members, to lay over the current options. */
    static ObjectNode optionsFromForm(ModuleDescriptor<?> module, Object current, Map<String, List<String>> form) {
        ObjectNode node = NODES.objectNode();
        for (OptionField field : optionFields(module, current, (m, o) -> java.util.Optional.empty())) {
            String[] path = field.name().split("\\.", 3);
            String value = first(form, field.name());
            if (path.length == 3 && field.kind() == OptionField.Kind.CHECKBOX) {
                var set = node.has(path[1]) ? (com.fasterxml.jackson.databind.node.ArrayNode) node.get(path[1]) : node.putArray(path[1]);
                if (value != null) {
                    set.add(path[2]);
                }
            } else if (path.length == 3) {
                ObjectNode map = node.has(path[1]) ? (ObjectNode) node.get(path[1]) : node.putObject(path[1]);
                map.put(path[2], value);
            } else if (field.kind() == OptionField.Kind.CHECKBOX) {
                node.put(path[1], value != null);
            } else if (value == null || value.isBlank()) {
                node.putNull(path[1]);
            } else {
                node.put(path[1], value);
            }
        }
        return node;
    }

    static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read option " + component.getName(), e);
        }
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    private static Class<?> setValues(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isEnum()) {
            return c;
        }
        return null;
    }

    private static Class<?> enumValues(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 2
                && p.getActualTypeArguments()[0] == String.class && p.getActualTypeArguments()[1] instanceof Class<?> c
                && c.isEnum()) {
            return c;
        }
        return null;
    }

    /** The JSON shape of a news message as clients send it. */
    record NewsInput(String subject, LocalDate date, String text, LocalDate publishFrom, LocalDate publishUntil,
                     List<String> groups) {
    }

    /** The JSON shape of the school settings as clients send them. */
    record SettingsInput(String changeRequestEmail, String websiteUrl, Boolean maintenanceMode) {
    }
}
