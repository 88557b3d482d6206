package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Objects;

/**
 * The answer to an {@link AiTaskRequested} (SSE {@code ai_result}).
 *
 * @param status completed | failed | not_configured
 * @param code   stable code when not completed, e.g. {@code llm_not_configured}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AiTaskResult(String taskId, String kind, String status, String content, String code, String message)
        implements EventPayload {
    public static final String TYPE = "AiTaskResult";

    public AiTaskResult {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
