package io.aide.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("AIDE_PG_PORT");
        System.clearProperty("AIDE_KAFKA_BOOTSTRAP");
        System.clearProperty("AIDE_PORT_OFFSET");
    }

    @Test
    void shouldPointAtTheTestEnvironmentPortsByDefault() {
        // Given no AIDE_* system property but the offset, which ./aide and a second checkout may set
        System.setProperty("AIDE_PORT_OFFSET", "0");

        // When
        Map<String, String> config = AideInfraResource.overrides("documents");

        // Then
        assertThat(config)
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + Infra.pgPort() + "/aide?currentSchema=documents")
                .containsEntry("quarkus.datasource.username", Infra.pgUser())
                .containsEntry("kafka.bootstrap.servers", Infra.kafkaBootstrap())
                .containsEntry("aide.s3.bucket", Infra.s3Bucket())
                .containsEntry("quarkus.oidc.auth-server-url", Infra.oidcUrl())
                .containsKeys("quarkus.redis.hosts", "aide.s3.endpoint", "aide.s3.access-key", "aide.s3.secret-key");
        // the environment's own AIDE_PG_PORT (./aide test exports it) wins over the default
        String exported = System.getenv("AIDE_PG_PORT");
        assertThat(Infra.pgPort()).isEqualTo(exported == null || exported.isBlank() ? 55532
                : Integer.parseInt(exported.trim()));
    }

    @Test
    void shouldShiftEveryTestPortByThePortOffset() {
        // Given: a second checkout's environment, as ./aide shifts it
        System.setProperty("AIDE_PORT_OFFSET", "400");

        // When
        int pg = Infra.testPort(55532);
        int kafka = Infra.testPort(59192);
        int keycloak = Infra.testPort(58280);

        // Then
        assertThat(pg).isEqualTo(55932);
        assertThat(kafka).isEqualTo(59592);
        assertThat(keycloak).isEqualTo(58680);
    }

    @Test
    void shouldNameThePortOffsetWhenItIsNotANumber() {
        // Given
        System.setProperty("AIDE_PORT_OFFSET", "four hundred");

        // When / Then
        assertThatThrownBy(() -> Infra.testPort(55532))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AIDE_PORT_OFFSET must be a number, got 'four hundred'");
    }

    @Test
    void shouldLetASystemPropertyOverrideTheDefault() {
        // Given
        System.setProperty("AIDE_PG_PORT", "6543");
        System.setProperty("AIDE_KAFKA_BOOTSTRAP", "broker:9092");

        // When
        String url = Infra.pgJdbcUrl("sqlgen");

        // Then
        assertThat(url).isEqualTo("jdbc:postgresql://" + Infra.pgHost() + ":6543/" + Infra.pgDatabase() + "?currentSchema=sqlgen");
        assertThat(Infra.kafkaBootstrap()).isEqualTo("broker:9092");
    }

    @Test
    void shouldLeaveTheSchemaOutWhenNoneIsGiven() {
        // Given / When
        String url = Infra.pgJdbcUrl(null);

        // Then
        assertThat(url).doesNotContain("currentSchema");
    }

    @Test
    void shouldReadTheTenantClaimOfAToken() {
        // Given
        String payload = "{\"preferred_username\":\"alice\",\"tenant\":\"acme\"}";
        String jwt = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".signature";

        // When / Then
        assertThat(Infra.tokenClaim(jwt, "tenant")).isEqualTo("acme");
        assertThat(Infra.tokenClaim(jwt, "missing")).isNull();
    }

    @Test
    void shouldFindTheCheckoutRootFromAModuleDirectory(@TempDir Path checkout) throws Exception {
        // Given
        Files.writeString(checkout.resolve("aide"), "#!/usr/bin/env bash\n");
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Path module = Files.createDirectories(checkout.resolve("document-service/target"));

        // When
        Path root = AideTestEnvironment.findRoot(module);

        // Then
        assertThat(root).isEqualTo(checkout.toAbsolutePath());
    }

    @Test
    void shouldExplainWhenNoCheckoutIsFound(@TempDir Path elsewhere) {
        // Given / When / Then
        assertThatThrownBy(() -> AideTestEnvironment.findRoot(elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no ./aide script found");
    }
}
