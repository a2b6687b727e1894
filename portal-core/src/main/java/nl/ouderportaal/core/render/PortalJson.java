package nl.ouderportaal.core.render;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;

/**
 * The portal's JSON: the page models (home, dashboard, child pages, school page) as the documented JSON
 * of the API (docs/json.md). Ids and school years are plain strings, dates ISO-8601, and every value and
 * block carries a {@code type}. The SPI stays free of Jackson: its types are described here with mix-ins.
 */
public final class PortalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(Value.class, ValueMixIn.class)
            .addMixIn(Block.class, BlockMixIn.class)
            .addMixIn(StudentId.class, IdMixIn.class)
            .addMixIn(GuardianId.class, IdMixIn.class)
            .addMixIn(SchoolId.class, IdMixIn.class)
            .addMixIn(GroupId.class, IdMixIn.class)
            .addMixIn(StaffId.class, IdMixIn.class)
            .addMixIn(SchoolYear.class, SchoolYearMixIn.class)
            .build();

    private PortalJson() {
    }

    /** A configured mapper; thread-safe, do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object model) {
        try {
            return MAPPER.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + model.getClass().getName() + " as JSON", e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Value.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Value.Localized.class, name = "localized"),
        @JsonSubTypes.Type(value = Value.Day.class, name = "day"),
        @JsonSubTypes.Type(value = Value.DayRange.class, name = "period"),
        @JsonSubTypes.Type(value = Value.Empty.class, name = "empty")})
    private abstract static class ValueMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Block.Table.class, name = "table"),
        @JsonSubTypes.Type(value = Block.Fields.class, name = "fields"),
        @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
        @JsonSubTypes.Type(value = Block.Notice.class, name = "notice")})
    private abstract static class BlockMixIn {
    }

    private abstract static class IdMixIn {
        @JsonValue
        abstract String value();
    }

    private abstract static class SchoolYearMixIn {
        @JsonValue
        @Override
        public abstract String toString();
    }
}
