package io.aide.sqlgen.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of sqlgen.generations.
 *
 * @param compileMillis      time spent in the rule compiler during the last compile pass (all targets), without the
 *                           block storage and streaming its callbacks do
 * @param compileStageMillis the whole compile stage of that pass: compiler, block storage and streaming
 */
public record GenerationRecord(String id, String tenantId, String documentId, int specVersion, String specObjectKey,
                               List<String> dialects, List<String> requestedTargets, List<String> targets,
                               String status, int checkpoint, String semanticLayerName, String mappingFile,
                               int columnsNeedingAttention, String layerObjectKey, Map<String, String> artifacts,
                               String filename, String errorCode, String errorStage, String errorMessage,
                               String requestedBy, String correlationId, Instant validationDeadline,
                               Instant estimatedCompletion, Instant createdAt, Instant updatedAt, Instant completedAt,
                               String dataSourceId, Double compileMillis, Double compileStageMillis) {
    public GenerationKey key() {
        return new GenerationKey(tenantId, id);
    }
}
