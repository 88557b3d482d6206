package io.aide.gateway.rest;

import java.util.List;

/** Body of {@code POST /api/v1/generations}; the generation id is chosen by the client or generated. */
public record GenerationRequest(String generationId, String documentId, List<String> dialects, List<String> targets,
                                Integer specVersion) {
}
