package io.aide.gateway.rest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/generations}; the generation id is chosen by the client or generated.
 * {@code dataSourceId} (optional) binds the layer to a registered data source's schema and validates it on its samples.
 */
public record GenerationRequest(String generationId, String documentId, List<String> dialects, List<String> targets,
                                Integer specVersion, String dataSourceId) {
    public GenerationRequest(String generationId, String documentId, List<String> dialects, List<String> targets,
                             Integer specVersion) {
        this(generationId, documentId, dialects, targets, specVersion, null);
    }
}
