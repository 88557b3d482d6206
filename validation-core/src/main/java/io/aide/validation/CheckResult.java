package io.aide.validation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outcome of one validation check.
 *
 * @param check        see {@link Checks}
 * @param status       pass | fail | error | skipped
 * @param code         stable reason of a fail or error, e.g. {@code sandbox:timeout}, {@code binding:unknown_column}
 * @param blocks       blocks that caused a failure
 * @param mappingRefs  mapping rows to look at
 * @param examples     up to five failing example rows
 */
public record CheckResult(String check, String status, String target, String column, String dialect,
                          List<String> blocks, List<String> mappingRefs, String message, String code,
                          long failingCount, long checkedCount, List<Map<String, Object>> examples, long durationMs) {
    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";
    public static final String SKIPPED = "skipped";

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        mappingRefs = mappingRefs == null ? List.of() : List.copyOf(mappingRefs);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public static CheckResult of(PlannedCheck planned, String status, String message) {
        return new CheckResult(planned.check(), status, planned.target(), planned.column(), planned.dialect(),
                List.of(), planned.mappingRefs(), message, null, 0, 0, List.of(), 0);
    }

    public boolean failed() {
        return FAIL.equals(status) || ERROR.equals(status);
    }

    public CheckResult withBlocks(List<String> newBlocks) {
        return new CheckResult(check, status, target, column, dialect, newBlocks, mappingRefs, message, code,
                failingCount, checkedCount, examples, durationMs);
    }

    public CheckResult withMappingRefs(List<String> refs) {
        return new CheckResult(check, status, target, column, dialect, blocks, refs, message, code,
                failingCount, checkedCount, examples, durationMs);
    }

    public CheckResult withCode(String newCode) {
        return new CheckResult(check, status, target, column, dialect, blocks, mappingRefs, message, newCode,
                failingCount, checkedCount, examples, durationMs);
    }

    public CheckResult withCounts(long failing, long checked, List<Map<String, Object>> rows) {
        return new CheckResult(check, status, target, column, dialect, blocks, mappingRefs, message, code,
                failing, checked, rows, durationMs);
    }

    public CheckResult withDuration(long ms) {
        return new CheckResult(check, status, target, column, dialect, blocks, mappingRefs, message, code,
                failingCount, checkedCount, examples, ms);
    }
}
