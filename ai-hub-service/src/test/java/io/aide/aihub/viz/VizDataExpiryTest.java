package io.aide.aihub.viz;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A chart's result URL (GET /internal/v1/viz/data/{id}, what /api/v1/viz/data/{id} proxies) against the real
 * PostgreSQL: its tenant reads it until it expires (here after 10 s: the first request to a cold service on a loaded machine took
 * longer than 2 s), another tenant never; both refusals are the same
 * 404 problem, so an id tells nothing.
 */
@QuarkusTest
@TestProfile(VizDataExpiryTest.ShortLivedResults.class)
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
class VizDataExpiryTest {
    public static class ShortLivedResults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aide.viz.data-ttl", "10S");
        }
    }

    @Inject
    VizDataStore store;

    private static QueryResult byStatus() {
        return new QueryResult(List.of(new QueryResult.Column("status", "VARCHAR"), new QueryResult.Column("orders",
                "BIGINT")), List.of(List.of("placed", 13), List.of("shipped", 20)), false, 1L);
    }

    @Test
    void shouldServeAResultToItsTenantUntilItExpiresAndNeverToAnother() {
        // Given
        VizDataStore.Stored stored = store.store("acme", byStatus());
        String path = "/internal/v1/viz/data/" + stored.id();

        // When / Then: acme reads it, globex is refused as for an unknown id
        given().header(InternalCalls.HEADER, InternalCalls.token("acme", "alice")).get(path).then().statusCode(200)
                .body("rows[1][0]", equalTo("shipped"));
        given().header(InternalCalls.HEADER, InternalCalls.token("globex", "bob")).get(path).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("viz_data_not_found"));
        // and once its time is over, acme is refused too
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().header(InternalCalls.HEADER, InternalCalls.token("acme", "alice")).get(path).then()
                        .statusCode(404).body("code", equalTo("viz_data_not_found")));
    }
}
