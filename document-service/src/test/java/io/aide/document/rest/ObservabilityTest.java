package io.aide.document.rest;

import io.aide.testsupport.ManagementInterface;
import io.aide.testsupport.InternalCalls;
import io.aide.document.InMemoryMessaging;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;


import static io.aide.document.TestDocuments.MAPPING_CSV;
import static io.aide.document.TestDocuments.tenant;
import static io.aide.document.TestDocuments.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
@QuarkusTestResource(value = InMemoryMessaging.class, restrictToAnnotatedClass = true)
class ObservabilityTest {


    @Test
    void shouldBeReadyOnlyWithPostgresKafkaAndS3Checked() {
        // Given / When / Then
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("s3", "Database connections health check"))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void shouldCountUploadsAndRefusalsInPrometheusMetrics() {
        // Given
        String tenant = tenant("acme");
        upload(tenant, "ok.csv", MAPPING_CSV).then().statusCode(202);
        upload(tenant, "empty.csv", "").then().statusCode(400);

        // When / Then
        given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200)
                .body(containsString("aide_documents_uploaded_total{format=\"csv\""))
                .body(containsString("aide_documents_refused_total{code=\"bad_mapping_file:empty\""));
    }

    @Test
    void shouldServeMetricsAndOpenApiOnlyOnTheManagementInterface() {
        // When / Then: the API port has neither (unknown there, so refused without an internal token), the
        // management port has metrics
        given().get("/q/metrics").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(404)))
                .body(org.hamcrest.Matchers.not(containsString("jvm_")));
        given().get("/q/openapi").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(404)))
                .body(org.hamcrest.Matchers.not(containsString("openapi: 3")));
        given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void shouldAnswerUnknownPathsWithProblemJson() {
        // Given / When / Then
        given().header(InternalCalls.HEADER, InternalCalls.token("acme")).get("/internal/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
    }
}
