package io.aide.document.persistence;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A row of documents.documents: the document and a summary of its latest spec version. */
public record DocumentRecord(String id, String tenantId, String projectId, String fileName, String contentType,
                             long sizeBytes, String rawObjectKey, String status, String errorCode, String errorMessage,
                             Integer specVersion, Integer rowsFound, JsonNode targets, JsonNode headerMapping,
                             JsonNode diagnostics, JsonNode sheets, JsonNode headerOverrides, String uploadedBy,
                             Instant createdAt, Instant updatedAt) {
    public static final String PARSING = "parsing";
    public static final String PARSED = "parsed";
    public static final String FAILED = "failed";
}
