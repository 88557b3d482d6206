package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resume through the gateway, on the real stack: a generation of many targets cancelled (DELETE) once its first
 * target is compiled, then POSTed again under the same id. It continues from its first incomplete target: the targets
 * completed before the cancel keep their blocks as they were (same version, same time, nothing streamed for them), and
 * the resumed stream carries only the remaining targets' work, then completion and {@code done}. Another tenant's POST
 * of the id starts that tenant's own generation and resumes nothing; a repeat POST of the completed generation answers
 * the same id with no new
 * work. A generation cancelled right after its POST (before sqlgen stored it) stops before compiling past its first
 * target, ends its stream with the cancel, and resumes when posted again.
 */
class GenerationResumeIT {
    /** Enough targets that the cancel lands long before the last one is compiled. */
    private static final int TARGETS = 14;
    private static final int ROWS_PER_TARGET = 120;

    private static String alice;
    private static String bob;

    @BeforeAll
    static void login() {
        alice = Stack.token("alice", "alice");
        bob = Stack.token("bob", "bob");
    }

    @Test
    void shouldResumeACancelledGenerationFromItsFirstIncompleteTargetAndLeaveACompletedOneAlone() throws Exception {
        // Given: a parsed mapping of many targets, and its generation cancelled once the first target is compiled
        byte[] mapping = mapping();
        String documentId = Mappings.uploadParsed(alice, "resume_mapping.csv", mapping);
        String generationId = Stack.newGenerationId();
        SseStream first = Stack.events(alice, generationId, null);
        AtomicReference<HttpResponse<String>> cancel = new AtomicReference<>();
        CompletableFuture<List<SseEvent>> firstRun = CompletableFuture.supplyAsync(() -> first.readUntil(e -> {
            if (cancel.get() == null && e.event().equals("progress")
                    && e.json().path("stats").path("targets_completed").asInt(0) >= 1) {
                cancel.set(Stack.delete(alice, "/api/v1/generations/" + generationId));
            }
            return e.event().equals("done");
        }));
        HttpResponse<String> started = post(alice, generationId, documentId);
        List<SseEvent> untilCancelled = firstRun.get(180, TimeUnit.SECONDS);
        JsonNode afterCancel = hashmap(generationId);
        Set<String> completedBefore = layers(afterCancel, "completed");
        Set<String> remaining = new TreeSet<>(allTargets());
        remaining.removeAll(completedBefore);
        Map<String, JsonNode> blocksBefore = blocksOf(afterCancel, completedBefore);
        SseEvent cancelled = untilCancelled.get(untilCancelled.size() - 2);

        // When: globex posts the same id (a generation of its own mapping: ids are scoped per tenant), then alice
        // posts it again
        String bobsDocument = Mappings.uploadParsed(bob, "orders_mapping.csv");
        HttpResponse<String> foreign = post(bob, generationId, bobsDocument);
        String statusAfterForeign = hashmap(generationId).path("status").asText();
        HttpResponse<String> resumed = post(alice, generationId, documentId);
        SseStream rest = Stack.events(alice, generationId, cancelled.id());
        List<SseEvent> resumedRun = untilDone(rest);
        JsonNode completed = hashmap(generationId);

        // Then: the first run stopped at the cancel, part-way
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(cancel.get()).as("the first target's completion was streamed").isNotNull();
        assertThat(cancel.get().statusCode()).as(cancel.get().body()).isEqualTo(202);
        assertThat(cancelled.event()).isEqualTo("error");
        assertThat(cancelled.json().path("code").asText()).isEqualTo("generation_cancelled");
        assertThat(untilCancelled.get(untilCancelled.size() - 1).event()).isEqualTo("done");
        assertThat(afterCancel.path("status").asText()).isEqualTo("cancelled");
        assertThat(completedBefore).contains("target_00");
        assertThat(remaining).as("targets left when the cancel landed").contains("target_" + (TARGETS - 1));
        // globex's POST started its own generation of the id, as for a fresh id; alice's was left as it was
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(202);
        assertThat(Stack.json(foreign.body()).path("status").asText()).isEqualTo("requested");
        assertThat(statusAfterForeign).isEqualTo("cancelled");
        assertThat(Stack.json(Stack.get(bob, "/api/v1/generations/" + generationId).body()).path("documentId")
                .asText()).isEqualTo(bobsDocument);
        // alice's repeat POST resumes the same generation
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
        assertThat(Stack.json(resumed.body()).path("generationId").asText()).isEqualTo(generationId);
        assertThat(Stack.json(resumed.body()).path("status").asText()).isEqualTo("resuming");
        // the resumed stream: a recovery snapshot, the remaining targets' blocks only, completion, done
        List<String> names = resumedRun.stream().map(SseEvent::event).toList();
        assertThat(rest.status).isEqualTo(200);
        assertThat(names.get(0)).as("the resumed stream %s", names).isEqualTo("hashmap_sync");
        assertThat(resumedRun.get(0).json().path("reason").asText()).isEqualTo("recovery");
        assertThat(names).containsOnlyOnce("generation_complete").doesNotContain("error");
        assertThat(resumedRun).filteredOn(e -> e.event().equals("hashmap_sync"))
                .extracting(e -> e.json().path("reason").asText()).containsExactly("recovery", "checkpoint");
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("generation_complete", "done");
        Set<String> streamedTargets = new TreeSet<>();
        resumedRun.stream().filter(e -> e.event().equals("block_update"))
                .forEach(e -> streamedTargets.add(e.json().path("target").asText()));
        assertThat(streamedTargets).isNotEmpty().isSubsetOf(remaining).contains("target_" + (TARGETS - 1));
        assertThat(resumedRun).filteredOn(e -> e.id() != null && !e.id().isEmpty())
                .allSatisfy(e -> assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(cancelled.id())));
        // every target is complete now; those completed before the cancel were not compiled again
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(layers(completed, "completed")).containsExactlyInAnyOrderElementsOf(allTargets());
        assertThat(blocksOf(completed, completedBefore)).isEqualTo(blocksBefore);
        assertThat(blocksBefore.values()).isNotEmpty().allSatisfy(b -> assertThat(b.path("version").asInt(-1))
                .isEqualTo(1));
        HttpResponse<String> versions = Stack.get(alice, "/api/v1/generations/" + generationId
                + "/blocks/target_00/select_clause/versions");
        assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
        assertThat(Stack.json(versions.body())).hasSize(1);

        // And When: the completed generation is posted once more
        // (counted once the topic has settled: the resumed run's last events may still be on their way to it)
        AtomicInteger settled = new AtomicInteger(-1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    int now = EventsTopic.streamedEvents("acme", generationId).size();
                    return settled.getAndSet(now) == now;
                });
        int eventsBefore = settled.get();
        HttpResponse<String> again = post(alice, generationId, documentId);

        // Then: the same id, accepted, and nothing new happens to it
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(Stack.json(again.body()).path("generationId").asText()).isEqualTo(generationId);
        assertThat(Stack.json(again.body()).path("status").asText()).isEqualTo("accepted");
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofSeconds(1))
                .until(() -> EventsTopic.streamedEvents("acme", generationId).size() == eventsBefore);
        JsonNode still = hashmap(generationId);
        assertThat(still.path("status").asText()).isEqualTo("completed");
        assertThat(still.path("checkpoint").asInt()).isEqualTo(completed.path("checkpoint").asInt());
        assertThat(blocksOf(still, new TreeSet<>(allTargets()))).isEqualTo(blocksOf(completed,
                new TreeSet<>(allTargets())));
    }

    @Test
    void shouldStopAGenerationCancelledRightAfterItsRequestAndResumeItWhenPostedAgain() throws Exception {
        // Given: a parsed mapping of many targets, and a stream open for a new generation
        String documentId = Mappings.uploadParsed(alice, "early_cancel_mapping.csv", mapping());
        String generationId = Stack.newGenerationId();
        SseStream first = Stack.events(alice, generationId, null);
        CompletableFuture<List<SseEvent>> firstRun = CompletableFuture.supplyAsync(() -> first.readUntil("done"));

        // When: the generation is posted and cancelled at once, before sqlgen can have stored it
        HttpResponse<String> started = post(alice, generationId, documentId);
        HttpResponse<String> cancel = Stack.delete(alice, "/api/v1/generations/" + generationId);
        List<SseEvent> untilCancelled = firstRun.get(180, TimeUnit.SECONDS);
        JsonNode afterCancel = hashmap(generationId);
        SseEvent cancelled = untilCancelled.get(untilCancelled.size() - 2);
        // and posted again
        HttpResponse<String> resumed = post(alice, generationId, documentId);
        SseStream rest = Stack.events(alice, generationId, cancelled.id());
        List<SseEvent> resumedRun = untilDone(rest);
        JsonNode completed = hashmap(generationId);

        // Then: the cancel ended the stream before the run got past its first target, and nothing completed
        List<String> names = untilCancelled.stream().map(SseEvent::event).toList();
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
        assertThat(names.subList(names.size() - 2, names.size())).as("the stream %s", names)
                .containsExactly("error", "done");
        assertThat(cancelled.json().path("code").asText()).isEqualTo("generation_cancelled");
        assertThat(names).doesNotContain("generation_complete", "validation");
        assertThat(untilCancelled).filteredOn(e -> e.event().equals("hashmap_sync"))
                .extracting(e -> e.json().path("reason").asText()).doesNotContain("checkpoint");
        assertThat(untilCancelled).filteredOn(e -> e.event().equals("block_update"))
                .extracting(e -> e.json().path("target").asText()).isSubsetOf(List.of("target_00"));
        assertThat(afterCancel.path("status").asText()).isEqualTo("cancelled");
        assertThat(layers(afterCancel, "completed")).isSubsetOf(List.of("target_00"));
        // the repeat POST resumes it under the same id, to completion
        List<String> resumedNames = resumedRun.stream().map(SseEvent::event).toList();
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
        assertThat(Stack.json(resumed.body()).path("status").asText()).isEqualTo("resuming");
        assertThat(resumedNames).as("the resumed stream %s", resumedNames).containsOnlyOnce("generation_complete")
                .doesNotContain("error");
        assertThat(resumedNames.subList(resumedNames.size() - 2, resumedNames.size()))
                .containsExactly("generation_complete", "done");
        assertThat(resumedRun).filteredOn(e -> e.event().equals("block_update"))
                .extracting(e -> e.json().path("target").asText()).contains("target_" + (TARGETS - 1));
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(layers(completed, "completed")).containsExactlyInAnyOrderElementsOf(allTargets());
    }

    /** POSTs the generation of the document, DuckDB only. */
    private static HttpResponse<String> post(String token, String generationId, String documentId) {
        return Stack.postJson(token, "/api/v1/generations", Map.of("generationId", generationId, "documentId",
                documentId, "dialects", List.of("duckdb")));
    }

    /** The stream's events until {@code done} (or its end), read within three minutes. */
    private static List<SseEvent> untilDone(SseStream stream) throws Exception {
        return CompletableFuture.supplyAsync(() -> stream.readUntil("done")).get(180, TimeUnit.SECONDS);
    }

    private static byte[] mapping() {
        return ManyTargetsMapping.csv(TARGETS, ROWS_PER_TARGET);
    }

    private static List<String> allTargets() {
        return ManyTargetsMapping.targets(TARGETS);
    }

    private static JsonNode hashmap(String generationId) {
        HttpResponse<String> answer = Stack.get(alice, "/api/v1/generations/" + generationId);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Stack.json(answer.body());
    }

    private static Set<String> layers(JsonNode hashmap, String status) {
        Set<String> out = new TreeSet<>();
        hashmap.path("layers").forEach(l -> {
            if (status.equals(l.path("status").asText())) {
                out.add(l.path("target").asText());
            }
        });
        return out;
    }

    /** The blocks of these targets as the hashmap holds them (version, time, SQL), by target and block name. */
    private static Map<String, JsonNode> blocksOf(JsonNode hashmap, Set<String> targets) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        hashmap.path("blocks").forEach(b -> {
            if (targets.contains(b.path("target").asText())) {
                out.put(b.path("target").asText() + "/" + b.path("block_name").asText(), b);
            }
        });
        return out;
    }
}
