package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * SSE {@code progress}: {stage, message, progress_percentage, stats, estimated_completion}.
 *
 * @param stats real counts (rows_compiled, columns_flagged, blocks_completed, ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Progress(String stage, String message, int progressPercentage, Map<String, Object> stats,
                       Instant estimatedCompletion) implements EventPayload {
    public static final String TYPE = "Progress";

    public Progress {
        Objects.requireNonNull(stage, "stage");
        if (progressPercentage < 0 || progressPercentage > 100) {
            throw new IllegalArgumentException("progressPercentage must be 0..100, was " + progressPercentage);
        }
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
