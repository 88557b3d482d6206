package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Map;

/**
 * SSE {@code generation_complete}: {final_sql, filename}.
 *
 * @param artifacts dialect -> S3 key of the artifact
 * @param columnsNeedingAttention columns emitted as typed NULL with a TODO
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationCompleted(String finalSql, String filename, Map<String, String> artifacts,
                                  int columnsNeedingAttention) implements EventPayload {
    public static final String TYPE = "GenerationCompleted";

    public GenerationCompleted {
        artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
