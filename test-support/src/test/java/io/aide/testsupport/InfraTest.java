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
    }

    @Test
    void shouldPointAtTheTestEnvironmentPortsByDefault() {
        // Given no AIDE_* system property
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
        if (System.getenv("AIDE_PG_PORT") == null) {
            assertThat(Infra.pgPort()).isEqualTo(55532);
        }
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
