package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.List;
import java.util.Objects;

/**
 * Compile a document's spec into a semantic layer.
 *
 * @param specVersion  0 means the latest version
 * @param dialects     duckdb, postgres, spark, snowflake, bigquery, ansi, pyspark, dbt
 * @param targets      empty means every target table of the spec
 * @param specObjectKey optional claim check of the spec version to compile
 * @param dataSourceId  optional registered data source: its schema binds source tables and joins, its sample
 *                      files (and expected rows) are what the layer is validated on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationRequested(String generationId, String documentId, int specVersion, String specObjectKey,
                                  List<String> dialects, List<String> targets, String requestedBy,
                                  String dataSourceId)
        implements EventPayload {
    public static final String TYPE = "GenerationRequested";

    public GenerationRequested {
        Objects.requireNonNull(generationId, "generationId");
        Objects.requireNonNull(documentId, "documentId");
        dialects = dialects == null || dialects.isEmpty() ? List.of("duckdb") : List.copyOf(dialects);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** Without a data source: the layer binds to the spec alone and validates on synthesized rows. */
    public GenerationRequested(String generationId, String documentId, int specVersion, String specObjectKey,
                               List<String> dialects, List<String> targets, String requestedBy) {
        this(generationId, documentId, specVersion, specObjectKey, dialects, targets, requestedBy, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
