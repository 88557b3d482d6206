package io.aide.aihub.session;

import java.util.List;
import java.util.Map;

/**
 * A modeler session as Redis holds it.
 *
 * @param metadata conversationId, dataSourceId, userId, createdAt, lastActivity, model and the schema summary
 * @param draft    modelState (JSON), version, lastModified; empty before the first draft
 * @param ttlSeconds seconds left before the session expires
 */
public record StoredSession(Map<String, String> metadata, List<SessionMessage> messages, Map<String, String> draft,
                            String schemaContext, long ttlSeconds) {
}
