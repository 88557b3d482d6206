package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Objects;

@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationCancelled(String generationId, String reason, String cancelledBy) implements EventPayload {
    public static final String TYPE = "GenerationCancelled";

    public GenerationCancelled {
        Objects.requireNonNull(generationId, "generationId");
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
