package io.aide.e2e;

import io.aide.e2e.EventsTopic.Streamed;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker stops for 30 s in the middle of a generation: every request still answers within 5 s (202, or 503
 * problem+json with Retry-After when it needs the broker), and once the broker is back every event of the generation
 * reaches the stream that stayed open the whole time, exactly once.
 */
class BrokerOutageResilienceIT {
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final long ANSWER_WITHIN_MS = 5_000;
    private static String alice;

    /** One request made while the broker was away: what it was, how it was answered, and how fast. */
    record Probe(String what, int status, String contentType, String retryAfter, long millis) {
    }

    @BeforeAll
    static void login() {
        alice = Stack.token("alice", "alice");
    }

    @AfterAll
    static void brokerBack() {
        Components.start("kafka");
    }

    @Test
    void shouldAnswerWithinFiveSecondsAndDeliverEveryEventOnceWhenTheBrokerStopsMidGeneration() throws Exception {
        // Given: a generation running, followed by an open stream that has received its first events
        Resilience.Running running = Resilience.generationWithOpenStream(alice);
        String documentId = running.documentId();
        String generationId = running.generationId();
        SseStream stream = running.stream();
        CompletableFuture<List<SseEvent>> read = running.untilDone();
        HttpResponse<String> started = running.started();

        // When: the broker stops for 30 s while users keep reading, reconnecting and starting generations
        Components.stop("kafka");
        String postedDuringOutage = Stack.newGenerationId();
        Map<String, Object> laterRequest = Map.of("generationId", postedDuringOutage, "documentId", documentId,
                "dialects", List.of("duckdb"));
        List<Probe> probes = new ArrayList<>();
        long stoppedAt = System.nanoTime();
        while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
            probes.add(probe("GET the generation", () -> Stack.get(alice, "/api/v1/generations/" + generationId)));
            probes.add(probe("POST a generation", () -> Stack.postJson(alice, "/api/v1/generations", laterRequest)));
            probes.add(reconnect(generationId, Resilience.lastId(stream.snapshot())));
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        }
        Components.start("kafka");
        List<SseEvent> received = read.get(3, TimeUnit.MINUTES);
        // the refused request sent again as a client does after Retry-After: accepted once the producer is back
        HttpResponse<String> repeated = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Stack.postJson(alice, "/api/v1/generations", laterRequest), r -> r.statusCode() != 503);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(Stack.json(Stack.get(alice, "/api/v1/generations/" + postedDuringOutage).body())
                        .path("status").asText()).isEqualTo("completed"));

        // Then: fast answers only, each 2xx or a retryable 503 problem; the open stream got the topic's events once
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(probes).hasSizeGreaterThanOrEqualTo(15);
        assertThat(probes).allSatisfy(p -> assertThat(p.millis()).as("%s", p).isLessThan(ANSWER_WITHIN_MS));
        assertThat(probes).allSatisfy(p -> assertThat(p.status() == 200 || p.status() == 202
                || (p.status() == 503 && p.contentType().startsWith("application/problem+json")
                && p.retryAfter().matches("[1-9][0-9]*"))).as("%s", p).isTrue());
        assertThat(probes).filteredOn(p -> p.what().startsWith("POST")).extracting(Probe::status)
                .as("a generation posted while the broker is away is refused as retryable").contains(503);
        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(202);
        List<Streamed> produced = EventsTopic.streamedEvents(generationId);
        assertThat(produced).extracting(Streamed::event).contains("hashmap_sync", "block_update", "generation_complete");
        assertThat(Resilience.withIds(received)).containsExactlyElementsOf(Resilience.asSeen(produced));
        assertThat(received.get(received.size() - 1).event()).isEqualTo("done");
    }

    private static Probe probe(String what, Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        return new Probe(what, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(""), (System.nanoTime() - start) / 1_000_000);
    }

    /** A browser tab reconnecting: the stream must open (headers and status) within the limit. */
    private static Probe reconnect(String generationId, String lastEventId) throws IOException {
        long start = System.nanoTime();
        try (SseStream reconnected = Stack.events(alice, generationId, lastEventId)) {
            return new Probe("reconnect the stream", reconnected.status, "text/event-stream", "",
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
