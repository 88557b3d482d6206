package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.List;
import java.util.Objects;

/** Refine one block with an instruction and {@code @mapping/@code/@schema} references. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockRefinementRequested(String generationId, String target, String blockName, String instruction,
                                       List<String> references, String requestedBy) implements EventPayload {
    public static final String TYPE = "BlockRefinementRequested";

    public BlockRefinementRequested {
        Objects.requireNonNull(generationId, "generationId");
        Objects.requireNonNull(blockName, "blockName");
        references = references == null ? List.of() : List.copyOf(references);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
