package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.Part;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import io.aide.testsupport.ScriptedModelServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the AI hub's end-to-end suites share: one scripted OpenAI-compatible model server (the only double: the
 * language model lies outside the product), acme's tenant model pointed at it by acme's admin through the gateway,
 * and the jaffle-shop sample uploaded as a data source with a small mapping over it, made once per run with
 * unique ids (the test database is shared between runs).
 */
final class AiHubStack {
    static final Path JAFFLE_SOURCES = sharedDir().resolve("eval/jaffle-shop/sources");
    /** Each run's models carry this suffix, so a run only reads the requests it caused. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ACME_KEY = "sk-acme-" + RUN;
    static final String TARGET = "order_status";

    private static ScriptedModelServer model;
    private static String documentId;
    private static String dataSourceId;
    private static Generation generation;

    static synchronized ScriptedModelServer model() {
        if (model == null) {
            model = ScriptedModelServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(model::close));
        }
        return model;
    }

    static String alice() {
        return Stack.token("alice", "alice");
    }

    static String anna() {
        return Stack.token("anna", "anna");
    }

    static String bob() {
        return Stack.token("bob", "bob");
    }

    /** A model name unique to this run (scripted on the model server by the caller). */
    static String modelName(String what) {
        return what + "-" + RUN;
    }

    /** acme's admin points acme's tenant model at the scripted server, under {@code modelName}, with acme's key. */
    static void useModel(String modelName) {
        useModel(modelName, 20);
    }

    static void useModel(String modelName, int timeoutSeconds) {
        HttpResponse<String> put = Stack.putJson(anna(), "/api/v1/ai/models/tenant", Map.of("baseUrl",
                model().baseUrl(), "model", modelName, "apiKey", ACME_KEY, "timeoutSeconds", timeoutSeconds));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** acme's admin removes the tenant model (acme falls back to the global model, none in the test stack). */
    static void removeModel() {
        HttpResponse<String> deleted = Stack.delete(anna(), "/api/v1/ai/models/tenant");
        assertThat(deleted.statusCode()).as(deleted.body()).isIn(204, 404);
    }

    /** The jaffle-shop sample tables uploaded as acme's data source (once per run). */
    static synchronized String jaffleShop() {
        if (dataSourceId == null) {
            List<Part> parts = new ArrayList<>();
            parts.add(new Part("name", null, ("jaffle-shop ai-hub " + RUN).getBytes()));
            for (String table : List.of("raw_customers", "raw_orders", "raw_payments")) {
                parts.add(new Part("file", table + ".csv", read(JAFFLE_SOURCES.resolve(table + ".csv"))));
            }
            HttpResponse<String> created = Stack.multipart(alice(), "/api/v1/datasources/upload", parts);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            dataSourceId = Stack.json(created.body()).path("dataSourceId").asText();
        }
        return dataSourceId;
    }

    /**
     * A mapping over jaffle-shop's orders (resources/mappings/order_status_mapping.csv): three direct moves and a
     * status label whose rule the compiler cannot read, so it is flagged (once per run).
     */
    static synchronized String orderStatusMapping() {
        if (documentId == null) {
            documentId = uploadOrderStatusMapping();
        }
        return documentId;
    }

    /** A document of its own (for a suite that changes the mapping). */
    static String uploadOrderStatusMapping() {
        return Mappings.uploadParsed(alice(), "order_status_mapping.csv");
    }

    /** A finished DuckDB generation of the mapping on the sample; its events up to {@code done}. */
    record Generation(String id, List<SseEvent> events) {
        String lastEventId() {
            return events.stream().map(SseEvent::id).filter(i -> i != null && !i.isBlank())
                    .reduce((a, b) -> b).orElse(null);
        }
    }

    /** One generation of the shared mapping, made once per run (suites that only read it, or refine its blocks). */
    static synchronized Generation generation() {
        if (generation == null) {
            generation = generate(alice(), orderStatusMapping());
        }
        return generation;
    }

    static Generation generate(String token, String documentId) {
        return generate(token, documentId, List.of("duckdb"));
    }

    /** A finished generation of the mapping in these dialects on acme's jaffle-shop sample. */
    static Generation generate(String token, String documentId, List<String> dialects) {
        String generationId = Stack.newGenerationId();
        SseStream stream = Stack.events(token, generationId, null);
        CompletableFuture<List<SseEvent>> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done"));
        HttpResponse<String> started = Stack.postJson(token, "/api/v1/generations", Map.of("generationId", generationId,
                "documentId", documentId, "dialects", dialects, "dataSourceId", jaffleShop()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        try {
            List<SseEvent> received = events.get(180, TimeUnit.SECONDS);
            assertThat(received).extracting(SseEvent::event).contains("generation_complete");
            return new Generation(generationId, received);
        } catch (Exception e) {
            throw new AssertionError("generation " + generationId + " did not finish: " + e, e);
        }
    }

    /** A refinement's events up to its {@code ai_result}, and where the stream was left. */
    record Refined(List<SseEvent> events, String lastEventId) {
    }

    /**
     * Posts a refinement of one block, then follows the generation's stream from {@code fromEventId} until the task's
     * {@code ai_result} (a replayed {@code done} closes the stream; the client follows on from it).
     */
    static Refined refine(String token, String generationId, String target, String blockName, String instruction,
                          String fromEventId) {
        return refine(token, generationId, target, blockName, "duckdb", instruction, fromEventId);
    }

    /** The same, refining the block's rendering in {@code dialect}. */
    static Refined refine(String token, String generationId, String target, String blockName, String dialect,
                          String instruction, String fromEventId) {
        HttpResponse<String> accepted = Stack.postJson(token, "/api/v1/generations/" + generationId + "/refine",
                Map.of("target", target, "blockName", blockName, "instruction", instruction, "dialect", dialect));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String taskId = Stack.json(accepted.body()).path("taskId").asText();
        assertThat(taskId).startsWith("task_");
        List<SseEvent> events = new ArrayList<>();
        String lastEventId = fromEventId;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (events.stream().noneMatch(e -> isResultOf(e, taskId)) && System.nanoTime() < deadline) {
            try (SseStream stream = Stack.events(token, generationId, lastEventId)) {
                List<SseEvent> received = CompletableFuture.supplyAsync(() -> stream.readUntil(e -> isResultOf(e, taskId)))
                        .get(120, TimeUnit.SECONDS);
                events.addAll(received);
                String last = new Generation(generationId, received).lastEventId();
                lastEventId = last == null ? lastEventId : last;
            } catch (Exception e) {
                throw new AssertionError("no ai_result for " + taskId + " on " + generationId + " after " + events, e);
            }
        }
        assertThat(events).as("the stream's events").anyMatch(e -> isResultOf(e, taskId));
        return new Refined(events, lastEventId);
    }

    private static boolean isResultOf(SseEvent e, String taskId) {
        return e.event().equals("ai_result") && e.json().path("task_id").asText().equals(taskId);
    }

    /** The last {@code ai_result} among the events. */
    static JsonNode aiResult(List<SseEvent> events) {
        return events.stream().filter(e -> e.event().equals("ai_result")).reduce((a, b) -> b).orElseThrow().json();
    }

    /** The generation's hashmap (GET /api/v1/generations/{id}). */
    static JsonNode hashmap(String token, String generationId) {
        HttpResponse<String> got = Stack.get(token, "/api/v1/generations/" + generationId);
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        return Stack.json(got.body());
    }

    /** The column of the generation's target in its lineage ({@code status} compiled or flagged, reason). */
    static JsonNode lineageColumn(String token, String generationId, String column) {
        HttpResponse<String> got = Stack.get(token, "/api/v1/generations/" + generationId + "/lineage");
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        for (JsonNode target : Stack.json(got.body()).path("targets")) {
            for (JsonNode c : target.path("columns")) {
                if (c.path("column").asText().equals(column)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no column " + column + " in the lineage of " + generationId + ": " + got.body());
    }

    /** One block of the generation's target with its duckdb text as {@code sql} (the hashmap's {@code ?dialect=}). */
    static JsonNode block(String token, String generationId, String blockName) {
        return block(token, generationId, TARGET, blockName);
    }

    /** One block of the generation's target as the hashmap lists it, with every dialect's SQL in {@code sql_by_dialect}. */
    static JsonNode blockInEveryDialect(String token, String generationId, String blockName) {
        for (JsonNode b : hashmap(token, generationId).path("blocks")) {
            if (b.path("target").asText().equals(TARGET) && b.path("block_name").asText().equals(blockName)) {
                return b;
            }
        }
        throw new AssertionError("no block " + TARGET + "/" + blockName + " in generation " + generationId);
    }

    /** One block of a target of the generation with its duckdb text as {@code sql} (the hashmap's {@code ?dialect=}). */
    static JsonNode block(String token, String generationId, String target, String blockName) {
        HttpResponse<String> got = Stack.get(token, "/api/v1/generations/" + generationId + "?dialect=duckdb");
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        for (JsonNode block : Stack.json(got.body()).path("blocks")) {
            if (block.path("target").asText().equals(target) && block.path("block_name").asText().equals(blockName)) {
                return block;
            }
        }
        throw new AssertionError("no block " + target + "/" + blockName + " in generation " + generationId);
    }

    /** ../shared beside the checkout (aide.shared.dir), else the nearest shared/ above the working directory. */
    private static Path sharedDir() {
        Path configured = Path.of(System.getProperty("aide.shared.dir", "../../shared"));
        if (Files.isDirectory(configured.resolve("eval"))) {
            return configured;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/eval"))) {
                return dir.resolve("shared");
            }
        }
        return configured;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the jaffle-shop sample must sit beside the repository: " + file, e);
        }
    }

    /** The rows of a jaffle-shop sample table, split on commas (the sample has no quoted fields). */
    static List<String[]> csvRows(String table) {
        try {
            return Files.readAllLines(JAFFLE_SOURCES.resolve(table + ".csv")).stream().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AiHubStack() {
    }
}
