package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Objects;

/** The document could not be read at all; {@code code} is stable (e.g. {@code bad_mapping_file:encrypted}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MappingParseFailed(String documentId, String code, String message) implements EventPayload {
    public static final String TYPE = "MappingParseFailed";

    public MappingParseFailed {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
