package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's curl walk-through, as a test: upload -> parse -> generate -> validate -> SSE, through the gateway,
 * against real Kafka, Postgres, Redis, s3proxy and Keycloak.
 */
class WalkingSkeletonIT {
    private static String alice;
    private static String bob;

    @BeforeAll
    static void login() {
        alice = Stack.token("alice", "alice");
        bob = Stack.token("bob", "bob");
    }

    @Test
    void shouldStreamAGenerationFromUploadToCompletionInOrder() throws Exception {
        // Given: a CSV mapping uploaded and parsed
        String documentId = Mappings.uploadParsed(alice, "orders_mapping.csv");
        JsonNode document = Stack.json(Stack.get(alice, "/api/v1/documents/" + documentId).body());
        String generationId = Stack.newGenerationId();

        // When: the stream is opened before the generation starts, as the browser does
        SseStream stream = Stack.events(alice, generationId, null);
        CompletableFuture<List<SseEvent>> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done"));
        HttpResponse<String> started = Stack.postJson(alice, "/api/v1/generations",
                Map.of("generationId", generationId, "documentId", documentId, "dialects", List.of("duckdb", "postgres")));
        List<SseEvent> received = events.get(120, TimeUnit.SECONDS);

        // Then
        assertThat(document.path("rowsFound").asInt()).isEqualTo(6);
        assertThat(document.path("targets").path("order_facts").asInt()).isEqualTo(6);
        assertThat(stream.status).isEqualTo(200);
        assertThat(started.statusCode()).isEqualTo(202);
        List<String> names = received.stream().map(SseEvent::event).toList();
        assertThat(names).contains("progress", "block_update", "validation", "generation_complete");
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        assertThat(names.indexOf("generation_complete")).isEqualTo(names.size() - 2);
        // blocks arrive before validation, validation before completion
        assertThat(names.indexOf("block_update")).isLessThan(names.indexOf("validation"));
        assertThat(names.lastIndexOf("validation")).isLessThan(names.indexOf("generation_complete"));

        List<String> blocks = received.stream().filter(e -> e.event().equals("block_update"))
                .map(e -> e.json().path("block_name").asText()).toList();
        assertThat(blocks).contains("select_clause", "joins", "where_clause");
        JsonNode select = received.stream().filter(e -> e.event().equals("block_update"))
                .filter(e -> e.json().path("block_name").asText().equals("select_clause")).findFirst().orElseThrow().json();
        assertThat(select.path("block_data").path("sql").asText()).contains("order_id").contains("amount_usd");
        assertThat(select.path("block_data").path("status").asText()).isEqualTo("completed");

        // SSE ids are Kafka offsets of one partition: strictly increasing
        List<Long> ids = received.stream().filter(e -> e.id() != null && !e.id().isEmpty())
                .map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isNotEmpty().isSorted().doesNotHaveDuplicates();

        JsonNode progress = received.stream().filter(e -> e.event().equals("progress")).reduce((a, b) -> b)
                .orElseThrow().json();
        assertThat(progress.path("progress_percentage").isNumber())
                .as("progress_percentage is a number in %s", progress).isTrue();
        assertThat(progress.path("progress_percentage").asInt()).isBetween(0, 100);

        JsonNode complete = received.get(names.indexOf("generation_complete")).json();
        assertThat(complete.path("final_sql").asText()).containsIgnoringCase("create").contains("order_facts");
        assertThat(complete.path("filename").asText()).isNotBlank();

        // the artifact is downloadable, and the hashmap says completed
        HttpResponse<String> artifact = Stack.get(alice, "/api/v1/generations/" + generationId + "/artifacts/postgres");
        assertThat(artifact.statusCode()).isEqualTo(200);
        assertThat(artifact.body()).contains("order_facts").contains("@mapping[");
        JsonNode hashmap = Stack.json(Stack.get(alice, "/api/v1/generations/" + generationId).body());
        assertThat(hashmap.path("status").asText()).isEqualTo("completed");
        assertThat(hashmap.path("blocks").has("select_clause")).as("top-level blocks in %s", hashmap).isTrue();
        assertThat(hashmap.path("layers").isArray()).as("layers in %s", hashmap).isTrue();
        assertThat(hashmap.path("layers")).extracting(layer -> layer.path("target").asText()).contains("order_facts");
    }

    @Test
    void shouldReplayOnlyEventsAfterLastEventId() throws Exception {
        // Given: a finished generation
        String documentId = Mappings.uploadParsed(alice, "orders_mapping.csv");
        String generationId = Stack.newGenerationId();
        SseStream first = Stack.events(alice, generationId, null);
        CompletableFuture<List<SseEvent>> all = CompletableFuture.supplyAsync(() -> first.readUntil("done"));
        Stack.postJson(alice, "/api/v1/generations", Map.of("generationId", generationId, "documentId", documentId,
                "dialects", List.of("duckdb")));
        List<SseEvent> everything = all.get(120, TimeUnit.SECONDS);
        SseEvent middle = everything.stream().filter(e -> e.event().equals("block_update")).findFirst().orElseThrow();

        // When: the browser reconnects with Last-Event-ID
        SseStream resumed = Stack.events(alice, generationId, middle.id());
        List<SseEvent> replayed = CompletableFuture.supplyAsync(() -> resumed.readUntil("done")).get(60, TimeUnit.SECONDS);

        // Then
        long after = Long.parseLong(middle.id());
        assertThat(replayed).extracting(SseEvent::event).contains("generation_complete");
        assertThat(replayed.stream().filter(e -> e.id() != null && !e.id().isEmpty()).map(e -> Long.parseLong(e.id())))
                .allMatch(id -> id > after);
    }

    @Test
    void shouldUploadAnExcelWorkbookAndFindItsTargets() throws IOException {
        // Given
        Path workbook = Path.of(System.getProperty("aide.shared.dir", "../../shared"), "eval/jaffle-shop/mapping.xlsx");
        assertThat(Files.exists(workbook)).as("the shared eval set beside the repository (%s); run the suite with "
                + "../shared next to the checkout or -Daide.shared.dir", workbook).isTrue();

        // When
        String documentId = Mappings.uploadParsed(alice, "mapping.xlsx", Files.readAllBytes(workbook));
        JsonNode document = Stack.json(Stack.get(alice, "/api/v1/documents/" + documentId).body());

        // Then
        assertThat(document.path("fileName").asText()).isEqualTo("mapping.xlsx");
        assertThat(document.path("targets").has("customers")).isTrue();
        assertThat(document.path("targets").has("orders")).isTrue();
        assertThat(document.path("headerMapping").isObject()).isTrue();
    }

    @Test
    void shouldHideOneTenantsDocumentsAndStreamsFromAnother() throws Exception {
        // Given: an acme document and generation, followed to its end by alice; bob holds the stream of the same id
        // (his own generation of it: ids are scoped per tenant) and of an id nobody uses
        String documentId = Mappings.uploadParsed(alice, "orders_mapping.csv");
        String generationId = Stack.newGenerationId();
        SseStream alices = Stack.events(alice, generationId, null);
        SseStream bobs = Stack.events(bob, generationId, null);
        SseStream fresh = Stack.events(bob, Stack.newGenerationId(), null);
        CompletableFuture<List<SseEvent>> alicesEvents = CompletableFuture.supplyAsync(() -> alices.readUntil("done"));
        CompletableFuture.runAsync(() -> bobs.readUntil("done"));
        Stack.postJson(alice, "/api/v1/generations", Map.of("generationId", generationId, "documentId", documentId,
                "dialects", List.of("duckdb")));
        List<SseEvent> alicesAll = alicesEvents.get(120, TimeUnit.SECONDS);

        // When: bob of globex asks for them
        HttpResponse<String> doc = Stack.get(bob, "/api/v1/documents/" + documentId);
        HttpResponse<String> gen = Stack.get(bob, "/api/v1/generations/" + generationId);
        HttpResponse<String> list = Stack.get(bob, "/api/v1/documents");

        // Then: not found; his stream of the id opened as for a fresh id and got none of alice's events
        assertThat(doc.statusCode()).isEqualTo(404);
        assertThat(gen.statusCode()).isEqualTo(404);
        assertThat(list.body()).doesNotContain(documentId);
        assertThat(alicesAll).extracting(SseEvent::event).contains("block_update", "done");
        assertThat(bobs.status).isEqualTo(200).isEqualTo(fresh.status);
        assertThat(bobs.snapshot()).isEmpty();
        bobs.close();
        fresh.close();
    }

    @Test
    void shouldServeThePortalPageFromTheGateway() throws Exception {
        // When
        HttpResponse<String> page = Stack.HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Stack.GATEWAY + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).contains("text/html");
        assertThat(page.body()).contains("<title>AIDE</title>").contains("id=\"root\"").contains("/assets/");
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() {
        // When
        HttpResponse<String> noToken = Stack.get("not-a-token", "/api/v1/documents");

        // Then
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).doesNotContain("Exception");
    }

    @Test
    void shouldRefuseABadFileWithAProblemThatNamesIt() {
        // When
        HttpResponse<String> refused = Stack.upload(alice, "mapping.xlsx", "this is not a workbook".getBytes());

        // Then
        assertThat(refused.statusCode()).isBetween(400, 499);
        JsonNode problem = Stack.json(refused.body());
        assertThat(problem.path("detail").asText()).contains("mapping.xlsx");
        assertThat(problem.path("code").asText()).startsWith("bad_mapping_file");
    }

    @Test
    void shouldSayPlainlyThatNoLanguageModelIsConfigured() throws Exception {
        // Given: a finished generation
        String documentId = Mappings.uploadParsed(alice, "orders_mapping.csv");
        String generationId = Stack.newGenerationId();
        SseStream first = Stack.events(alice, generationId, null);
        CompletableFuture<List<SseEvent>> all = CompletableFuture.supplyAsync(() -> first.readUntil("done"));
        Stack.postJson(alice, "/api/v1/generations", Map.of("generationId", generationId, "documentId", documentId,
                "dialects", List.of("duckdb")));
        List<SseEvent> done = all.get(120, TimeUnit.SECONDS);
        String lastId = done.stream().filter(e -> e.id() != null && !e.id().isEmpty()).reduce((a, b) -> b).orElseThrow().id();

        // When: the user asks for a refinement, which needs a model, and follows the stream from its end
        HttpResponse<String> refine = Stack.postJson(alice, "/api/v1/generations/" + generationId + "/refine",
                Map.of("target", "order_facts", "blockName", "joins", "instruction", "use an inner join"));
        SseStream live = Stack.events(alice, generationId, lastId);
        CompletableFuture<List<SseEvent>> answer = CompletableFuture.supplyAsync(() -> live.readUntil("ai_result"));
        List<SseEvent> events = answer.get(60, TimeUnit.SECONDS);
        live.close();

        // Then
        assertThat(refine.statusCode()).isEqualTo(202);
        JsonNode result = events.get(events.size() - 1).json();
        assertThat(result.path("status").asText()).isEqualTo("not_configured");
        assertThat(result.path("code").asText()).isEqualTo("llm_not_configured");
        assertThat(result.path("message").asText()).contains("AIDE_LLM_BASE_URL");
    }
}
