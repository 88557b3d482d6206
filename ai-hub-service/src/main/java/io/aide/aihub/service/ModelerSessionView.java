package io.aide.aihub.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.aihub.modeler.ModelAnalysis;
import io.aide.aihub.session.SessionMessage;

import java.util.List;
import java.util.Map;

/**
 * A modeler session as the client sees it.
 *
 * @param source   {@code new} (just created), {@code redis} (an open draft, restored) or {@code database} (saved)
 * @param restored true when an open session was found in Redis (after a reload)
 * @param readOnly true for a saved conversation
 * @param analysis the deterministic analysis, on a new session only (its answer is also the first message)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelerSessionView(String conversationId, String dataSourceId, String source, boolean restored,
                                 boolean readOnly, String createdAt, String lastActivity, Long expiresInSeconds,
                                 String model, String sample, Map<String, Object> summary, String schemaContext,
                                 List<SessionMessage> messages, Draft modelDraft, ModelAnalysis analysis,
                                 String dataModelId, String title, String savedAt) {

    /** @param model the draft as the client sent it */
    public record Draft(long version, JsonNode model, String lastModified) {
    }
}
