package io.aide.validator;

import io.aide.testsupport.ManagementInterface;
import io.aide.testsupport.InternalCalls;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.v1.ValidationReported;
import io.aide.events.v1.ValidationRequested;
import io.aide.testsupport.AideInfraResource;
import io.aide.validator.config.S3Config;
import io.aide.validator.messaging.ValidationCommandConsumer;
import io.aide.validator.messaging.ValidationEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "validation"))
class ValidationFlowTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CUSTOMERS = "id,name,status\n1,Ann,A\n2,Bob,I\n3,Cid,A\n";
    private static final String ORDERS = "order_id,customer_id\n10,1\n11,1\n12,2\n";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    S3Config s3;

    private TestStore store;
    private String tenant;
    private String generationId;

    @BeforeEach
    void setUp() {
        store = new TestStore(s3);
        tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        generationId = "gen_" + System.nanoTime();
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    private static GeneratedLayers layers(String generationId, String from) {
        String select = "SELECT\n  c.id AS customer_id,\n  c.name AS customer_name,\n"
                + "  CASE c.status WHEN 'A' THEN 'Active' WHEN 'I' THEN 'Inactive' END AS status_desc";
        String sql = select + "\n" + from;
        List<GeneratedLayers.Column> columns = List.of(
                new GeneratedLayers.Column("customer_id", "INTEGER", "@mapping[Map:2]", "compiled", null,
                        List.of("customers.id"), true, false, null, null),
                new GeneratedLayers.Column("customer_name", "VARCHAR(20)", "@mapping[Map:3]", "compiled", null,
                        List.of("customers.name"), false, false, null, null),
                new GeneratedLayers.Column("status_desc", "VARCHAR(10)", "@mapping[Map:4]", "compiled", null,
                        List.of("customers.status"), false, true, List.of("Active", "Inactive"), null));
        List<GeneratedLayers.Block> blocks = List.of(
                new GeneratedLayers.Block("select_clause", 1, 2, Map.of("duckdb", select),
                        List.of("@mapping[Map:2]", "@mapping[Map:3]", "@mapping[Map:4]")),
                new GeneratedLayers.Block("joins", 2, 1, Map.of("duckdb", from), List.of("@mapping[Map:5]")));
        return new GeneratedLayers(generationId, "doc_1", 1, 3, List.of(new GeneratedLayers.Layer("dim_customer",
                Map.of("duckdb", sql), null, blocks, columns, List.of("customers"), List.of("customer_id"))));
    }

    private String storeLayers(String tenantId, GeneratedLayers layers) {
        String key = "tenants/" + tenantId + "/generations/" + layers.generationId() + "/layers/v3.json";
        store.putJson(key, layers);
        return key;
    }

    private String storeSamples(String tenantId) {
        String id = "ds_" + UUID.randomUUID().toString().replace("-", "");
        store.putText("tenants/" + tenantId + "/datasources/" + id + "/files/customers.csv", CUSTOMERS);
        store.putText("tenants/" + tenantId + "/datasources/" + id + "/files/orders.csv", ORDERS);
        return id;
    }

    private Envelope request(String tenantId, String layerKey, String dataSourceId) {
        ValidationRequested payload = new ValidationRequested(generationId, "doc_1", 1, null, layerKey,
                List.of("duckdb"), dataSourceId, 3);
        Envelope envelope = Envelope.of(tenantId, "corr-" + generationId, generationId, payload);
        send(envelope);
        return envelope;
    }

    private void send(Envelope envelope) {
        connector.source(ValidationCommandConsumer.CHANNEL).send(EventJson.toJson(envelope));
    }

    private List<Envelope> envelopes() {
        return connector.<String>sink(ValidationEvents.CHANNEL).received().stream().map(Message::getPayload)
                .map(json -> EventJson.fromJson(json, Envelope.class)).filter(e -> generationId.equals(e.key())).toList();
    }

    private List<ValidationReported> reports() {
        return envelopes().stream().map(e -> e.payloadAs(ValidationReported.class)).toList();
    }

    private ValidationReported awaitSummary(int nth) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(reports()).filteredOn(r -> r.check().equals("summary"))
                .hasSizeGreaterThanOrEqualTo(nth));
        return reports().stream().filter(r -> r.check().equals("summary")).skip(nth - 1).findFirst().orElseThrow();
    }

    @Test
    void shouldPublishOneReportPerCheckInOrderAndAPassingSummary() {
        // Given
        String layerKey = storeLayers(tenant, layers(generationId, "FROM customers c"));
        String dataSource = storeSamples(tenant);

        // When
        request(tenant, layerKey, dataSource);

        // Then
        ValidationReported summary = awaitSummary(1);
        List<ValidationReported> reports = reports();
        assertThat(summary.status()).as(summary.message()).isEqualTo("pass");
        assertThat(reports).extracting(ValidationReported::index)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, summary.total()).boxed().toList());
        assertThat(reports).allSatisfy(r -> assertThat(r.total()).isEqualTo(summary.total()));
        assertThat(reports).extracting(ValidationReported::check)
                .startsWith("syntax", "binding", "execution", "pk_unique").endsWith("summary");
        assertThat(envelopes()).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(tenant));
        assertThat(reports.stream().filter(r -> r.check().equals("execution")).findFirst().orElseThrow().checkedCount())
                .isEqualTo(3);
    }

    @Test
    void shouldReportAFailedKeyCheckWithExamplesBlocksAndMappingRow() {
        // Given
        String layerKey = storeLayers(tenant, layers(generationId,
                "FROM customers c LEFT JOIN orders o ON o.customer_id = c.id"));
        String dataSource = storeSamples(tenant);

        // When
        request(tenant, layerKey, dataSource);

        // Then
        ValidationReported summary = awaitSummary(1);
        assertThat(summary.status()).isEqualTo("fail");
        ValidationReported pk = reports().stream().filter(r -> r.check().equals("pk_unique")).findFirst().orElseThrow();
        assertThat(pk.status()).isEqualTo("fail");
        assertThat(pk.blocks()).contains("joins");
        assertThat(pk.mappingRefs()).containsExactly("@mapping[Map:2]");
        assertThat(pk.examples()).hasSize(1);
        assertThat(pk.code()).isEqualTo("pk:duplicate");
        assertThat(pk.checkpoint()).isEqualTo(3);
        assertThat(pk.message()).contains("2 rows share a key value");
    }

    @Test
    void shouldStoreResultsPerGenerationAndServeThemOnlyToTheOwningTenant() {
        // Given
        String layerKey = storeLayers(tenant, layers(generationId, "FROM customers c"));
        request(tenant, layerKey, storeSamples(tenant));
        awaitSummary(1);

        // When / Then
        given().header(InternalCalls.HEADER, InternalCalls.token(tenant)).when().get("/internal/v1/validations/" + generationId)
                .then().statusCode(200)
                .body("status", equalTo("pass"))
                .body("checkpoint", equalTo(3))
                .body("results.check", hasItem("pk_unique"))
                .body("results.find { it.check == 'binding' }.blockVersions.select_clause", equalTo(2));
        given().header(InternalCalls.HEADER, InternalCalls.token("someone-else")).when().get("/internal/v1/validations/" + generationId)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found:validation"));
    }

    @Test
    void shouldHandleARedeliveredRequestOnce() {
        // Given
        String layerKey = storeLayers(tenant, layers(generationId, "FROM customers c"));
        Envelope envelope = request(tenant, layerKey, storeSamples(tenant));
        awaitSummary(1);
        int reported = reports().size();

        // When
        send(envelope);
        request(tenant, layerKey, null);

        // Then the second, new request runs; the redelivered one does not
        awaitSummary(2);
        assertThat(reports()).filteredOn(r -> r.check().equals("summary")).hasSize(2);
        assertThat(reports().size()).isLessThanOrEqualTo(reported * 2);
    }

    @Test
    void shouldValidateTheSameGenerationIdOfTwoTenantsAsTwoGenerations() {
        // Given a generation validated for its tenant
        String layerKey = storeLayers(tenant, layers(generationId, "FROM customers c"));
        request(tenant, layerKey, storeSamples(tenant));
        ValidationReported first = awaitSummary(1);
        String before = given().header(InternalCalls.HEADER, InternalCalls.token(tenant)).when()
                .get("/internal/v1/validations/" + generationId).then().statusCode(200).extract().asString();

        // When another tenant's generation of the same id (ids are scoped per tenant) is validated, on its own layers
        String other = "x" + tenant;
        request(other, storeLayers(other, layers(generationId, "FROM customers c WHERE c.id = 0")), null);

        // Then it runs as the other tenant's own generation, and each tenant reads only its own results
        ValidationReported second = awaitSummary(2);
        assertThat(first.status()).as(first.message()).isEqualTo("pass");
        assertThat(second.status()).as(second.message()).isNotEqualTo("error");
        assertThat(envelopes()).filteredOn(e -> e.payloadAs(ValidationReported.class).check().equals("summary"))
                .extracting(Envelope::tenantId).containsExactly(tenant, other);
        String theirs = given().header(InternalCalls.HEADER, InternalCalls.token(other)).when()
                .get("/internal/v1/validations/" + generationId).then().statusCode(200).extract().asString();
        assertThat(theirs).contains("\"generationId\":\"" + generationId + "\"").isNotEqualTo(before);
        assertThat(given().header(InternalCalls.HEADER, InternalCalls.token(tenant)).when()
                .get("/internal/v1/validations/" + generationId).then().statusCode(200).extract().asString())
                .isEqualTo(before);
    }

    @Test
    void shouldRefuseALayerKeyOutsideTheTenantsPrefix() {
        // Given
        String foreignKey = storeLayers("other" + tenant, layers(generationId, "FROM customers c"));

        // When
        request(tenant, foreignKey, null);

        // Then
        ValidationReported summary = awaitSummary(1);
        assertThat(summary.status()).isEqualTo("error");
        assertThat(summary.code()).isEqualTo("tenant:foreign_key");
        assertThat(summary.message()).contains("outside tenant " + tenant);
        assertThat(reports()).hasSize(1);
    }

    @Test
    void shouldRunOnSynthesizedRowsWhenTheRequestNamesNoSample() {
        // Given
        String layerKey = storeLayers(tenant, layers(generationId, "FROM customers c"));

        // When
        request(tenant, layerKey, null);

        // Then
        ValidationReported summary = awaitSummary(1);
        assertThat(summary.status()).as(summary.message()).isEqualTo("pass");
        assertThat(reports().stream().filter(r -> r.check().equals("execution")).findFirst().orElseThrow().checkedCount())
                .isEqualTo(20);
    }

    @Test
    void shouldRerunTheLatestRequestOnDemand() {
        // Given
        String layerKey = storeLayers(tenant, layers(generationId, "FROM customers c"));
        request(tenant, layerKey, storeSamples(tenant));
        awaitSummary(1);

        // When
        String validationId = given().header(InternalCalls.HEADER, InternalCalls.token(tenant)).when()
                .post("/internal/v1/validations/" + generationId + "/run")
                .then().statusCode(202).extract().path("validationId");

        // Then
        ValidationReported second = awaitSummary(2);
        assertThat(second.validationId()).isEqualTo(validationId);
        assertThat(second.status()).isEqualTo("pass");
        given().header(InternalCalls.HEADER, InternalCalls.token("stranger")).when().post("/internal/v1/validations/" + generationId + "/run")
                .then().statusCode(404);
    }

    @Test
    void shouldBeReadyAndCountChecksInMetrics() {
        // Given
        String layerKey = storeLayers(tenant, layers(generationId, "FROM customers c"));
        request(tenant, layerKey, null);
        awaitSummary(1);

        // When / Then
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("s3"));
        String metrics = given().when().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
        given().when().get("/q/metrics").then().statusCode(org.hamcrest.Matchers.oneOf(401, 404));
        assertThat(metrics).contains("validator_checks_total{check=\"execution\"");
    }

    @Test
    void shouldRefuseACallThatOnlyNamesATenantInAHeader() {
        // When / Then
        given().header("X-Aide-Tenant", tenant).when().get("/internal/v1/validations/" + generationId)
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized:internal_token"));
    }
}
