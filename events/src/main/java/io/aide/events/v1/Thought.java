package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

/** SSE {@code thought}: a short line of reasoning shown in the chat panel. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Thought(String content) implements EventPayload {
    public static final String TYPE = "Thought";

    @Override
    public String eventType() {
        return TYPE;
    }
}
