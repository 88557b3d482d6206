package io.aide.gateway;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.GenerationRequested;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class GenerationCommandTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void shouldPublishOneGenerationRequestedWhenTheSameIdIsPostedTwice() {
        // Given
        String documentId = documentWithStatus("parsed");
        String generationId = newGenerationId();
        Map<String, Object> body = Map.of("generationId", generationId, "documentId", documentId,
                "dialects", List.of("duckdb", "postgres"));

        // When
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON).body(body).post("/api/v1/generations")
                .then().statusCode(202)
                .body("generationId", org.hamcrest.Matchers.equalTo(generationId))
                .body("eventsUrl", org.hamcrest.Matchers.equalTo("/api/v1/generations/" + generationId + "/events"));
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON).body(body).post("/api/v1/generations")
                .then().statusCode(202);

        // Then
        List<Message<String>> published = commandsFor(generationId);
        assertThat(published).hasSize(1);
        Envelope envelope = EventJson.fromJson(published.get(0).getPayload(), Envelope.class);
        GenerationRequested requested = envelope.payloadAs(GenerationRequested.class);
        assertThat(envelope.tenantId()).isEqualTo("acme");
        assertThat(requested.documentId()).isEqualTo(documentId);
        assertThat(requested.dialects()).containsExactly("duckdb", "postgres");
        assertThat(requested.requestedBy()).isEqualTo("alice");
        assertThat(published.get(0).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey())
                .isEqualTo(generationId);
    }

    @Test
    void shouldResumeAFailedOrCancelledGenerationOnARepeatPostAndLeaveACompletedOneAlone() {
        // Given: two generations of alice, one failed and one completed, as sqlgen reports them
        String documentId = documentWithStatus("parsed");
        String failed = newGenerationId();
        String completed = newGenerationId();
        for (String[] g : new String[][] {{failed, "failed"}, {completed, "completed"}}) {
            given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                    .body(Map.of("generationId", g[0], "documentId", documentId)).post("/api/v1/generations")
                    .then().statusCode(202);
            GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/generations/" + g[0]))
                    .andMatching(GatewayTestResource.signedFor("acme"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"generation_id\":\"" + g[0] + "\",\"status\":\"" + g[1] + "\"}")));
        }

        // When
        String resumed = given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", failed, "documentId", documentId)).post("/api/v1/generations")
                .then().statusCode(202).extract().path("status");
        String untouched = given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", completed, "documentId", documentId)).post("/api/v1/generations")
                .then().statusCode(202).extract().path("status");

        // Then: the failed one is requested again with the same id and tenant; the completed one is not
        assertThat(resumed).isEqualTo("resuming");
        assertThat(untouched).isEqualTo("accepted");
        assertThat(commandsFor(failed)).hasSize(2).allSatisfy(m -> assertThat(
                EventJson.fromJson(m.getPayload(), Envelope.class).tenantId()).isEqualTo("acme"));
        assertThat(commandsFor(completed)).hasSize(1);
    }

    @Test
    void shouldAnswerAnIdAnotherTenantUsesExactlyLikeAFreshIdAndStartTheCallersOwnGeneration() {
        // Given: acme's generation of an id
        String generationId = newGenerationId();
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", generationId, "documentId", documentWithStatus("parsed")))
                .post("/api/v1/generations").then().statusCode(202);
        String fresh = newGenerationId();

        // When: globex posts the same id, and an id nobody uses
        Map<String, Object> taken = given().auth().oauth2(Tokens.bob()).contentType(ContentType.JSON)
                .body(Map.of("generationId", generationId, "documentId", documentWithStatus("parsed")))
                .post("/api/v1/generations").then().statusCode(202).extract().jsonPath().getMap("");
        Map<String, Object> unused = given().auth().oauth2(Tokens.bob()).contentType(ContentType.JSON)
                .body(Map.of("generationId", fresh, "documentId", documentWithStatus("parsed")))
                .post("/api/v1/generations").then().statusCode(202).extract().jsonPath().getMap("");

        // Then: the same answer, and globex's own generation of the id is requested beside acme's
        assertThat(taken.keySet()).isEqualTo(unused.keySet());
        assertThat(taken.get("status")).isEqualTo(unused.get("status")).isEqualTo("requested");
        assertThat(taken.get("generationId")).isEqualTo(generationId);
        assertThat(commandsFor(generationId)).extracting(m -> EventJson.fromJson(m.getPayload(), Envelope.class)
                .tenantId()).containsExactly("acme", "globex");
    }

    @Test
    void shouldAnswer409WhileTheDocumentIsStillParsing() {
        // When / Then
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("documentId", documentWithStatus("parsing"))).post("/api/v1/generations")
                .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("document_not_parsed:parsing"));
    }

    @Test
    void shouldAnswer422WhenTheDocumentFailedToParse() {
        // When / Then
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("documentId", documentWithStatus("failed"))).post("/api/v1/generations")
                .then().statusCode(422).body("code", org.hamcrest.Matchers.equalTo("document_not_parsed:failed"))
                .body("detail", containsString("mapping.csv"));
    }

    @Test
    void shouldAnswer404ForAnotherTenantsDocument() {
        // Given: document-service does not know the id for globex
        String documentId = "doc_" + UUID.randomUUID();
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/documents/" + documentId))
                .andMatching(GatewayTestResource.signedFor("globex"))
                .willReturn(aResponse().withStatus(404)));

        // When / Then
        given().auth().oauth2(Tokens.bob()).contentType(ContentType.JSON).body(Map.of("documentId", documentId))
                .post("/api/v1/generations").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldCarryTheChosenDataSourceIntoTheGenerationRequest() {
        // Given
        String dataSourceId = "ds_" + UUID.randomUUID().toString().substring(0, 8);
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/datasources/" + dataSourceId))
                .andMatching(GatewayTestResource.signedFor("acme"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"dataSourceId\":\"" + dataSourceId + "\",\"kind\":\"files\"}")));
        String generationId = newGenerationId();

        // When
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", generationId, "documentId", documentWithStatus("parsed"),
                        "dataSourceId", dataSourceId))
                .post("/api/v1/generations").then().statusCode(202);

        // Then
        GenerationRequested requested = EventJson.fromJson(commandsFor(generationId).get(0).getPayload(), Envelope.class)
                .payloadAs(GenerationRequested.class);
        assertThat(requested.dataSourceId()).isEqualTo(dataSourceId);
    }

    @Test
    void shouldAnswer422ForADataSourceTheTenantDoesNotHave() {
        // Given: document-service does not know the data source for acme
        String dataSourceId = "ds_" + UUID.randomUUID().toString().substring(0, 8);
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/datasources/" + dataSourceId))
                .willReturn(aResponse().withStatus(404)));
        String generationId = newGenerationId();

        // When / Then
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", generationId, "documentId", documentWithStatus("parsed"),
                        "dataSourceId", dataSourceId))
                .post("/api/v1/generations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("datasource_not_found"))
                .body("detail", containsString(dataSourceId));
        assertThat(commandsFor(generationId)).isEmpty();
    }

    @Test
    void shouldRejectAMalformedGenerationIdAndUnknownDialects() {
        // When / Then
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", "../../etc", "documentId", "d")).post("/api/v1/generations")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid_generation_id"));
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("documentId", "d", "dialects", List.of("oracle"))).post("/api/v1/generations")
                .then().statusCode(400).body("detail", containsString("oracle"));
    }

    @Test
    void shouldTurnARefinementIntoAnAiTaskForTheGeneration() {
        // Given
        String generationId = newGenerationId();
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", generationId, "documentId", documentWithStatus("parsed")))
                .post("/api/v1/generations").then().statusCode(202);

        // When
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("target", "order_facts", "blockName", "joins", "instruction", "use an inner join",
                        "references", List.of("@mapping[Orders:3]")))
                .post("/api/v1/generations/" + generationId + "/refine").then().statusCode(202);

        // Then
        List<AiTaskRequested> tasks = connector.<String>sink("ai-commands").received().stream()
                .map(m -> EventJson.fromJson(m.getPayload(), Envelope.class))
                .filter(e -> e.key().equals(generationId))
                .map(e -> e.payloadAs(AiTaskRequested.class)).toList();
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.kind()).isEqualTo("refine");
            assertThat(task.prompt()).isEqualTo("use an inner join");
            assertThat(task.context()).containsEntry("blockName", "joins")
                    .containsEntry("references", "@mapping[Orders:3]");
        });
    }

    @Test
    void shouldNotLetAnotherTenantEditOrCancelAGeneration() {
        // Given
        String generationId = newGenerationId();
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", generationId, "documentId", documentWithStatus("parsed")))
                .post("/api/v1/generations").then().statusCode(202);

        // When / Then
        given().auth().oauth2(Tokens.bob()).contentType(ContentType.JSON).body(Map.of("sql", "SELECT 1"))
                .post("/api/v1/generations/" + generationId + "/blocks/order_facts/joins").then().statusCode(404);
        given().auth().oauth2(Tokens.bob()).delete("/api/v1/generations/" + generationId).then().statusCode(404);
        assertThat(commandsFor(generationId)).hasSize(1);
    }

    private List<Message<String>> commandsFor(String generationId) {
        return connector.<String>sink("generation-commands").received().stream()
                .filter(m -> EventJson.fromJson(m.getPayload(), Envelope.class).key().equals(generationId))
                .<Message<String>>map(m -> m).toList();
    }

    static String newGenerationId() {
        return "gen_" + System.currentTimeMillis() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String documentWithStatus(String status) {
        String documentId = "doc_" + UUID.randomUUID();
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/documents/" + documentId))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"documentId\":\"" + documentId + "\",\"status\":\"" + status
                                + "\",\"fileName\":\"mapping.csv\"}")));
        return documentId;
    }
}
