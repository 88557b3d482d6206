package io.aide.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void shouldFailAtParseStageWithTheLineOfAPythonSyntaxError(@TempDir Path dir) throws IOException {
        // Given a Python whose pyspark is a stub: the syntax check runs before pyspark is imported
        Path stub = Files.createDirectories(dir.resolve("site/pyspark"));
        Files.writeString(stub.resolve("__init__.py"), "__version__ = '4.0.4'\n");
        Path python = dir.resolve("python-with-stub-pyspark");
        Files.writeString(python, "#!/bin/sh\nPYTHONPATH='" + dir.resolve("site") + "' exec python3 \"$@\"\n");
        python.toFile().setExecutable(true);
        PysparkChecker checker = new PysparkChecker(configWithPython(python.toString()), "4.0.4",
                SparkRunnerServer.mapper(), "http://127.0.0.1:9/");
        String code = "orders = tables['orders']\nreturn orders.where(orders.amount > 0\n";

        // When
        CheckResult result = checker.check(new CheckRequest(null, code, Map.of(), null, 60));

        // Then
        assertThat(result.status()).as(result.message()).isEqualTo("fail");
        assertThat(result.stage()).isEqualTo("parse");
        assertThat(result.message()).startsWith("line 2:");
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
