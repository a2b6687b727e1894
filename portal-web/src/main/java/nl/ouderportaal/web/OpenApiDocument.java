package nl.ouderportaal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.ouderportaal.core.guardian.StudentFields;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EmergencyContact;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Gender;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.GuardianPersonalData;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.host.Registration;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentPersonalData;
import nl.ouderportaal.spi.module.CorrectableField;

/**
 * The OpenAPI document served at {@code /api/openapi.json}: the static {@code openapi.json} beside this class,
 * parsed once, with the lists that the code knows filled in from the code (the keys a change request may
 * name), and whatever the web layer adds at start-up ({@link #addPath}, {@link #addSchema}: routes whose
 * shapes depend on the installed modules). Its JSON is written once, at the first {@link #json()}; after
 * that it cannot change. Extend it on one thread, before serving.
 */
final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String RESOURCE = "openapi.json";

    private final ObjectNode root;
    private volatile byte[] json;

    private OpenApiDocument(ObjectNode root) {
        this.root = root;
    }

    /** The static document with the change-request keys of the code. */
    static OpenApiDocument standard() {
        try (InputStream in = Objects.requireNonNull(OpenApiDocument.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            OpenApiDocument document = new OpenApiDocument((ObjectNode) JSON.readTree(in));
            document.describeChangeKeys("ChildChanges", childKeys(), "GET /api/children/{childId}/correctable-fields",
                    " (emergency.N.*: N numbers the child's emergency contacts from 1)");
            document.describeChangeKeys("OwnChanges", ownKeys(), "GET /api/me/correctable-fields", "");
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * Adds the operations of a path item (e.g. {@code {"post": {...}}}) under {@code path}, such as
     * {@code /api/children/{childId}/{moduleId}/actions/{actionId}}.
     *
     * @throws IllegalArgumentException when the document already has one of these operations
     * @throws IllegalStateException once the document was served
     */
    OpenApiDocument addPath(String path, ObjectNode pathItem) {
        requireOpen();
        ObjectNode item = ((ObjectNode) root.get("paths")).withObjectProperty(path);
        for (Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> operation = it.next();
            if (item.has(operation.getKey())) {
                throw new IllegalArgumentException("The OpenAPI document already has " + operation.getKey() + " " + path);
            }
            item.set(operation.getKey(), operation.getValue().deepCopy());
        }
        return this;
    }

    /**
     * Adds a schema under {@code #/components/schemas/name}, for the operations added with {@link #addPath}.
     *
     * @throws IllegalArgumentException when the document already has a schema of that name
     * @throws IllegalStateException once the document was served
     */
    OpenApiDocument addSchema(String name, JsonNode schema) {
        requireOpen();
        ObjectNode schemas = ((ObjectNode) root.get("components")).withObjectProperty("schemas");
        if (schemas.has(name)) {
            throw new IllegalArgumentException("The OpenAPI document already has a schema " + name);
        }
        schemas.set(name, schema.deepCopy());
        return this;
    }

    /** A copy of the document as it stands. */
    ObjectNode tree() {
        return root.deepCopy();
    }

    /** The document as served; written at the first call, after which it is fixed. */
    byte[] json() {
        byte[] written = json;
        if (written == null) {
            synchronized (this) {
                if (json == null) {
                    try {
                        json = JSON.writeValueAsBytes(root);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Cannot write the OpenAPI document", e);
                    }
                }
                written = json;
            }
        }
        return written;
    }

    private void requireOpen() {
        if (json != null) {
            throw new IllegalStateException("The OpenAPI document was already served; extend it before the first request");
        }
    }

    /** Lists the keys in the description and the example of {@code schema}'s {@code changes}. */
    private void describeChangeKeys(String schema, List<String> keys, String source, String note) {
        ObjectNode changes = (ObjectNode) root.at("/components/schemas/" + schema + "/properties/changes");
        if (changes.isMissingNode()) {
            throw new IllegalStateException("The OpenAPI document has no " + schema + ".changes");
        }
        changes.put("description", "Field key to the new value (dates d-M-yyyy); the keys with their current values are in "
                + source + ". The keys: " + String.join(", ", keys) + note + ".");
    }

    /** The keys of a child's correctable data, emergency contacts as {@code emergency.N.*}. */
    static List<String> childKeys() {
        Student sample = new Student(StudentId.of("sample"), SchoolId.of("sample"), new PersonName("S", "S", null, "S"),
                EnrolmentStatus.IN_EDUCATION, new StudentPersonalData(LocalDate.of(2020, 1, 1), null, Gender.UNSPECIFIED, null, null, null, null),
                null, false, List.of(new EmergencyContact("N", null, "0")), null,
                new Registration(LocalDate.of(2020, 1, 1), null, null), List.of());
        Set<String> keys = new LinkedHashSet<>();
        for (CorrectableField field : StudentFields.of(sample)) {
            keys.add(field.key().replaceFirst("^emergency\\.1\\.", "emergency.N."));
        }
        return new ArrayList<>(keys);
    }

    /** The keys of a guardian's own correctable data. */
    static List<String> ownKeys() {
        Guardian sample = new Guardian(GuardianId.of("sample"), new PersonName(null, "S", null, "S"),
                new GuardianPersonalData(null, Gender.UNSPECIFIED, null, null, null), new Address("S", "1", null, "S", null),
                new ContactData(null, null, null, null), null, null);
        return StudentFields.of(sample).stream().map(CorrectableField::key).toList();
    }
}
