package io.aide.validation;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits of one DuckDB sandbox run.
 *
 * @param memoryLimit    DuckDB memory_limit, e.g. {@code 512MB}
 * @param threads        DuckDB threads
 * @param statementTimeout a statement running longer is cancelled
 * @param maxExampleRows failing example rows kept per check
 */
public record SandboxLimits(String memoryLimit, int threads, Duration statementTimeout, int maxExampleRows) {
    public SandboxLimits {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)")) {
            throw new IllegalArgumentException("memoryLimit must look like 512MB, got '" + memoryLimit + "'");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        maxExampleRows = maxExampleRows <= 0 ? 5 : maxExampleRows;
    }

    public static SandboxLimits defaults() {
        return new SandboxLimits("512MB", 2, Duration.ofSeconds(10), 5);
    }

    public SandboxLimits withStatementTimeout(Duration timeout) {
        return new SandboxLimits(memoryLimit, threads, timeout, maxExampleRows);
    }

    public SandboxLimits withMemoryLimit(String limit) {
        return new SandboxLimits(limit, threads, statementTimeout, maxExampleRows);
    }
}
