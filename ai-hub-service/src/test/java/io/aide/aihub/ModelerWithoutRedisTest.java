package io.aide.aihub;

import io.aide.testsupport.InternalCalls;

import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(ModelerWithoutRedisTest.RedisDown.class)
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = DocumentServiceStub.class, restrictToAnnotatedClass = true)
class ModelerWithoutRedisTest {
    /** Points the Redis client at a port nothing listens on. */
    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        }
    }

    @Inject
    DataSource database;

    @Test
    void shouldAnswer503ProblemJsonAndWriteNothingWhenRedisIsDown() throws Exception {
        // Given
        long before = conversations();

        // When
        given().header(InternalCalls.HEADER, InternalCalls.token("acme", "alice")).contentType(ContentType.JSON)
                .body("{\"dataSourceId\":\"" + DocumentServiceStub.DATA_SOURCE + "\"}")
                .post("/internal/v1/ai/modeler/sessions")

                // Then
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("redis_unavailable"))
                .body("detail", containsString("nothing was changed"));
        given().header(InternalCalls.HEADER, InternalCalls.token("acme", "alice")).contentType(ContentType.JSON)
                .body("{\"dataModelId\":\"dm_1\"}")
                .post("/internal/v1/ai/modeler/sessions/" + DocumentServiceStub.DATA_SOURCE + "/save")
                .then().statusCode(503).body("code", equalTo("redis_unavailable"));
        assertThat(conversations()).isEqualTo(before);
    }

    private long conversations() throws Exception {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM conversations")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
