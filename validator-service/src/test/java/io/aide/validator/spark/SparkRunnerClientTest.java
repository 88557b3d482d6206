package io.aide.validator.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SparkRunnerClientTest {

    @TempDir
    Path dir;

    @Test
    void shouldAnswerUnavailableWithTheBuildCommandWhenTheRunnerIsNotBuilt() {
        // Given
        SparkRunnerSettings settings = SparkRunnerSettings.fromEnvironment(
                Map.of("AIDE_SPARK_RUNNER_HOME", dir.toString()));

        // When
        SparkCheckResult result;
        try (SparkRunnerClient client = new SparkRunnerClient(new SparkRunnerProcess(settings))) {
            result = client.validateSql("SELECT 1", Map.of());
        }

        // Then
        assertThat(result.status()).isEqualTo("unavailable");
        assertThat(result.stage()).isEqualTo("runner");
        assertThat(result.message()).contains("mvn -f spark-runner/pom.xml install");
    }

    @Test
    void shouldFindTheRunnerModuleFromASubdirectoryOfTheCheckout() throws Exception {
        // Given
        Files.createDirectories(dir.resolve("spark-runner"));
        Files.writeString(dir.resolve("spark-runner/pom.xml"), "<project/>");
        Path service = Files.createDirectories(dir.resolve("validator-service"));

        // When
        Path home = SparkRunnerSettings.findRunnerHome(service);

        // Then
        assertThat(home).isEqualTo(dir.resolve("spark-runner"));
    }
}
