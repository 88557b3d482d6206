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

    @Test
    void shouldListEveryMasterOfAHighAvailabilityUrl() {
        // Given
        RunnerConfig config = RunnerConfig.from(new String[]{"--master", "spark://m1:7077,m2:7078"}, Map.of());

        // When
        var masters = config.standaloneMasters();

        // Then
        assertThat(masters).extracting(a -> a.getHostString() + ":" + a.getPort()).containsExactly("m1:7077", "m2:7078");
        assertThat(config.drivesOnLoopback()).isFalse();
    }

    @Test
    void shouldDriveOnLoopbackForALocalMasterAndAClusterOnThisMachine() {
        // Given
        RunnerConfig local = RunnerConfig.from(new String[]{"--master", "local[2]"}, Map.of());
        RunnerConfig here = RunnerConfig.from(new String[]{"--master", "spark://127.0.0.1:57077"}, Map.of());

        // When / Then
        assertThat(local.drivesOnLoopback()).isTrue();
        assertThat(local.standaloneMasters()).isEmpty();
        assertThat(here.drivesOnLoopback()).isTrue();
    }

    @Test
    void shouldNameAStandaloneMasterThatDoesNotAnswer() throws Exception {
        // Given a port nobody listens on
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        RunnerConfig config = RunnerConfig.from(new String[]{"--master", "spark://127.0.0.1:" + closed}, Map.of());

        // When
        String problem = MasterProbe.unreachable(config, 2_000);

        // Then
        assertThat(problem).contains("spark://127.0.0.1:" + closed).contains("not reachable")
                .contains("AIDE_SPARK_MASTER");
    }

    @Test
    void shouldAcceptAStandaloneMasterThatAnswers() throws Exception {
        // Given
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            RunnerConfig config = RunnerConfig.from(new String[]{"--master", "spark://127.0.0.1:" + socket.getLocalPort()},
                    Map.of());

            // When
            String problem = MasterProbe.unreachable(config, 2_000);

            // Then
            assertThat(problem).isNull();
        }
    }
}
