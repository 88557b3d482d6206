package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

/** SSE {@code error}: {message, stage}; {@code code} is stable, e.g. {@code llm_not_configured}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationFailed(String message, String stage, String code) implements EventPayload {
    public static final String TYPE = "GenerationFailed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
