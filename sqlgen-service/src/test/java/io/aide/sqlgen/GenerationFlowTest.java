package io.aide.sqlgen;

import io.aide.testsupport.InternalCalls;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.BlockEdited;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.GenerationCompleted;
import io.aide.events.v1.GenerationFailed;
import io.aide.events.v1.HashmapSynced;
import io.aide.events.v1.MappingEdited;
import io.aide.events.v1.Progress;
import io.aide.events.v1.Thought;
import io.aide.events.v1.ValidationRequested;
import io.aide.sqlgen.client.DataSourceClient;
import io.aide.sqlgen.client.DocumentClient;
import io.aide.sqlgen.client.DocumentClientErrors;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.sqlgen.persistence.GenerationKey;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.service.RuleCompilerAdapter;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "sqlgen_test"))
class GenerationFlowTest {
    private static final String TENANT = "acme";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectStore store;

    @Inject
    GenerationRepository repo;

    @Inject
    DataSource dataSource;

    Bus bus;

    @BeforeEach
    void bus() {
        bus = new Bus(connector, store);
    }

    @Test
    void shouldStreamHashmapProgressBlocksThenRequestValidation() {
        // Given
        String generationId = Fixtures.id("gen");
        MappingSpec spec = Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts());

        // When
        bus.request(TENANT, generationId, spec, List.of("duckdb", "postgres"), List.of());
        ValidationRequested validation = bus.awaitValidation(generationId, 1);

        // Then: the order of the stream
        List<Envelope> events = bus.events(generationId);
        List<String> types = events.stream().map(Envelope::type).toList();
        int initial = indexOf(events, "initial_load");
        int firstProgress = types.indexOf(Progress.TYPE);
        int firstBlock = types.indexOf(BlockUpdated.TYPE);
        int lastBlock = types.lastIndexOf(BlockUpdated.TYPE);
        int checkpoint = indexOf(events, "checkpoint");
        assertThat(initial).isZero().isLessThan(firstBlock);
        assertThat(firstProgress).isBetween(0, firstBlock);
        assertThat(checkpoint).isGreaterThan(lastBlock);

        // the seed hashmap announces the three blocks as pending
        JsonNode seed = events.get(initial).payloadAs(HashmapSynced.class).completeHashmap();
        assertThat(seed.path("generation_id").asText()).isEqualTo(generationId);
        assertThat(seed.path("status").asText()).isEqualTo("generating");
        assertThat(seed.path("blocks").path("select_clause").path("status").asText()).isEqualTo("pending");
        assertThat(seed.path("blocks").has("joins")).isTrue();
        assertThat(seed.path("blocks").has("where_clause")).isTrue();
        assertThat(seed.path("metadata").path("mapping_file").asText()).isEqualTo("orders_mapping.csv");
        assertThat(seed.path("metadata").path("total_blocks").asInt()).isEqualTo(3);

        // blocks carry the first dialect's SQL
        List<BlockUpdated> blocks = bus.events(generationId, BlockUpdated.class);
        assertThat(blocks).extracting(BlockUpdated::blockName).contains("select_clause", "joins", "where_clause");
        assertThat(blocks).allSatisfy(b -> {
            assertThat(b.target()).isEqualTo("order_facts");
            assertThat(b.dialect()).isEqualTo("duckdb");
            assertThat(b.status()).isEqualTo("completed");
            assertThat(b.version()).isEqualTo(1);
        });
        assertThat(block(blocks, "select_clause").sql()).contains("order_id").contains("amount_usd").contains("@mapping[");
        assertThat(block(blocks, "joins").sql()).containsIgnoringCase("left join").contains("customers");
        assertThat(block(blocks, "where_clause").sql()).contains("deleted");

        // progress has real counts and an estimate
        Progress lastCompile = bus.events(generationId, Progress.class).stream()
                .filter(p -> p.stage().equals("compiling")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastCompile.stats()).containsEntry("rows_compiled", 6).containsEntry("total_rows", 6)
                .containsEntry("target", "order_facts").containsKey("columns_flagged");
        assertThat(((Number) lastCompile.stats().get("blocks_completed")).intValue()).isGreaterThanOrEqualTo(3);
        assertThat(lastCompile.estimatedCompletion()).isNotNull();
        // every stage after compiling says when the generation should complete too
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(bus.events(generationId, Progress.class))
                .extracting(Progress::stage).contains("writing_artifacts", "validating"));
        assertThat(bus.events(generationId, Progress.class)).filteredOn(p -> !p.stage().equals("compiling"))
                .allSatisfy(p -> assertThat(p.estimatedCompletion()).as(p.stage()).isNotNull());

        // the checkpoint hashmap has every block completed
        JsonNode last = events.get(checkpoint).payloadAs(HashmapSynced.class).completeHashmap();
        assertThat(last.path("blocks").path("where_clause").path("status").asText()).isEqualTo("completed");
        assertThat(last.path("metadata").path("completed_blocks").asInt())
                .isEqualTo(last.path("metadata").path("total_blocks").asInt());
        assertThat(last.path("metadata").path("estimated_completion").isTextual()).isTrue();

        // validation gets the layers and the spec as claim checks
        assertThat(validation.layerObjectKey()).isEqualTo("tenants/acme/generations/" + generationId + "/layers-v1.json");
        assertThat(validation.specObjectKey()).isEqualTo("tenants/acme/documents/" + spec.documentId() + "/spec/v1.json");
        assertThat(validation.dialects()).containsExactly("duckdb", "postgres");
        GeneratedLayers layers = EventJson.fromJson(store.read(validation.layerObjectKey()), GeneratedLayers.class);
        assertThat(layers.layers()).singleElement().satisfies(l -> {
            assertThat(l.target()).isEqualTo("order_facts");
            assertThat(l.sql()).containsKeys("duckdb", "postgres");
            assertThat(l.columns()).extracting(GeneratedLayers.Column::name).contains("order_id", "amount_usd");
        });
        assertThat(new String(store.read("tenants/acme/generations/" + generationId + "/artifacts/postgres.sql"),
                StandardCharsets.UTF_8)).containsIgnoringCase("create").contains("order_facts");
        assertThat(store.read("tenants/acme/generations/" + generationId + "/artifacts/dbt.zip")).isNotEmpty();
    }

    @Test
    void shouldCompleteWithTheLayerFileWhenTheValidatorSummaryArrives() {
        // Given
        String generationId = Fixtures.id("gen");
        bus.request(TENANT, generationId, Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts()),
                List.of("postgres", "duckdb"), List.of());
        bus.awaitValidation(generationId, 1);

        // When
        bus.summary(TENANT, generationId, "pass");

        // Then
        GenerationCompleted completed = bus.awaitEvent(generationId, GenerationCompleted.class);
        assertThat(completed.finalSql()).containsIgnoringCase("create").contains("order_facts").contains("@mapping[");
        assertThat(completed.filename()).isEqualTo("order_facts_postgres.sql");
        assertThat(completed.artifacts()).containsEntry("postgres",
                "tenants/acme/generations/" + generationId + "/artifacts/postgres.sql").containsKeys("duckdb", "pyspark", "dbt");
        List<Envelope> events = bus.events(generationId);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(GenerationCompleted.TYPE);
        given().header(InternalCalls.HEADER, InternalCalls.token(TENANT)).get("/internal/v1/generations/" + generationId)
                .then().statusCode(200).body("status", equalTo("completed"))
                .body("blocks.select_clause.status", equalTo("completed"))
                .body("metadata.progress_percentage", equalTo(100));
    }

    @Test
    void shouldCompleteAndSaySoWhenValidationDoesNotAnswer() throws Exception {
        // Given: a generation waiting for validation whose deadline has passed
        String generationId = Fixtures.id("gen");
        bus.request(TENANT, generationId, Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts()),
                List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);

        // When
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update generations set validation_deadline = now() - interval '1 second' where id = ?")) {
            ps.setString(1, generationId);
            ps.executeUpdate();
        }

        // Then
        GenerationCompleted completed = bus.awaitEvent(generationId, GenerationCompleted.class);
        assertThat(completed.finalSql()).contains("order_facts");
        assertThat(bus.events(generationId, Thought.class)).extracting(Thought::content)
                .anySatisfy(t -> assertThat(t).contains("Validation did not answer"));
    }

    @Test
    void shouldCompileOnceWhenTheSameGenerationIsRequestedTwice() {
        // Given
        String generationId = Fixtures.id("gen");
        MappingSpec spec = Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts());
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);
        int blocksAfterFirst = bus.events(generationId, BlockUpdated.class).size();

        // When: the gateway retries with a new event, and Kafka redelivers the first one
        Envelope again = bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        bus.resend(again);

        // Then
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(bus.events(generationId, HashmapSynced.class))
                .extracting(HashmapSynced::reason).contains("recovery"));
        assertThat(bus.events(generationId, BlockUpdated.class)).hasSize(blocksAfterFirst);
        assertThat(bus.validations(generationId)).hasSize(1);
        assertThat(repo.blockVersions(key(generationId), "order_facts", "select_clause")).hasSize(1);
    }

    @Test
    void shouldKeepCompletedBlocksAndResumeFromTheFailedTarget() {
        // Given: the compiler breaks on customer_dim once
        QuarkusMock.installMockForType(new FailingOnce("customer_dim"), RuleCompilerAdapter.class);
        String generationId = Fixtures.id("gen");
        MappingSpec spec = Fixtures.ordersAndCustomers(TENANT, Fixtures.id("doc"), 1, "Upper case");
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        GenerationFailed failed = bus.awaitEvent(generationId, GenerationFailed.class);
        int blocksBeforeResume = bus.events(generationId, BlockUpdated.class).size();

        // When
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);

        // Then
        assertThat(failed.stage()).isEqualTo("compiling");
        assertThat(failed.code()).isEqualTo("compile_failed");
        assertThat(failed.message()).contains("customer_dim").contains("resume");
        List<BlockUpdated> blocks = bus.events(generationId, BlockUpdated.class);
        assertThat(blocks.subList(0, blocksBeforeResume)).extracting(BlockUpdated::target).containsOnly("order_facts");
        assertThat(blocks.subList(blocksBeforeResume, blocks.size())).isNotEmpty()
                .extracting(BlockUpdated::target).containsOnly("customer_dim");
        assertThat(bus.events(generationId, HashmapSynced.class)).extracting(HashmapSynced::reason).contains("recovery");
        assertThat(repo.blockVersions(key(generationId), "order_facts", "select_clause")).hasSize(1);
        GeneratedLayers layers = EventJson.fromJson(store.read(bus.validations(generationId).get(0).layerObjectKey()),
                GeneratedLayers.class);
        assertThat(layers.layers()).extracting(GeneratedLayers.Layer::target).containsExactly("order_facts", "customer_dim");
    }

    @Test
    void shouldStoreANewVersionAndRevalidateWhenABlockIsEdited() {
        // Given
        String generationId = Fixtures.id("gen");
        bus.request(TENANT, generationId, Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts()),
                List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);
        bus.summary(TENANT, generationId, "pass");
        bus.awaitEvent(generationId, GenerationCompleted.class);

        // When
        String edited = "WHERE orders.status <> 'deleted' AND orders.amount_cents > 0";
        bus.command(TENANT, generationId, new BlockEdited(generationId, "order_facts", "duckdb", "where_clause",
                edited, "alice"));
        ValidationRequested revalidation = bus.awaitValidation(generationId, 2);

        // Then
        BlockUpdated update = bus.events(generationId, BlockUpdated.class).stream()
                .filter(b -> b.version() == 2).findFirst().orElseThrow();
        assertThat(update.blockName()).isEqualTo("where_clause");
        assertThat(update.sql()).isEqualTo(edited);
        assertThat(revalidation.layerObjectKey()).endsWith("/layers-v2.json");
        GeneratedLayers layers = EventJson.fromJson(store.read(revalidation.layerObjectKey()), GeneratedLayers.class);
        assertThat(layers.layers().get(0).sql().get("duckdb")).contains("amount_cents > 0");
        given().header(InternalCalls.HEADER, InternalCalls.token(TENANT))
                .get("/internal/v1/generations/" + generationId + "/blocks/order_facts/where_clause/versions")
                .then().statusCode(200).body("size()", equalTo(2)).body("[1].origin", equalTo("edited"))
                .body("[1].createdBy", equalTo("alice")).body("[1].sql.duckdb", equalTo(edited));
    }

    @Test
    void shouldKeepValidatingWhenALateSummaryBelongsToAnOlderCheckpoint() {
        // Given a completed generation whose block edit asked for a second validation
        String generationId = Fixtures.id("gen");
        bus.request(TENANT, generationId, Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts()),
                List.of("duckdb"), List.of());
        ValidationRequested first = bus.awaitValidation(generationId, 1);
        bus.summary(TENANT, generationId, "pass", first.checkpoint());
        bus.awaitEvent(generationId, GenerationCompleted.class);
        bus.command(TENANT, generationId, new BlockEdited(generationId, "order_facts", "duckdb", "where_clause",
                "WHERE orders.amount_cents > 0", "alice"));
        ValidationRequested second = bus.awaitValidation(generationId, 2);

        // When the first run's summary arrives again, then the second one
        bus.summary(TENANT, generationId, "fail", first.checkpoint());
        bus.summary(TENANT, generationId, "pass", second.checkpoint());

        // Then only the current checkpoint's summary completes the generation
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(bus.events(generationId, GenerationCompleted.class))
                .hasSize(2));
        assertThat(second.checkpoint()).isGreaterThan(first.checkpoint());
        assertThat(bus.events(generationId, Thought.class)).extracting(Thought::content)
                .noneMatch(t -> t.startsWith("Validation reported fail"));
    }

    @Test
    void shouldKeepTheSameGenerationIdOfTwoTenantsAsTwoGenerations() {
        // Given: acme's generation of an id, compiled
        String generationId = Fixtures.id("gen");
        bus.request(TENANT, generationId, Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts()),
                List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);

        // When: globex requests a generation of the same id, of its own document
        bus.request("globex", generationId, Fixtures.spec("globex", Fixtures.id("doc"), 1,
                Fixtures.customerDim("Upper case")), List.of("duckdb"), List.of());

        // Then: globex's is compiled as a generation of its own, beside acme's, each under its tenant
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(bus.validations(generationId)).hasSize(2));
        assertThat(bus.validations(generationId)).extracting(ValidationRequested::layerObjectKey).containsExactly(
                "tenants/acme/generations/" + generationId + "/layers-v1.json",
                "tenants/globex/generations/" + generationId + "/layers-v1.json");
        assertThat(repo.find(TENANT, generationId).orElseThrow().targets()).containsExactly("order_facts");
        assertThat(repo.find("globex", generationId).orElseThrow().targets()).containsExactly("customer_dim");
        assertThat(bus.events(generationId)).filteredOn(e -> e.is(BlockUpdated.class)).allSatisfy(e ->
                assertThat(e.payloadAs(BlockUpdated.class).target())
                        .isEqualTo(e.tenantId().equals(TENANT) ? "order_facts" : "customer_dim"));
        assertThat(repo.blockVersions(key(generationId), "order_facts", "select_clause")).hasSize(1);
        assertThat(repo.blockVersions(new GenerationKey("globex", generationId), "order_facts", "select_clause"))
                .isEmpty();
    }

    @Test
    void shouldIgnoreABlockEditOfAnotherTenant() {
        // Given
        String generationId = Fixtures.id("gen");
        MappingSpec spec = Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts());
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);

        // When: globex edits acme's block, then acme's own retry shows the commands were processed
        bus.command("globex", generationId, new BlockEdited(generationId, "order_facts", "duckdb", "where_clause",
                "WHERE 1 = 1", "mallory"));
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(bus.events(generationId, HashmapSynced.class))
                .extracting(HashmapSynced::reason).contains("recovery"));

        // Then
        assertThat(repo.blockVersions(key(generationId), "order_facts", "where_clause")).singleElement()
                .satisfies(v -> assertThat(v.sql().get("duckdb")).doesNotContain("1 = 1"));
        assertThat(bus.events(generationId)).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(TENANT));
    }

    @Test
    void shouldRecompileOnlyTheEditedTargetWhenTheMappingChanges() {
        // Given
        String generationId = Fixtures.id("gen");
        String documentId = Fixtures.id("doc");
        bus.request(TENANT, generationId, Fixtures.ordersAndCustomers(TENANT, documentId, 1, "Upper case"),
                List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);
        bus.summary(TENANT, generationId, "pass");
        bus.awaitEvent(generationId, GenerationCompleted.class);
        int blocksBefore = bus.events(generationId, BlockUpdated.class).size();

        // When: customer_name of customer_dim becomes lower case in spec version 2
        String key = bus.storeSpec(Fixtures.ordersAndCustomers(TENANT, documentId, 2, "Lower case"));
        bus.document(TENANT, documentId, new MappingEdited(documentId, 2, key, List.of("@mapping[Mapping:11]"),
                List.of("customer_dim"), "alice"));
        ValidationRequested revalidation = bus.awaitValidation(generationId, 2);

        // Then
        List<BlockUpdated> recompiled = bus.events(generationId, BlockUpdated.class).subList(blocksBefore,
                bus.events(generationId, BlockUpdated.class).size());
        assertThat(recompiled).singleElement().satisfies(b -> {
            assertThat(b.target()).isEqualTo("customer_dim");
            assertThat(b.blockName()).isEqualTo("select_clause");
            assertThat(b.version()).isEqualTo(2);
            assertThat(b.sql()).containsIgnoringCase("lower");
        });
        assertThat(revalidation.specVersion()).isEqualTo(2);
        assertThat(repo.blockVersions(key(generationId), "order_facts", "select_clause")).hasSize(1);
        assertThat(bus.events(generationId, Thought.class)).extracting(Thought::content)
                .anySatisfy(t -> assertThat(t).contains("recompiling customer_dim").contains("order_facts unchanged"));
    }

    @Test
    void shouldJoinThroughTheForeignKeysOfTheChosenDataSourceAndValidateOnIt() {
        // Given a mapping that names no join, and a data source whose schema knows the keys
        String snapshot = """
                {"dataSourceId": "ds_sales", "snapshotId": 4, "schema": {"kind": "postgresql", "tables": [
                  {"schema": null, "name": "InvoiceLine", "columns": [{"name": "InvoiceLineId", "type": "integer"},
                     {"name": "InvoiceId", "type": "integer"}], "primaryKey": ["InvoiceLineId"],
                   "foreignKeys": [{"columns": ["InvoiceId"], "referencedTable": "Invoice", "referencedColumns": ["InvoiceId"]}]},
                  {"name": "Invoice", "columns": [{"name": "InvoiceId", "type": "integer"}, {"name": "CustomerId", "type": "integer"}],
                   "primaryKey": ["InvoiceId"],
                   "foreignKeys": [{"columns": ["CustomerId"], "referencedTable": "Customer", "referencedColumns": ["CustomerId"]}]},
                  {"name": "Customer", "columns": [{"name": "CustomerId", "type": "integer"}, {"name": "Country", "type": "text"}],
                   "primaryKey": ["CustomerId"]}]}}
                """;
        QuarkusMock.installMockForType((DataSourceClient) (tenant, correlation, id) -> {
            if (!TENANT.equals(tenant) || !"ds_sales".equals(id)) {
                throw new DocumentClientErrors.Refused(404, "not_found", "Data source '" + id + "' does not exist");
            }
            return snapshot;
        }, DataSourceClient.class, RestClient.LITERAL);
        String generationId = Fixtures.id("gen");
        MappingSpec spec = Fixtures.spec(TENANT, Fixtures.id("doc"), 1, List.of(
                Fixtures.row(3, "sales", "line_id", "INTEGER", "InvoiceLine", "InvoiceLineId", "Direct move", null, null, true),
                Fixtures.row(4, "sales", "country", "VARCHAR", "Customer", "Country", "Direct move",
                        "InvoiceLine -> Invoice -> Customer", null, false)));

        // When
        bus.command(TENANT, generationId, new io.aide.events.v1.GenerationRequested(generationId, spec.documentId(),
                spec.version(), bus.storeSpec(spec), List.of("duckdb"), List.of(), "alice", "ds_sales"));
        ValidationRequested validation = bus.awaitValidation(generationId, 1);

        // Then
        BlockUpdated joins = bus.events(generationId, BlockUpdated.class).stream()
                .filter(b -> b.blockName().equals("joins")).findFirst().orElseThrow();
        assertThat(joins.sql()).contains("\"Invoice\"").contains("\"Customer\"").contains("\"CustomerId\"");
        assertThat(validation.dataSourceId()).isEqualTo("ds_sales");
        assertThat(bus.events(generationId, Thought.class)).extracting(Thought::content)
                .anySatisfy(t -> assertThat(t).contains("Binding to data source ds_sales: 3 table(s)"));
        given().header(InternalCalls.HEADER, InternalCalls.token(TENANT)).get("/internal/v1/generations/" + generationId)
                .then().statusCode(200).body("dataSourceId", equalTo("ds_sales"))
                .body("timings.compileMillis", org.hamcrest.Matchers.greaterThan(0f));
    }

    @Test
    void shouldSayWhyItBindsToTheMappingAloneWhenTheDataSourceHasNoSnapshot() {
        // Given
        QuarkusMock.installMockForType((DataSourceClient) (tenant, correlation, id) -> {
            throw new DocumentClientErrors.Refused(404, "schema_not_introspected", "no snapshot");
        }, DataSourceClient.class, RestClient.LITERAL);
        String generationId = Fixtures.id("gen");
        MappingSpec spec = Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts());

        // When
        bus.command(TENANT, generationId, new io.aide.events.v1.GenerationRequested(generationId, spec.documentId(),
                spec.version(), bus.storeSpec(spec), List.of("duckdb"), List.of(), "alice", "ds_empty"));
        ValidationRequested validation = bus.awaitValidation(generationId, 1);

        // Then
        assertThat(validation.dataSourceId()).isEqualTo("ds_empty");
        assertThat(bus.events(generationId, Thought.class)).extracting(Thought::content)
                .anySatisfy(t -> assertThat(t).contains("Binding to the mapping alone").contains("ds_empty")
                        .contains("/introspect"));
        assertThat(bus.events(generationId, BlockUpdated.class)).extracting(BlockUpdated::blockName).contains("joins");
    }

    @Test
    void shouldFailWithAClearMessageWhenTheDocumentIsNotParsedYet() {
        // Given: no claim check, and document-service says the document is still parsing
        QuarkusMock.installMockForType((DocumentClient) (tenant, correlation, documentId, version) -> {
            throw new DocumentClientErrors.Refused(409, "document_not_parsed", "Document " + documentId + " is parsing");
        }, DocumentClient.class, RestClient.LITERAL);
        String generationId = Fixtures.id("gen");

        // When
        bus.command(TENANT, generationId, new io.aide.events.v1.GenerationRequested(generationId, "doc_parsing", 0,
                null, List.of("duckdb"), List.of(), "alice"));

        // Then
        GenerationFailed failed = bus.awaitEvent(generationId, GenerationFailed.class);
        assertThat(failed.stage()).isEqualTo("loading_spec");
        assertThat(failed.code()).isEqualTo("document_not_parsed");
        assertThat(failed.message()).contains("doc_parsing").contains("not parsed yet");
        assertThat(bus.events(generationId, BlockUpdated.class)).isEmpty();
    }

    private static int indexOf(List<Envelope> events, String reason) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).is(HashmapSynced.class)
                    && reason.equals(events.get(i).payloadAs(HashmapSynced.class).reason())) {
                return i;
            }
        }
        return -1;
    }

    private static BlockUpdated block(List<BlockUpdated> blocks, String name) {
        return blocks.stream().filter(b -> b.blockName().equals(name)).findFirst().orElseThrow();
    }

    private static GenerationKey key(String generationId) {
        return new GenerationKey(TENANT, generationId);
    }
}
