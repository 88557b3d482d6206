package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.time.Instant;
import java.util.Objects;

/**
 * SSE {@code block_update}: {block_name, block_data{status, sql, order, timestamp}}.
 *
 * @param status  pending | generating | completed | failed | needs_attention
 * @param version block version number (1 for the first compile, +1 per refinement or edit)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockUpdated(String blockName, String target, String dialect, String status, String sql, int order,
                           Instant timestamp, int version) implements EventPayload {
    public static final String TYPE = "BlockUpdated";

    public BlockUpdated {
        Objects.requireNonNull(blockName, "blockName");
        Objects.requireNonNull(status, "status");
        if (timestamp == null) {
            timestamp = Instant.now();
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
