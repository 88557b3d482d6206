package io.aide.document.rest;

import io.aide.testsupport.InternalCalls;
import io.aide.document.DocumentEvents;
import io.aide.document.FlakyStore;
import io.aide.document.config.DocumentConfig;
import io.aide.document.InMemoryMessaging;
import io.aide.document.client.ObjectStore;
import io.aide.document.messaging.DocumentEventsPublisher;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.MappingEdited;
import io.aide.events.v1.MappingParseFailed;
import io.aide.events.v1.MappingParsed;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.aide.document.TestDocuments.MAPPING_CSV;
import static io.aide.document.TestDocuments.as;
import static io.aide.document.TestDocuments.envelope;
import static io.aide.document.TestDocuments.tenant;
import static io.aide.document.TestDocuments.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
@QuarkusTestResource(value = InMemoryMessaging.class, restrictToAnnotatedClass = true)
class DocumentFlowTest {

    @Inject
    @org.eclipse.microprofile.reactive.messaging.spi.Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Inject
    ObjectStore store;

    @Inject
    DocumentConfig config;

    private InMemorySink<String> events;
    private InMemorySink<String> dlq;

    @BeforeEach
    void clearSinks() {
        events = connector.sink(DocumentEventsPublisher.CHANNEL);
        dlq = connector.sink(DocumentEventsPublisher.DLQ_CHANNEL);
        events.clear();
        dlq.clear();
    }

    private Envelope awaitEvent(String type, String documentId) {
        return new DocumentEvents(connector).await(type, documentId);
    }

    private void deliver(Envelope envelope) {
        new DocumentEvents(connector).deliver(envelope);
    }

    private String uploadAndParse(String tenant, String fileName, String csv) {
        String id = upload(tenant, fileName, csv).then().statusCode(202).extract().path("documentId");
        deliver(awaitEvent(DocumentUploaded.TYPE, id));
        awaitEvent(MappingParsed.TYPE, id);
        return id;
    }

    @Test
    void shouldAnswerAnUploadWithAnotherTenantsIdExactlyLikeOneWithAFreshIdAndLeaveTheirDocumentAlone() {
        // Given: tenant A's parsed document
        String tenantA = tenant("acme");
        String tenantB = tenant("globex");
        String id = "shared-" + tenantA;
        as(tenantA).multiPart("file", "customers.csv", MAPPING_CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("documentId", id).post("/internal/v1/documents").then().statusCode(202);
        deliver(awaitEvent(DocumentUploaded.TYPE, id));
        awaitEvent(MappingParsed.TYPE, id);
        events.clear();
        String other = MAPPING_CSV + "\n";

        // When: tenant B names A's id, and a fresh one
        Response taken = as(tenantB).multiPart("file", "other.csv", other.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("documentId", id).post("/internal/v1/documents");
        Response fresh = as(tenantB).multiPart("file", "other.csv", other.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("documentId", "fresh-" + tenantB).post("/internal/v1/documents");

        // Then: the same answer, B's document is B's own, and A's is as it was
        assertThat(taken.statusCode()).isEqualTo(202);
        assertThat(fresh.statusCode()).isEqualTo(202);
        assertThat(taken.jsonPath().getMap("").keySet()).isEqualTo(fresh.jsonPath().getMap("").keySet());
        assertThat(taken.jsonPath().getString("documentId")).isEqualTo(id);
        assertThat(taken.jsonPath().getString("status")).isEqualTo(fresh.jsonPath().getString("status"));
        assertThat(awaitEvent(DocumentUploaded.TYPE, id).tenantId()).isEqualTo(tenantB);
        as(tenantB).get("/internal/v1/documents/" + id).then().statusCode(200).body("fileName", equalTo("other.csv"));
        as(tenantA).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("fileName", equalTo("customers.csv")).body("status", equalTo("parsed"))
                .body("specVersion", equalTo(1)).body("rowsFound", equalTo(4));
        assertThat(store.read("tenants/" + tenantA + "/documents/" + id + "/raw/customers.csv"))
                .isEqualTo(MAPPING_CSV.getBytes(StandardCharsets.UTF_8));
        as(tenantA).get("/internal/v1/documents/" + id + "/versions").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void shouldRefuseAProjectIdThatIsNoProjectNameAndStoreNothing() {
        // Given
        String tenant = tenant("acme");
        String tooLong = "p".repeat(5000);

        // When
        Response upload = as(tenant).multiPart("file", "customers.csv", MAPPING_CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("projectId", tooLong).post("/internal/v1/documents");
        Response list = as(tenant).queryParam("projectId", "<script>").get("/internal/v1/documents");

        // Then: 400 problem+json naming the field, and no document stored
        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(upload.contentType()).startsWith("application/problem+json");
        assertThat(upload.jsonPath().getString("detail")).contains("projectId").contains("5000 characters");
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.jsonPath().getString("detail")).contains("projectId '<script>'");
        as(tenant).get("/internal/v1/documents").then().statusCode(200).body("", hasSize(0));
        as(tenant).queryParam("projectId", "Q4 finance.v2_draft-1").get("/internal/v1/documents").then().statusCode(200);
        as(tenant).queryParam("projectId", "Données_été").get("/internal/v1/documents").then().statusCode(200);
    }

    @Test
    void shouldStoreTheUploadAndPublishDocumentUploaded() {
        // Given
        String tenant = tenant("acme");

        // When
        String id = upload(tenant, "customers.csv", MAPPING_CSV).then()
                .statusCode(202)
                .body("status", equalTo("parsing"))
                .body("documentId", notNullValue())
                .extract().path("documentId");

        // Then
        Envelope uploaded = awaitEvent(DocumentUploaded.TYPE, id);
        DocumentUploaded payload = uploaded.payloadAs(DocumentUploaded.class);
        assertThat(uploaded.tenantId()).isEqualTo(tenant);
        assertThat(payload.objectKey()).isEqualTo("tenants/" + tenant + "/documents/" + id + "/raw/customers.csv");
        assertThat(payload.uploadedBy()).isEqualTo("alice");
        assertThat(store.exists(payload.objectKey())).isTrue();
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("status", equalTo("parsing")).body("fileName", equalTo("customers.csv"));
    }

    @Test
    void shouldParseAnUploadedDocumentAndPublishMappingParsed() {
        // Given
        String tenant = tenant("acme");
        String id = upload(tenant, "customers.csv", MAPPING_CSV).then().statusCode(202).extract().path("documentId");

        // When
        deliver(awaitEvent(DocumentUploaded.TYPE, id));

        // Then
        MappingParsed parsed = awaitEvent(MappingParsed.TYPE, id).payloadAs(MappingParsed.class);
        assertThat(parsed.specVersion()).isEqualTo(1);
        assertThat(parsed.rowsFound()).isEqualTo(4);
        assertThat(parsed.targets()).containsExactlyInAnyOrderEntriesOf(Map.of("dim_customer", 2, "fact_orders", 2));
        assertThat(parsed.specObjectKey()).isEqualTo("tenants/" + tenant + "/documents/" + id + "/spec/v1.json");
        assertThat(store.exists(parsed.specObjectKey())).isTrue();
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("status", equalTo("parsed"))
                .body("rowsFound", equalTo(4))
                .body("targets.dim_customer", equalTo(2))
                .body("specVersion", equalTo(1))
                .body("headerMapping", notNullValue())
                .body("diagnostics", notNullValue());
        as(tenant).get("/internal/v1/documents/" + id + "/rows").then().statusCode(200)
                .body("rows", hasSize(4))
                .body("rows.targetColumn", hasItem("full_name"));
        as(tenant).get("/internal/v1/documents/" + id + "/spec").then().statusCode(200)
                .body("documentId", equalTo(id)).body("version", equalTo(1)).body("rows", hasSize(4));
    }

    @Test
    void shouldRetryAnObjectStoreOutageAndParseOnceItIsBack() {
        // Given the raw file cannot be read twice, then can
        FlakyStore flaky = new FlakyStore(config, 2);
        QuarkusMock.installMockForType(flaky, ObjectStore.class);
        String tenant = tenant("acme");
        String id = upload(tenant, "customers.csv", MAPPING_CSV).then().statusCode(202).extract().path("documentId");

        // When
        deliver(awaitEvent(DocumentUploaded.TYPE, id));

        // Then
        MappingParsed parsed = awaitEvent(MappingParsed.TYPE, id).payloadAs(MappingParsed.class);
        assertThat(parsed.rowsFound()).isEqualTo(4);
        assertThat(flaky.reads.get()).isEqualTo(3);
        assertThat(dlq.received()).isEmpty();
    }

    @Test
    void shouldGiveUpAfterThreeAttemptsAndSayWhyOnTheDocument() {
        // Given an outage longer than the retries
        FlakyStore flaky = new FlakyStore(config, 10);
        QuarkusMock.installMockForType(flaky, ObjectStore.class);
        String tenant = tenant("acme");
        String id = upload(tenant, "customers.csv", MAPPING_CSV).then().statusCode(202).extract().path("documentId");

        // When
        deliver(awaitEvent(DocumentUploaded.TYPE, id));

        // Then
        MappingParseFailed failed = awaitEvent(MappingParseFailed.TYPE, id).payloadAs(MappingParseFailed.class);
        assertThat(failed.code()).isEqualTo("processing_failed");
        assertThat(failed.message()).contains("simulated outage").contains("Upload it again");
        assertThat(flaky.reads.get()).isEqualTo(3);
        assertThat(dlq.received()).hasSize(1);
    }

    @Test
    void shouldHandleARedeliveredEventOnlyOnce() {
        // Given
        String tenant = tenant("acme");
        String id = upload(tenant, "customers.csv", MAPPING_CSV).then().statusCode(202).extract().path("documentId");
        Envelope uploaded = awaitEvent(DocumentUploaded.TYPE, id);
        deliver(uploaded);
        awaitEvent(MappingParsed.TYPE, id);

        // When
        deliver(uploaded);
        String marker = uploadAndParse(tenant, "later.csv", MAPPING_CSV);

        // Then: the redelivery was consumed before the later document (one ordered channel) and made no version
        assertThat(marker).isNotNull();
        as(tenant).get("/internal/v1/documents/" + id + "/versions").then().statusCode(200).body("", hasSize(1));
        assertThat(events.received().stream().map(m -> envelope(m.getPayload()))
                .filter(e -> e.type().equals(MappingParsed.TYPE) && e.key().equals(id))).hasSize(1);
    }

    @Test
    void shouldMakeANewVersionForEveryEditAndDiffThem() {
        // Given
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant, "customers.csv", MAPPING_CSV);

        // When
        as(tenant).contentType(ContentType.JSON)
                .body("{\"transformation\": \"UPPER(CONCAT(FirstName, ' ', LastName))\", \"targetTable\": \"dim_person\"}")
                .patch("/internal/v1/documents/" + id + "/rows/customers:3")
                .then().statusCode(200)
                .body("specVersion", equalTo(2))
                .body("changed", equalTo(true))
                .body("row.transformation", equalTo("UPPER(CONCAT(FirstName, ' ', LastName))"));

        // Then
        MappingEdited edited = awaitEvent(MappingEdited.TYPE, id).payloadAs(MappingEdited.class);
        assertThat(edited.specVersion()).isEqualTo(2);
        assertThat(edited.changedRows()).containsExactly("@mapping[customers:3]");
        assertThat(edited.changedTargets()).containsExactlyInAnyOrder("dim_customer", "dim_person");
        assertThat(edited.editedBy()).isEqualTo("alice");
        as(tenant).get("/internal/v1/documents/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("reason", equalTo(List.of("parsed", "edited")));
        as(tenant).get("/internal/v1/documents/" + id + "/versions/1/diff/2").then().statusCode(200)
                .body("added", hasSize(0))
                .body("removed", hasSize(0))
                .body("changed", hasSize(1))
                .body("changed[0].ref", equalTo("@mapping[customers:3]"))
                .body("changed[0].fields.field", hasItem("transformation"))
                .body("changed[0].fields.find { it.field == 'targetTable' }.from", equalTo("dim_customer"))
                .body("changed[0].fields.find { it.field == 'targetTable' }.to", equalTo("dim_person"));
        as(tenant).get("/internal/v1/documents/" + id + "/rows?version=1").then()
                .body("rows.find { it.rowNumber == 3 }.targetTable", equalTo("dim_customer"));
        as(tenant).get("/internal/v1/documents/" + id).then()
                .body("specVersion", equalTo(2)).body("targets.dim_person", equalTo(1));
    }

    @Test
    void shouldSaveSeveralRowEditsAsOneNewVersionAndKeepTheOlderOnes() {
        // Given
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant, "customers.csv", MAPPING_CSV);
        events.clear();

        // When
        as(tenant).contentType(ContentType.JSON)
                .body("{\"baseVersion\": 1, \"rows\": {\"customers:2\": {\"description\": \"the customer key\"},"
                        + " \"@mapping[customers:3]\": {\"transformation\": \"UPPER(FirstName)\"}}}")
                .post("/internal/v1/documents/" + id + "/versions")
                .then().statusCode(201)
                .body("specVersion", equalTo(2))
                .body("changed", equalTo(true))
                .body("rows.ref", equalTo(List.of("@mapping[customers:2]", "@mapping[customers:3]")))
                .body("rows[1].row.transformation", equalTo("UPPER(FirstName)"))
                .body("rows[1].changes.field", equalTo(List.of("transformation")));

        // Then
        MappingEdited edited = awaitEvent(MappingEdited.TYPE, id).payloadAs(MappingEdited.class);
        assertThat(edited.specVersion()).isEqualTo(2);
        assertThat(edited.changedRows()).containsExactly("@mapping[customers:2]", "@mapping[customers:3]");
        as(tenant).get("/internal/v1/documents/" + id + "/versions").then()
                .body("version", equalTo(List.of(1, 2)))
                .body("[1].changedRows", equalTo(List.of("@mapping[customers:2]", "@mapping[customers:3]")));
        as(tenant).get("/internal/v1/documents/" + id + "/versions/1/diff/2").then()
                .body("changed.ref", equalTo(List.of("@mapping[customers:2]", "@mapping[customers:3]")));
        as(tenant).get("/internal/v1/documents/" + id + "/rows?version=1").then()
                .body("rows.find { it.rowNumber == 3 }.transformation", not(equalTo("UPPER(FirstName)")));
    }

    @Test
    void shouldRefuseAVersionWriteMadeOnAnOlderVersionWith409AndStoreNothing() {
        // Given
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant, "customers.csv", MAPPING_CSV);
        as(tenant).contentType(ContentType.JSON).body("{\"rows\": {\"customers:2\": {\"description\": \"first\"}}}")
                .post("/internal/v1/documents/" + id + "/versions").then().statusCode(201).body("specVersion", equalTo(2));

        // When / Then
        as(tenant).contentType(ContentType.JSON)
                .body("{\"baseVersion\": 1, \"rows\": {\"customers:3\": {\"description\": \"second\"}}}")
                .post("/internal/v1/documents/" + id + "/versions")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("stale_version"))
                .body("detail", containsString("version 2"));
        as(tenant).contentType(ContentType.JSON).body("{\"rows\": {}}")
                .post("/internal/v1/documents/" + id + "/versions")
                .then().statusCode(400).body("code", equalTo("invalid_edit"));
        as(tenant).contentType(ContentType.JSON)
                .body("{\"rows\": {\"customers:2\": {\"description\": \"x\"}, \"customers:99\": {\"description\": \"y\"}}}")
                .post("/internal/v1/documents/" + id + "/versions")
                .then().statusCode(404).body("detail", containsString("@mapping[customers:99]"));
        as(tenant).get("/internal/v1/documents/" + id + "/versions").then().body("version", equalTo(List.of(1, 2)));
    }

    @Test
    void shouldAnswerAnEditOfAMissingRowWith404NamingIt() {
        // Given
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant, "customers.csv", MAPPING_CSV);

        // When / Then
        as(tenant).contentType(ContentType.JSON).body("{\"transformation\": \"x\"}")
                .patch("/internal/v1/documents/" + id + "/rows/customers:99")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("row_not_found"))
                .body("detail", containsString("@mapping[customers:99]"));
    }

    @Test
    void shouldNotLetOneTenantReadAnothersDocument() {
        // Given
        String acme = tenant("acme");
        String globex = tenant("globex");
        String id = uploadAndParse(acme, "customers.csv", MAPPING_CSV);

        // When / Then
        as(globex).get("/internal/v1/documents/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("document_not_found"));
        as(globex).get("/internal/v1/documents/" + id + "/rows").then().statusCode(404);
        as(globex).get("/internal/v1/documents/" + id + "/spec").then().statusCode(404);
        as(globex).contentType(ContentType.JSON).body("{\"transformation\": \"x\"}")
                .patch("/internal/v1/documents/" + id + "/rows/customers:2").then().statusCode(404);
        as(globex).get("/internal/v1/documents").then().statusCode(200).body("documentId", not(hasItem(id)));
        as(acme).get("/internal/v1/documents").then().statusCode(200).body("documentId", hasItem(id));
    }

    @Test
    void shouldListTheTenantsDocumentsNewestFirst() {
        // Given
        String tenant = tenant("acme");
        String first = upload(tenant, "first.csv", MAPPING_CSV).then().statusCode(202).extract().path("documentId");
        String second = upload(tenant, "second.csv", MAPPING_CSV).then().statusCode(202).extract().path("documentId");

        // When / Then
        as(tenant).get("/internal/v1/documents").then().statusCode(200)
                .body("documentId", equalTo(List.of(second, first)))
                .body("fileName", equalTo(List.of("second.csv", "first.csv")));
    }

    @Test
    void shouldMarkTheDocumentFailedAndPublishMappingParseFailedWhenTheParserRefusesIt() {
        // Given: a file stored by another producer (the gateway) that the parser refuses
        String tenant = tenant("acme");
        String id = "doc_notes_" + tenant;
        String key = "tenants/" + tenant + "/documents/" + id + "/raw/notes.csv";
        store.put(key, "city,population\nParis,2100000\n".getBytes(), "text/csv");

        // When
        deliver(Envelope.of(tenant, "corr-1", id, new DocumentUploaded(id, "notes.csv", key, "text/csv", 30, null,
                null, "alice")));

        // Then
        MappingParseFailed failed = awaitEvent(MappingParseFailed.TYPE, id).payloadAs(MappingParseFailed.class);
        assertThat(failed.code()).isEqualTo("bad_mapping_file:not_a_mapping");
        assertThat(failed.message()).contains("notes.csv");
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("error.code", equalTo("bad_mapping_file:not_a_mapping"))
                .body("error.message", containsString("notes.csv"));
        as(tenant).get("/internal/v1/documents/" + id + "/rows").then().statusCode(409)
                .body("code", equalTo("document_failed"));
    }

    @Test
    void shouldDeadLetterAnEventWhoseRawFileIsMissingAndSayWhyOnTheDocument() throws Exception {
        // Given
        String tenant = tenant("acme");
        String id = "doc_missing_" + tenant;
        Envelope uploaded = Envelope.of(tenant, null, id, new DocumentUploaded(id, "gone.xlsx",
                "tenants/" + tenant + "/documents/" + id + "/raw/gone.xlsx", null, 10, null, null, "alice"));

        // When
        deliver(uploaded);

        // Then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dlq.received()).hasSize(1));
        String letter = dlq.received().get(0).getPayload();
        assertThat(EventJson.mapper().readTree(letter).path("reason").asText()).contains("does not exist");
        assertThat(EventJson.mapper().readTree(letter).path("original").asText()).contains(uploaded.eventId());
        // the letter is sent before the document is marked failed
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(tenant).get("/internal/v1/documents/" + id)
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("error.message", containsString("gone.xlsx")));
    }

    @Test
    void shouldDeadLetterAnEventPointingIntoAnotherTenantsFiles() {
        // Given
        String tenant = tenant("acme");
        Envelope uploaded = Envelope.of(tenant, null, "doc_x", new DocumentUploaded("doc_x", "m.csv",
                "tenants/globex/documents/doc_x/raw/m.csv", null, 10, null, null, "mallory"));

        // When
        deliver(uploaded);

        // Then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dlq.received()).hasSize(1));
        assertThat(dlq.received().get(0).getPayload()).contains("outside tenant");
        as(tenant).get("/internal/v1/documents/doc_x").then().statusCode(404);
    }

    @Test
    void shouldRenderTheDataDictionaryAsMarkdownAndHtml() {
        // Given
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant, "customers.csv", MAPPING_CSV);

        // When / Then
        as(tenant).get("/internal/v1/documents/" + id + "/dictionary?format=md").then().statusCode(200)
                .contentType(containsString("text/markdown")).body(containsString("dim_customer"));
        as(tenant).get("/internal/v1/documents/" + id + "/dictionary?format=html").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("fact_orders"));
        as(tenant).get("/internal/v1/documents/" + id + "/dictionary?format=pdf").then().statusCode(400)
                .body("code", equalTo("invalid_format"));
    }

    @Test
    void shouldReparseWithHeaderOverridesIntoANewVersion() {
        // Given
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant, "customers.csv", MAPPING_CSV);
        events.clear();

        // When
        as(tenant).contentType(ContentType.JSON).body("{\"headerOverrides\": {\"transformation\": \"Transformation Rule\"}}")
                .post("/internal/v1/documents/" + id + "/reparse").then().statusCode(202)
                .body("status", equalTo("parsing"));
        deliver(awaitEvent(DocumentUploaded.TYPE, id));

        // Then
        MappingParsed parsed = awaitEvent(MappingParsed.TYPE, id).payloadAs(MappingParsed.class);
        assertThat(parsed.specVersion()).isEqualTo(2);
        as(tenant).get("/internal/v1/documents/" + id + "/versions").then()
                .body("reason", equalTo(List.of("parsed", "reparsed")));
    }

    @Test
    void shouldWarnAboutSourceTablesUnknownToTheTenantsDataSources() {
        // Given
        String tenant = tenant("acme");
        as(tenant).multiPart("file", "Customer.csv", "CustomerID,FirstName,LastName\n1,Ana,Lee\n".getBytes(), "text/csv")
                .post("/internal/v1/datasources/upload").then().statusCode(201);

        // When
        String id = uploadAndParse(tenant, "customers.csv", MAPPING_CSV);

        // Then
        List<Map<String, String>> diagnostics = as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .extract().path("diagnostics.findAll { it.code == 'source_table_unknown' }");
        assertThat(diagnostics).isNotEmpty();
        assertThat(diagnostics).allSatisfy(d -> assertThat(d.get("message")).contains("Orders"));
    }

    @Test
    void shouldRefuseACallThatOnlyNamesATenantInAHeader() {
        // Given
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant, "customers.csv", MAPPING_CSV);

        // When
        var spoofed = io.restassured.RestAssured.given().header("X-Aide-Tenant", tenant).header("X-Aide-User", "mallory")
                .get("/internal/v1/documents/" + id);
        var reparse = io.restassured.RestAssured.given().header("X-Aide-Tenant", tenant).header("X-Aide-User", "mallory")
                .post("/internal/v1/documents/" + id + "/reparse");
        var forged = io.restassured.RestAssured.given().header(InternalCalls.HEADER, "eyJhbGciOiJub25lIn0.e30.")
                .header("X-Aide-Tenant", tenant).get("/internal/v1/documents");

        // Then
        for (var refused : java.util.List.of(spoofed, reparse, forged)) {
            refused.then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("unauthorized:internal_token"));
        }
        assertThat(spoofed.asString()).doesNotContain("customers.csv");
    }

    @Test
    void shouldTakeTheTenantFromTheSignedTokenNotFromTheHeader() {
        // Given: acme's document, and globex's valid token sent with X-Aide-Tenant naming acme
        String owner = tenant("acme");
        String id = uploadAndParse(owner, "customers.csv", MAPPING_CSV);
        String intruder = tenant("globex");

        // When
        var answer = io.restassured.RestAssured.given().header(InternalCalls.HEADER, InternalCalls.token(intruder))
                .header("X-Aide-Tenant", owner).get("/internal/v1/documents/" + id);

        // Then
        answer.then().statusCode(404).contentType("application/problem+json");
        as(owner).get("/internal/v1/documents/" + id).then().statusCode(200);
    }

    @Test
    void shouldRefuseUnknownHeaderOverridesBeforeStoringAnything() {
        // Given
        String tenant = tenant("acme");

        // When / Then
        as(tenant).multiPart("file", "m.csv", MAPPING_CSV.getBytes(), "text/csv")
                .multiPart("headerOverrides", "{\"target_colour\": \"Colour\"}")
                .post("/internal/v1/documents").then().statusCode(400)
                .body("code", equalTo("invalid_header_overrides"))
                .body("detail", containsString("target_colour"));
        as(tenant).get("/internal/v1/documents").then().body("", hasSize(0));
    }
}
