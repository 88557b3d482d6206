package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Map;
import java.util.Objects;

/**
 * Work that needs a language model.
 *
 * @param kind    refine | nl2sql | modeler_message | viz | rule_assist
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
