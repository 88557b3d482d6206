package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Objects;

/** A user replaced a block's SQL by hand; a new block version follows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockEdited(String generationId, String target, String dialect, String blockName, String sql,
                          String editedBy) implements EventPayload {
    public static final String TYPE = "BlockEdited";

    public BlockEdited {
        Objects.requireNonNull(generationId, "generationId");
        Objects.requireNonNull(blockName, "blockName");
        Objects.requireNonNull(sql, "sql");
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
