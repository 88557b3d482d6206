package io.aide.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one JSON configuration for everything on the wire: ISO instants, unknown fields ignored, nulls omitted. */
public final class EventJson {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static String toJson(Object value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    public static <T> T fromJson(byte[] json, Class<T> cls) {
        try {
            return MAPPER.readValue(json, cls);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid " + cls.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static <T> T fromJson(String json, Class<T> cls) {
        return fromJson(json.getBytes(StandardCharsets.UTF_8), cls);
    }

    public static Envelope envelope(byte[] json) {
        return fromJson(json, Envelope.class);
    }

    private EventJson() {
    }
}
