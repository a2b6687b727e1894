package nl.ouderportaal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API tests' check that the OpenAPI document tells the truth: every answer a test client gets from
 * {@code /api/...} is checked against the document that portal serves at {@code /api/openapi.json}, for its
 * operation (path and method), status and media type, and a JSON body against that answer's schema. A
 * mismatch fails the test that got the answer.
 *
 * <p>The check is stricter than the document: an object schema with {@code properties} and no
 * {@code additionalProperties} accepts no other member here, so a member the code adds without documenting
 * it fails (clients stay free to ignore unknown members). An address that matches no documented path may
 * only answer 404 {@code not-found}; a documented path with an undocumented method fails.
 *
 * <p>What the suite called is written to {@code target/openapi-coverage.txt} when the test JVM ends: each
 * documented operation with the statuses seen, or "not called".
 */
public final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_IRI = "https://ouderportaal.test/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Map<String, ApiContract> SERVED = new ConcurrentHashMap<>();
    /** "GET /api/children" -> statuses seen, across every portal of the test JVM. */
    private static final Map<String, Set<Integer>> CALLED = new ConcurrentHashMap<>();
    private static volatile ApiContract first;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ApiContract::writeCoverage, "openapi-coverage"));
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Operation(String method, String template, String[] segments, int literals, JsonNode node) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    private ApiContract(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String[] segments = path.getKey().substring(1).split("/", -1);
            int literals = 0;
            for (String segment : segments) {
                literals += segment.startsWith("{") ? 0 : 1;
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (METHODS.contains(method)) {
                    operations.add(new Operation(method, path.getKey(), segments, literals, path.getValue().get(method)));
                }
            }
        }
        String strict = strict(document.deepCopy()).toString();
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(DOCUMENT_IRI, strict)));
    }

    /** A check against the given document (for tests of the check itself). */
    static ApiContract of(JsonNode document) {
        return new ApiContract(document);
    }

    /**
     * Checks one answer of the portal at the request's address against the document that portal serves.
     *
     * @throws AssertionError naming every mismatch
     */
    public static void check(String method, URI uri, int status, String contentType, byte[] body) {
        if (!uri.getRawPath().startsWith("/api/")) {
            return;
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        ApiContract contract = SERVED.computeIfAbsent(base, ApiContract::served);
        List<String> problems = contract.problems(method, uri.getRawPath(), status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + abbreviate(uri.getRawPath()) + " (" + status
                    + ") does not match /api/openapi.json:\n  " + String.join("\n  ", problems) + "\n  body: "
                    + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
    }

    /** Forgets the document of a portal that stopped (its port may serve another portal later). */
    public static void forget(String base) {
        SERVED.remove(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    private static ApiContract served(String base) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/api/openapi.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /api/openapi.json answered " + response.statusCode());
            }
            ApiContract contract = new ApiContract(JSON.readTree(response.body()));
            if (first == null) {
                first = contract;
            }
            return contract;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with this answer, according to the document; empty when nothing. */
    List<String> problems(String method, String rawPath, int status, String contentType, byte[] body) {
        String path = rawPath.split("\\?", 2)[0];
        if (path.length() > 1 && path.endsWith("/")) {
            // Javalin serves /api/admin/news/ as /api/admin/news.
            path = path.substring(0, path.length() - 1);
        }
        List<Operation> ofPath = matching(path);
        Operation operation = ofPath.stream().filter(o -> o.method().equalsIgnoreCase(method)).findFirst().orElse(null);
        if (operation == null) {
            if (status == 404 && isError(body, "not-found")) {
                // An address no route serves: every such address answers the same "not found".
                return List.of();
            }
            return List.of(ofPath.isEmpty() ? "no documented path matches " + method + " " + abbreviate(path)
                    : "the path " + ofPath.get(0).template() + " documents no " + method);
        }
        CALLED.computeIfAbsent(operation.key(), k -> new TreeSet<>()).add(status);
        String pointer = "/paths/" + escape(operation.template()) + "/" + operation.method() + "/responses";
        JsonNode responses = operation.node().get("responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            code = responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX" : "default";
        }
        if (!responses.has(code)) {
            return List.of(operation.key() + " documents no status " + status);
        }
        pointer += "/" + code;
        JsonNode response = responses.get(code);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document.at(pointer);
        }
        JsonNode content = response.get("content");
        if (content == null || content.isEmpty()) {
            return body.length == 0 ? List.of() : List.of(operation.key() + " " + status + " documents no body, but one came");
        }
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(media)) {
            return List.of(operation.key() + " " + status + " documents " + iterable(content.fieldNames()) + ", not '" + media + "'");
        }
        if (!media.equals("application/json")) {
            return body.length > 0 ? List.of() : List.of(operation.key() + " " + status + ": an empty " + media);
        }
        String schemaPointer = pointer + "/content/" + escape(media) + "/schema";
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
        List<Error> errors;
        try {
            errors = schema.validate(new String(body, StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (RuntimeException notJson) {
            return List.of(operation.key() + " " + status + ": the body is not JSON (" + notJson.getMessage() + ")");
        }
        return errors.stream().map(e -> operation.key() + " " + status + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    private List<Operation> matching(String path) {
        String[] parts = path.substring(1).split("/", -1);
        List<Operation> found = new ArrayList<>();
        int best = -1;
        for (Operation operation : operations) {
            if (matches(operation.segments(), parts)) {
                if (operation.literals() > best) {
                    found.clear();
                    best = operation.literals();
                }
                if (operation.literals() == best) {
                    found.add(operation);
                }
            }
        }
        return found;
    }

    private static boolean matches(String[] template, String[] parts) {
        if (template.length != parts.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            String part = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            if (template[i].startsWith("{") ? part.isEmpty() : !template[i].equals(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isError(byte[] body, String code) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && code.equals(node.path("error").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** Every object schema that lists its members accepts no others, unless it says what else it accepts. */
    private static JsonNode strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    strict(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(ApiContract::strict);
        }
        return node;
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** The documented operations and the statuses the suite saw for each. */
    static Map<String, Set<Integer>> coverage() {
        Map<String, Set<Integer>> coverage = new TreeMap<>();
        ApiContract contract = first;
        if (contract != null) {
            contract.operations.forEach(o -> coverage.put(o.key(), new TreeSet<>()));
        }
        CALLED.forEach((operation, statuses) -> coverage.computeIfAbsent(operation, k -> new TreeSet<>()).addAll(statuses));
        return coverage;
    }

    private static void writeCoverage() {
        Map<String, Set<Integer>> coverage = coverage();
        if (coverage.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("# Operations of /api/openapi.json and the statuses this test run saw\n");
        coverage.forEach((operation, statuses) -> text.append(operation).append('\t')
                .append(statuses.isEmpty() ? "not called" : statuses.toString()).append('\n'));
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("openapi-coverage.txt"), text);
            }
        } catch (IOException e) {
            // Only a report; the tests have already run.
        }
    }
}
