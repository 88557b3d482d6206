package io.aide.document.persistence;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A row of documents.documents: the document and a summary of its latest spec version.
 *
 * @param referenceFiles names of the reference files stored next to the raw file (see Keys.reference)
 */
public record DocumentRecord(String id, String tenantId, String projectId, String fileName, String contentType,
                             long sizeBytes, String rawObjectKey, String status, String errorCode, String errorMessage,
                             Integer specVersion, Integer rowsFound, JsonNode targets, JsonNode headerMapping,
                             JsonNode diagnostics, JsonNode sheets, JsonNode headerOverrides, String uploadedBy,
                             Instant createdAt, Instant updatedAt, List<String> referenceFiles) {
    public static final String PARSING = "parsing";
    public static final String PARSED = "parsed";
    public static final String FAILED = "failed";

    public DocumentRecord {
        referenceFiles = referenceFiles == null ? List.of() : List.copyOf(referenceFiles);
    }
}
