package io.aide.spark;

import java.util.List;

/**
 * The answer to one check request; serialised as JSON by the runner's HTTP server.
 *
 * @param status     pass | fail (the code is wrong) | error (the sample or the runner is) | unavailable
 * @param stage      load | parse | analyze | execute, or null when status is unavailable
 * @param rowCount   rows the query produces on the sample, null unless it executed
 * @param sampleRows up to the requested number of result rows, values aligned with {@code columns}
 */
public record CheckResult(String status, String stage, String message, Long rowCount, List<Column> columns,
                          List<List<Object>> sampleRows, long durationMs) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";
    public static final String UNAVAILABLE = "unavailable";

    public CheckResult {
        columns = columns == null ? List.of() : List.copyOf(columns);
        sampleRows = sampleRows == null ? List.of() : sampleRows;
    }

    public record Column(String name, String type, boolean nullable) {
    }

    public static CheckResult failed(String stage, String message) {
        return new CheckResult(FAIL, stage, message, null, List.of(), List.of(), 0);
    }

    public static CheckResult error(String stage, String message) {
        return new CheckResult(ERROR, stage, message, null, List.of(), List.of(), 0);
    }

    public static CheckResult unavailable(String message) {
        return new CheckResult(UNAVAILABLE, null, message, null, List.of(), List.of(), 0);
    }

    public CheckResult withDuration(long millis) {
        return new CheckResult(status, stage, message, rowCount, columns, sampleRows, millis);
    }
}
