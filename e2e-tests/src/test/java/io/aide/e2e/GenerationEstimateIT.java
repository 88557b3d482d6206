package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remaining time reaches the client, on the real stack: a generation of many targets streams {@code progress}
 * events whose {@code estimated_completion} is present once the first target is compiled, in every stage after it
 * (compiling, writing artifacts, validating) until completion, in the future when it arrives, and never absurd.
 */
class GenerationEstimateIT {
    private static final int TARGETS = 12;
    private static final int ROWS_PER_TARGET = 120;

    /** An event and the moment the client read it. */
    private record Arrived(SseEvent event, Instant at) {
    }

    @Test
    void shouldStreamAnEstimatedCompletionInTheFutureInEveryStageAfterTheFirstTarget() throws Exception {
        // Given: a parsed mapping of many targets and a stream open for its generation
        String alice = Stack.token("alice", "alice");
        String documentId = Mappings.uploadParsed(alice, "estimate_mapping.csv",
                ManyTargetsMapping.csv(TARGETS, ROWS_PER_TARGET));
        String generationId = Stack.newGenerationId();
        SseStream stream = Stack.events(alice, generationId, null);
        List<Arrived> arrived = new ArrayList<>();
        CompletableFuture<List<SseEvent>> run = CompletableFuture.supplyAsync(() -> stream.readUntil(e -> {
            arrived.add(new Arrived(e, Instant.now()));
            return e.event().equals("done");
        }));

        // When
        HttpResponse<String> started = Stack.postJson(alice, "/api/v1/generations", Map.of("generationId",
                generationId, "documentId", documentId, "dialects", List.of("duckdb")));
        List<SseEvent> events = run.get(240, TimeUnit.SECONDS);

        // Then: the generation completed
        List<String> names = events.stream().map(SseEvent::event).toList();
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(names.subList(names.size() - 2, names.size())).as("the stream %s", names)
                .containsExactly("generation_complete", "done");
        // every progress event from the first target's completion until completion carries an estimate
        List<Arrived> progress = arrived.stream().filter(a -> a.event().event().equals("progress")).toList();
        int firstTargetDone = indexOfFirst(progress, a -> a.event().json().path("stats")
                .path("targets_completed").asInt(0) >= 1);
        List<Arrived> estimated = progress.subList(firstTargetDone, progress.size()).stream()
                .filter(a -> !a.event().json().path("stage").asText().equals("completed")).toList();
        assertThat(estimated).extracting(a -> a.event().json().path("stage").asText())
                .contains("compiling", "writing_artifacts", "validating");
        assertThat(estimated).allSatisfy(a -> {
            JsonNode eta = a.event().json().path("estimated_completion");
            assertThat(eta.isTextual()).as("estimated_completion of %s", a.event().data()).isTrue();
            Instant at = Instant.parse(eta.asText());
            // in the future when it arrives, and within the hour a generation of this size could possibly take
            assertThat(at).as("the estimate of %s read at %s", a.event().data(), a.at()).isAfter(a.at())
                    .isBefore(a.at().plus(Duration.ofHours(1)));
        });
        // the last progress event says the generation completed, with no time left to estimate
        JsonNode last = progress.get(progress.size() - 1).event().json();
        assertThat(last.path("stage").asText()).isEqualTo("completed");
        assertThat(last.path("progress_percentage").asInt(-1)).isEqualTo(100);
    }

    private static int indexOfFirst(List<Arrived> events, java.util.function.Predicate<Arrived> test) {
        for (int i = 0; i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no progress event said a target was compiled");
    }
}
