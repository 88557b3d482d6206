package io.aide.aihub.viz;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * A chart result too large to keep inline is served as Parquet to its tenant only, against the real PostgreSQL and
 * object store; with the service's own expiry (the short-lived results of {@link VizDataExpiryTest} could expire while
 * a loaded machine writes 600 rows).
 */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
class VizDataParquetTest {
    @Inject
    VizDataStore store;

    private static QueryResult.Column column(String name, String type) {
        return new QueryResult.Column(name, type);
    }

    @Test
    void shouldServeALargeResultAsParquetToItsTenantOnly() {
        // Given more rows than are kept inline
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rows.add(List.of("s" + i, i));
        }
        VizDataStore.Stored stored = store.store("acme", new QueryResult(List.of(column("status", "VARCHAR"),
                column("orders", "BIGINT")), rows, false, 1L));
        String path = "/internal/v1/viz/data/" + stored.id();

        // When / Then
        org.assertj.core.api.Assertions.assertThat(stored.size()).isEqualTo("large");
        org.assertj.core.api.Assertions.assertThat(stored.format()).isEqualTo("parquet");
        byte[] parquet = given().header(InternalCalls.HEADER, InternalCalls.token("acme", "alice")).get(path).then()
                .statusCode(200).contentType("application/vnd.apache.parquet").extract().asByteArray();
        org.assertj.core.api.Assertions.assertThat(new String(parquet, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");
        given().header(InternalCalls.HEADER, InternalCalls.token("globex", "bob")).get(path).then().statusCode(404);
    }
}
