package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventPayload;

import java.util.Objects;

/**
 * SSE {@code hashmap_sync}: the whole generation hashmap
 * {generation_id, semantic_layer_name, status, blocks{...}, metadata{...}}.
 *
 * @param reason initial_load | recovery | checkpoint
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HashmapSynced(JsonNode completeHashmap, String reason) implements EventPayload {
    public static final String TYPE = "HashmapSynced";

    public HashmapSynced {
        Objects.requireNonNull(completeHashmap, "completeHashmap");
        reason = reason == null ? "checkpoint" : reason;
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
