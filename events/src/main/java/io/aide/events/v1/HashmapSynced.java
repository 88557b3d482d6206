package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventPayload;

import java.util.Objects;

/**
 * SSE {@code hashmap_sync}: the whole generation hashmap
 * {generation_id, semantic_layer_name, status, blocks{...}, metadata{...}}.
 * <p>
 * A hashmap too large for one Kafka record is published in parts: {@code part} 1 to {@code of} of one
 * {@code syncId}, consecutive on the generation's partition. Part 1 holds every field of the hashmap and the first
 * blocks, each further part only {@code blocks} (the next ones); the gateway merges the blocks of all parts and
 * streams one {@code hashmap_sync} at the last part's offset. A hashmap in one record is part 1 of 1.
 *
 * @param reason initial_load | recovery | checkpoint
 * @param syncId the same for every part of one hashmap (null for a hashmap in one record)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HashmapSynced(JsonNode completeHashmap, String reason, String syncId, int part, int of)
        implements EventPayload {
    public static final String TYPE = "HashmapSynced";

    public HashmapSynced {
        Objects.requireNonNull(completeHashmap, "completeHashmap");
        reason = reason == null ? "checkpoint" : reason;
        if (of < 1) {
            part = 1;
            of = 1;
        }
        if (part < 1 || part > of) {
            throw new IllegalArgumentException("part " + part + " of " + of);
        }
    }

    /** A whole hashmap in one record. */
    public HashmapSynced(JsonNode completeHashmap, String reason) {
        this(completeHashmap, reason, null, 1, 1);
    }

    /** Whether this record is the last (or only) part of its hashmap. */
    public boolean last() {
        return part == of;
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
