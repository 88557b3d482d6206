package io.aide.sqlgen;

import io.aide.testsupport.InternalCalls;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "sqlgen_test"))
class GenerationResourceTest {
    private static final String ACME = "acme";
    private static final String GLOBEX = "globex";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectStore store;

    String generationId;
    String documentId;

    @BeforeEach
    void completedGeneration() {
        Bus bus = new Bus(connector, store);
        generationId = Fixtures.id("gen");
        documentId = Fixtures.id("doc");
        bus.request(ACME, generationId, Fixtures.spec(ACME, documentId, 1, Fixtures.orderFacts()),
                List.of("duckdb", "postgres"), List.of());
        bus.awaitValidation(generationId, 1);
        bus.summary(ACME, generationId, "pass");
        bus.awaitEvent(generationId, io.aide.events.v1.GenerationCompleted.class);
    }

    @Test
    void shouldHideAGenerationFromAnotherTenant() {
        // When
        Response other = given().header(InternalCalls.HEADER, InternalCalls.token(GLOBEX)).get("/internal/v1/generations/" + generationId);
        Response artifact = given().header(InternalCalls.HEADER, InternalCalls.token(GLOBEX))
                .get("/internal/v1/generations/" + generationId + "/artifacts/postgres");
        Response list = given().header(InternalCalls.HEADER, InternalCalls.token(GLOBEX)).queryParam("documentId", documentId)
                .get("/internal/v1/generations");

        // Then
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.jsonPath().getString("code")).isEqualTo("generation_not_found");
        assertThat(other.asString()).doesNotContain("order_facts");
        assertThat(artifact.statusCode()).isEqualTo(404);
        assertThat(list.jsonPath().getList("$")).isEmpty();
    }

    @Test
    void shouldServeTheHashmapAndTheListToTheOwningTenant() {
        // When / Then
        given().header(InternalCalls.HEADER, InternalCalls.token(ACME)).get("/internal/v1/generations/" + generationId)
                .then().statusCode(200)
                .body("generation_id", equalTo(generationId))
                .body("semantic_layer_name", equalTo("order_facts"))
                .body("status", equalTo("completed"))
                .body("columnsNeedingAttention", equalTo(0))
                .body("primary_dialect", equalTo("duckdb"))
                .body("blocks.joins.sql_by_dialect.duckdb", containsString("customers"))
                .body("blocks.joins.sql_by_dialect.postgres", containsString("customers"))
                .body("layers[0].target", equalTo("order_facts"))
                .body("metadata.mapping_file", equalTo("orders_mapping.csv"));
        given().header(InternalCalls.HEADER, InternalCalls.token(ACME)).queryParam("documentId", documentId).get("/internal/v1/generations")
                .then().statusCode(200).body("generationId", hasItem(generationId));
    }

    @Test
    void shouldServeOneDialectsTextAloneAndRefuseADialectThatIsNoSqlDialect() {
        // When
        Response postgres = given().header(InternalCalls.HEADER, InternalCalls.token(ACME))
                .queryParam("dialect", "postgres").get("/internal/v1/generations/" + generationId);
        Response pyspark = given().header(InternalCalls.HEADER, InternalCalls.token(ACME))
                .queryParam("dialect", "pyspark").get("/internal/v1/generations/" + generationId);

        // Then
        assertThat(postgres.statusCode()).isEqualTo(200);
        assertThat(postgres.jsonPath().getString("blocks.joins.dialect")).isEqualTo("postgres");
        assertThat(postgres.jsonPath().getString("blocks.joins.sql")).contains("customers");
        assertThat(postgres.jsonPath().getMap("blocks.joins")).doesNotContainKey("sql_by_dialect");
        assertThat(pyspark.statusCode()).isEqualTo(400);
        assertThat(pyspark.jsonPath().getString("code")).isEqualTo("unknown_dialect");
        assertThat(pyspark.jsonPath().getString("detail")).contains("pyspark").contains("duckdb, postgres");
    }

    @Test
    void shouldDownloadArtifactsWithTheirContentTypeAndFileName() {
        // When
        Response sql = given().header(InternalCalls.HEADER, InternalCalls.token(ACME))
                .get("/internal/v1/generations/" + generationId + "/artifacts/postgres");
        Response dbt = given().header(InternalCalls.HEADER, InternalCalls.token(ACME))
                .get("/internal/v1/generations/" + generationId + "/artifacts/dbt");
        Response pyspark = given().header(InternalCalls.HEADER, InternalCalls.token(ACME))
                .get("/internal/v1/generations/" + generationId + "/artifacts/pyspark");
        Response unknown = given().header(InternalCalls.HEADER, InternalCalls.token(ACME))
                .get("/internal/v1/generations/" + generationId + "/artifacts/cobol");
        Response notRequested = given().header(InternalCalls.HEADER, InternalCalls.token(ACME))
                .get("/internal/v1/generations/" + generationId + "/artifacts/snowflake");

        // Then
        assertThat(sql.statusCode()).isEqualTo(200);
        assertThat(sql.contentType()).startsWith("application/sql");
        assertThat(sql.header("Content-Disposition")).contains("order_facts_postgres.sql");
        assertThat(sql.asString()).containsIgnoringCase("create").contains("order_facts").contains("@mapping[");
        assertThat(dbt.contentType()).isEqualTo("application/zip");
        assertThat(dbt.asByteArray()).startsWith((byte) 'P', (byte) 'K');
        assertThat(pyspark.contentType()).startsWith("text/x-python");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.jsonPath().getString("code")).isEqualTo("unknown_dialect");
        assertThat(notRequested.statusCode()).isEqualTo(404);
        assertThat(notRequested.jsonPath().getString("detail")).contains("snowflake");
    }

    @Test
    void shouldServeColumnLineage() {
        // When / Then
        given().header(InternalCalls.HEADER, InternalCalls.token(ACME)).get("/internal/v1/generations/" + generationId + "/lineage")
                .then().statusCode(200)
                .body("targets[0].target", equalTo("order_facts"))
                .body("targets[0].columns.find { it.column == 'amount_usd' }.sources", hasItem(containsString("amount_cents")))
                .body("targets[0].columns.find { it.column == 'customer_name' }.mappingRef", equalTo("@mapping[Mapping:6]"));
    }

    @Test
    void shouldRefuseACallThatOnlyNamesATenantInAHeader() {
        // When
        var spoofed = given().header("X-Aide-Tenant", ACME).get("/internal/v1/generations/" + generationId);
        var foreignToken = given().header(InternalCalls.HEADER, InternalCalls.token(GLOBEX))
                .header("X-Aide-Tenant", ACME).get("/internal/v1/generations/" + generationId);

        // Then
        spoofed.then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized:internal_token"));
        assertThat(spoofed.asString()).doesNotContain("select_clause");
        foreignToken.then().statusCode(404).contentType("application/problem+json");
    }
}
