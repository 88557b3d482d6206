package io.aide.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.document.persistence.DocumentRecord;

import java.time.Instant;
import java.util.List;

/**
 * GET /documents/{id}: the document and the summary of its latest spec version (same fields as `aide parse --json`),
 * with the header overrides its latest parse used ({@code field} or {@code Sheet:field} -> header text; null: none).
 */
public record DocumentView(String documentId, String status, String fileName, String projectId, long size,
                           Integer rowsFound, JsonNode targets, JsonNode headerMapping, JsonNode diagnostics,
                           Integer specVersion, JsonNode sheets, JsonNode headerOverrides, List<String> referenceFiles,
                           Error error,
                           String uploadedBy, Instant createdAt, Instant updatedAt) {

    public record Error(String code, String message) {
    }

    public static DocumentView of(DocumentRecord d) {
        Error error = DocumentRecord.FAILED.equals(d.status()) ? new Error(d.errorCode(), d.errorMessage()) : null;
        return new DocumentView(d.id(), d.status(), d.fileName(), d.projectId(), d.sizeBytes(), d.rowsFound(),
                d.targets(), d.headerMapping(), d.diagnostics(), d.specVersion(), d.sheets(), d.headerOverrides(), d.referenceFiles(), error,
                d.uploadedBy(), d.createdAt(), d.updatedAt());
    }
}
