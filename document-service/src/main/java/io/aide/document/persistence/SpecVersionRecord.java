package io.aide.document.persistence;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One stored version of a MappingSpec; {@code reason} is parsed, reparsed or edited. */
public record SpecVersionRecord(String documentId, int version, String objectKey, String reason, JsonNode changedRows,
                                String createdBy, Instant createdAt, JsonNode spec) {
}
