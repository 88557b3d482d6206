package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.List;
import java.util.Objects;

/**
 * A user edited mapping rows; a new spec version exists.
 *
 * @param changedRows the refs ({@code @mapping[sheet:row]}) whose content changed
 * @param changedTargets target tables whose layers must be recompiled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MappingEdited(String documentId, int specVersion, String specObjectKey, List<String> changedRows,
                            List<String> changedTargets, String editedBy) implements EventPayload {
    public static final String TYPE = "MappingEdited";

    public MappingEdited {
        Objects.requireNonNull(documentId, "documentId");
        changedRows = changedRows == null ? List.of() : List.copyOf(changedRows);
        changedTargets = changedTargets == null ? List.of() : List.copyOf(changedTargets);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
