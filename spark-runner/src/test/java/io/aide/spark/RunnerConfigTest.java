package io.aide.spark;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnerConfigTest {

    @Test
    void shouldPreferFlagsOverEnvironment() {
        // Given
        String[] args = {"--port", "0", "--master=local[2]", "--exit-on-stdin-eof"};
        Map<String, String> env = Map.of("AIDE_SPARK_MASTER", "spark://cluster:7077", "AIDE_SPARK_RUNNER_PORT", "9000");

        // When
        RunnerConfig config = RunnerConfig.from(args, env);

        // Then
        assertThat(config.port()).isZero();
        assertThat(config.master()).isEqualTo("local[2]");
        assertThat(config.exitOnStdinEof()).isTrue();
    }

    @Test
    void shouldTakeTheClusterMasterFromTheEnvironment() {
        // Given
        Map<String, String> env = Map.of("AIDE_SPARK_MASTER", "k8s://https://kubernetes.default.svc");

        // When
        RunnerConfig config = RunnerConfig.from(new String[0], env);

        // Then
        assertThat(config.master()).isEqualTo("k8s://https://kubernetes.default.svc");
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.exitOnStdinEof()).isFalse();
    }

    @Test
    void shouldRejectAPositionalArgument() {
        // Given
        String[] args = {"local[2]"};

        // When / Then
        assertThatThrownBy(() -> RunnerConfig.from(args, Map.of()))
                .hasMessageContaining("'local[2]'");
    }
}
