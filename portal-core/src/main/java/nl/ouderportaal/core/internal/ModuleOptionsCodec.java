package nl.ouderportaal.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Module options to and from the JSON kept in the store. Internal. Thread-safe. */
public final class ModuleOptionsCodec {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleOptionsCodec.class);

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A module may drop an option in a later version; stored JSON must keep loading.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String write(Object options) {
        try {
            return mapper.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Options of type " + options.getClass().getName() + " cannot be stored as JSON", e);
        }
    }

    /** The stored options, or the module's defaults when none are stored or they no longer load. */
    public <O> O read(ModuleDescriptor<O> descriptor, String json) {
        if (json == null) {
            return descriptor.defaultOptions();
        }
        try {
            return mapper.readValue(json, descriptor.optionsType());
        } catch (JsonProcessingException e) {
            LOG.warn("Stored options of module '{}' no longer load; using the defaults: {}", descriptor.id(), e.getOriginalMessage());
            return descriptor.defaultOptions();
        }
    }
}
