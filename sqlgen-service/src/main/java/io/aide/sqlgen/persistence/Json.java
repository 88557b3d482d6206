package io.aide.sqlgen.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.aide.events.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** JSONB columns in and out, with the one wire mapper. */
final class Json {
    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    static String write(Object value) {
        return EventJson.toJson(value);
    }

    static <T> T read(String json, TypeReference<T> type, T fallback) {
        if (json == null || json.isBlank()) {
            return fallback;
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON column: " + e.getMessage(), e);
        }
    }

    private Json() {
    }
}
