package io.aide.e2e;

import io.aide.e2e.EventsTopic.Streamed;
import io.aide.e2e.Stack.SseEvent;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** What the resilience tests share: a parsed mapping, and events compared as (SSE id, event name). */
final class Resilience {
    /** Every dialect: the longest generation of the small mapping, so a crash falls inside it. */
    static final List<String> ALL_DIALECTS = List.of("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi",
            "pyspark", "dbt");

    static String uploadAndAwaitParsed(String token) throws IOException {
        byte[] content;
        try (InputStream in = Resilience.class.getResourceAsStream("/mappings/orders_mapping.csv")) {
            content = in.readAllBytes();
        }
        return Stack.uploadParsed(token, "orders_mapping.csv", content);
    }

    /**
     * A generation of every dialect running on a freshly parsed mapping, with a stream opened before it started (as the
     * portal does) that has received its first events.
     */
    record Running(String documentId, String generationId, Stack.SseStream stream,
                   java.util.concurrent.CompletableFuture<List<SseEvent>> untilDone, HttpResponse<String> started) {
    }

    static Running generationWithOpenStream(String token) throws IOException {
        String documentId = uploadAndAwaitParsed(token);
        String generationId = Stack.newGenerationId();
        Stack.SseStream stream = Stack.events(token, generationId, null);
        java.util.concurrent.CompletableFuture<List<SseEvent>> untilDone =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> stream.readUntil("done"));
        HttpResponse<String> started = Stack.postJson(token, "/api/v1/generations", java.util.Map.of("generationId",
                generationId, "documentId", documentId, "dialects", ALL_DIALECTS));
        await().atMost(Duration.ofSeconds(60)).until(() -> !stream.snapshot().isEmpty());
        return new Running(documentId, generationId, stream, untilDone, started);
    }

    /** The events that carry an id (everything but done and comments), as "id event". */
    static List<String> withIds(List<SseEvent> events) {
        return events.stream().filter(e -> e.id() != null && !e.id().isEmpty()).map(e -> e.id() + " " + e.event())
                .toList();
    }

    /**
     * The records a stream delivers, as "id event": up to and including the terminal event, after which the gateway
     * sends done and closes (a validator report of a slower dialect may still follow it on the topic).
     */
    static List<String> asSeen(List<Streamed> records) {
        List<String> out = new java.util.ArrayList<>();
        for (Streamed r : records) {
            out.add(r.offset() + " " + r.event());
            if (isTerminal(r)) {
                break;
            }
        }
        return out;
    }

    private static boolean isTerminal(Streamed r) {
        return r.event().equals("generation_complete") || r.event().equals("error");
    }

    /** The last id a stream delivered, or null when it delivered none (the resumed stream then starts from the top). */
    static String lastId(List<SseEvent> events) {
        return events.stream().map(SseEvent::id).filter(id -> id != null && !id.isEmpty()).reduce((a, b) -> b)
                .orElse(null);
    }

    static boolean terminal(List<Streamed> records) {
        return records.stream().anyMatch(Resilience::isTerminal);
    }

    private Resilience() {
    }
}
