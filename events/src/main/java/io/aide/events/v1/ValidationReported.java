package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One validation check finished (SSE {@code validation}).
 *
 * @param check       syntax | binding | execution | pk_unique | not_null | castable | accepted_values |
 *                    referential | row_count | expected_output | spark_sql | pyspark
 * @param status      pass | fail | error | skipped
 * @param blocks      blocks that caused a failure
 * @param mappingRefs {@code @mapping[sheet:row]} rows to look at
 * @param examples    up to five failing example rows
 * @param code        stable reason of a fail or error, e.g. {@code sandbox:file_access}; null on pass
 * @param checkpoint  the generation checkpoint (ValidationRequested.checkpoint) these results belong to; 0 unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationReported(String validationId, String check, String status, String target, String column,
                                 String dialect, List<String> blocks, List<String> mappingRefs, String message,
                                 long failingCount, long checkedCount, List<Map<String, Object>> examples,
                                 int index, int total, String code, int checkpoint) implements EventPayload {
    public static final String TYPE = "ValidationReported";

    public ValidationReported {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        mappingRefs = mappingRefs == null ? List.of() : List.copyOf(mappingRefs);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
