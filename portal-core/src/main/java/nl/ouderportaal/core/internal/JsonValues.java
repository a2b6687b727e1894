package nl.ouderportaal.core.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mapping of module values (records, action inputs): ISO dates and times. Internal. */
public final class JsonValues {

    private static final ObjectMapper STORED = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A module may drop a component in a later version; stored JSON must keep loading.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectMapper INPUT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Input from a guardian or staff user: a field the form does not have is a mistake worth saying.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private JsonValues() {
    }

    /** For values the portal stored itself. */
    public static ObjectMapper stored() {
        return STORED;
    }

    /** For input that comes from a request. */
    public static ObjectMapper input() {
        return INPUT;
    }
}
