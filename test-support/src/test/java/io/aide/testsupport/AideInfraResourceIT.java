package io.aide.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AideInfraResourceIT {

    @Test
    void shouldStartTheTestEnvironmentAndHandOutWorkingDatasourceSettings() throws Exception {
        // Given
        AideInfraResource resource = new AideInfraResource();
        resource.init(Map.of("schema", "testsupport"));

        // When
        Map<String, String> config = resource.start();

        // Then
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            connection.createStatement().execute("CREATE SCHEMA IF NOT EXISTS testsupport");
            ResultSet rs = connection.createStatement().executeQuery("SELECT current_database(), current_schema()");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("aide");
            assertThat(rs.getString(2)).isEqualTo("testsupport");
        }
    }

    @Test
    void shouldIssueTokensCarryingTheTenantOfEachDemoUser() {
        // Given
        AideTestEnvironment.ensureRunning();

        // When
        String alice = Infra.token("alice", "alice");
        String bob = Infra.token("bob", "bob");

        // Then
        assertThat(Infra.tokenClaim(alice, "tenant")).isEqualTo("acme");
        assertThat(Infra.tokenClaim(bob, "tenant")).isEqualTo("globex");
        assertThat(Infra.tokenPayload(alice)).contains("\"engineer\"");
        assertThat(Infra.tokenClaim(alice, "iss")).isEqualTo(Infra.oidcUrl());
    }

    @Test
    void shouldAnswerOnRedisAndS3() throws Exception {
        // Given
        AideTestEnvironment.ensureRunning();
        URI redis = URI.create(Infra.redisUrl());

        // When
        String pong;
        try (Socket socket = new Socket(redis.getHost(), redis.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[7];
            int read = in.readNBytes(buffer, 0, 7);
            pong = new String(buffer, 0, read, StandardCharsets.US_ASCII);
        }
        HttpURLConnection s3 = (HttpURLConnection) URI.create(Infra.s3Endpoint() + "/" + Infra.s3Bucket()).toURL().openConnection();
        int unsignedStatus = s3.getResponseCode();
        s3.disconnect();

        // Then
        assertThat(pong).isEqualTo("+PONG\r\n");
        assertThat(unsignedStatus).as("s3proxy rejects unsigned requests (v4 auth on)").isEqualTo(403);
    }
}
