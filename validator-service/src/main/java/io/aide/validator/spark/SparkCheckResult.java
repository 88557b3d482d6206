package io.aide.validator.spark;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What the Spark runner found for one piece of Spark SQL or PySpark.
 *
 * @param status     pass | fail (the code is wrong) | error (sample or runner trouble) | unavailable
 * @param stage      parse | analyze | execute, load (reading the sample), runner (the runner JVM itself)
 * @param rowCount   rows produced on the sample; null unless the code ran
 * @param sampleRows first result rows, values aligned with {@code columns}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SparkCheckResult(String status, String stage, String message, Long rowCount, List<Column> columns,
                               List<List<Object>> sampleRows) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";
    public static final String UNAVAILABLE = "unavailable";
    public static final String STAGE_RUNNER = "runner";

    public SparkCheckResult {
        columns = columns == null ? List.of() : List.copyOf(columns);
        sampleRows = sampleRows == null ? List.of() : sampleRows;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type, boolean nullable) {
    }

    public boolean passed() {
        return PASS.equals(status);
    }

    static SparkCheckResult runnerProblem(String status, String message) {
        return new SparkCheckResult(status, STAGE_RUNNER, message, null, List.of(), List.of());
    }
}
