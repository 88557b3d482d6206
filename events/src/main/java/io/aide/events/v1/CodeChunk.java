package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

/** SSE {@code code_chunk}: a piece of code streamed into the editor. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodeChunk(String language, String content, String blockName) implements EventPayload {
    public static final String TYPE = "CodeChunk";

    @Override
    public String eventType() {
        return TYPE;
    }
}
