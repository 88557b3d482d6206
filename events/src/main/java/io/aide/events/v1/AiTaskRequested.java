package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Map;
import java.util.Objects;

/**
 * Work that needs a language model.
 *
 * @param kind    refine | nl2sql (answered by ai-hub-service from the topic); modeler_message | viz | rule_assist are
 *                served by ai-hub-service's REST API and answered on the topic with {@code ai_task_kind_rest_only}
 * @param key     aggregate the answer streams to (generationId or sessionId)
 * @param context free-form inputs (block name, references, schema snapshot key, ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AiTaskRequested(String taskId, String kind, String key, String prompt, Map<String, String> context,
                              String requestedBy) implements EventPayload {
    public static final String TYPE = "AiTaskRequested";

    public AiTaskRequested {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(kind, "kind");
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
