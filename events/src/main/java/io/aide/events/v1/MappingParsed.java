package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Map;
import java.util.Objects;

/**
 * A document parsed into a canonical MappingSpec. The spec itself is a claim check in S3.
 *
 * @param specObjectKey S3 key of the MappingSpec JSON of this version
 * @param targets       target table -> number of mapping rows
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MappingParsed(String documentId, int specVersion, String specObjectKey, int rowsFound,
                            Map<String, Integer> targets, int errorCount, int warningCount)
        implements EventPayload {
    public static final String TYPE = "MappingParsed";

    public MappingParsed {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(specObjectKey, "specObjectKey");
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
