package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.List;
import java.util.Objects;

/**
 * Validate generated code. The code and the spec travel as claim checks in S3.
 *
 * @param layerObjectKey S3 key of the generation's layers JSON (per target: blocks, SQL per dialect, lineage)
 * @param dialects       which renderings to check (duckdb always runs on sample data)
 * @param dataSourceId   optional data source whose sample files or database rows to run on
 * @param checkpoint     the generation's block-version checkpoint these results belong to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationRequested(String generationId, String documentId, int specVersion, String specObjectKey,
                                  String layerObjectKey, List<String> dialects, String dataSourceId, int checkpoint)
        implements EventPayload {
    public static final String TYPE = "ValidationRequested";

    public ValidationRequested {
        Objects.requireNonNull(generationId, "generationId");
        dialects = dialects == null || dialects.isEmpty() ? List.of("duckdb") : List.copyOf(dialects);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
