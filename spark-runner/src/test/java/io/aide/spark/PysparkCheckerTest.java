package io.aide.spark;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PysparkCheckerTest {

    private static RunnerConfig configWithPython(String python) {
        return RunnerConfig.from(new String[]{"--python", python}, Map.of());
    }

    @Test
    void shouldAnswerUnavailableQuicklyWhenPythonIsMissingAndTheIndexIsUnreachable() {
        // Given
        PysparkChecker checker = new PysparkChecker(configWithPython("/nonexistent/python3"), "4.0.4",
                SparkRunnerServer.mapper(), "http://127.0.0.1:9/simple/pyspark/");
        CheckRequest request = new CheckRequest(null, "return tables['orders']", Map.of(), null, null);

        // When
        long started = System.nanoTime();
        CheckResult result = checker.check(request);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Then
        assertThat(result.status()).isEqualTo("unavailable");
        assertThat(result.message())
                .startsWith(PysparkChecker.NEEDS_PYSPARK)
                .contains("/nonexistent/python3")
                .contains("pip cannot reach http://127.0.0.1:9/simple/pyspark/");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldFailWithoutCodeBeforeLookingForPython() {
        // Given
        PysparkChecker checker = new PysparkChecker(configWithPython("/nonexistent/python3"), "4.0.4",
                SparkRunnerServer.mapper(), "http://127.0.0.1:9/");

        // When
        CheckResult result = checker.check(new CheckRequest(null, "  ", Map.of(), null, null));

        // Then
        assertThat(result.status()).isEqualTo("fail");
        assertThat(result.stage()).isEqualTo("parse");
    }
}
