package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generation ids are scoped per tenant: alice (acme) and bob (globex) both generate under the same id and both get
 * 202 and their own generation, stream, artifact and validation; neither reads anything of the other's. A POST of
 * an id another tenant uses is answered exactly like one of a fresh id, so it tells nothing about other tenants.
 */
class GenerationIdsPerTenantIT {

    @Test
    void shouldGiveTwoTenantsPostingTheSameIdTheirOwnGenerationsWithoutEitherSeeingTheOther() throws Exception {
        // Given: a parsed mapping per tenant, with different targets, and both streams of one id open
        String alice = Stack.token("alice", "alice");
        String bob = Stack.token("bob", "bob");
        String alicesDocument = Mappings.uploadParsed(alice, "orders_mapping.csv");
        String bobsDocument = Mappings.uploadParsed(bob, "order_status_mapping.csv");
        String generationId = Stack.newGenerationId();
        SseStream alicesStream = Stack.events(alice, generationId, null);
        SseStream bobsStream = Stack.events(bob, generationId, null);
        CompletableFuture<List<SseEvent>> alicesEvents = CompletableFuture.supplyAsync(() -> alicesStream.readUntil("done"));
        CompletableFuture<List<SseEvent>> bobsEvents = CompletableFuture.supplyAsync(() -> bobsStream.readUntil("done"));

        // When: alice posts the id, then bob posts it too, and an id nobody uses
        HttpResponse<String> alicesPost = Stack.postJson(alice, "/api/v1/generations", Map.of("generationId",
                generationId, "documentId", alicesDocument, "dialects", List.of("duckdb")));
        HttpResponse<String> bobsPost = Stack.postJson(bob, "/api/v1/generations", Map.of("generationId",
                generationId, "documentId", bobsDocument, "dialects", List.of("duckdb")));
        String fresh = Stack.newGenerationId();
        HttpResponse<String> bobsFreshPost = Stack.postJson(bob, "/api/v1/generations", Map.of("generationId", fresh,
                "documentId", bobsDocument, "dialects", List.of("duckdb")));
        List<SseEvent> alices = alicesEvents.get(180, TimeUnit.SECONDS);
        List<SseEvent> bobs = bobsEvents.get(180, TimeUnit.SECONDS);

        // Then: both accepted as new generations, bob's answer the same as for the fresh id
        assertThat(alicesPost.statusCode()).as(alicesPost.body()).isEqualTo(202);
        assertThat(bobsPost.statusCode()).as(bobsPost.body()).isEqualTo(202);
        assertThat(bobsFreshPost.statusCode()).as(bobsFreshPost.body()).isEqualTo(202);
        JsonNode taken = Stack.json(bobsPost.body());
        JsonNode unused = Stack.json(bobsFreshPost.body());
        assertThat(fieldNames(taken)).isEqualTo(fieldNames(unused));
        assertThat(taken.path("status").asText()).isEqualTo(unused.path("status").asText()).isEqualTo("requested");
        assertThat(taken.path("eventsUrl").asText()).isEqualTo("/api/v1/generations/" + generationId + "/events");

        // and each stream carries its own tenant's generation only, to completion
        assertThat(names(alices)).endsWith("generation_complete", "done").doesNotContain("error");
        assertThat(names(bobs)).endsWith("generation_complete", "done").doesNotContain("error");
        assertThat(targetsOfBlocks(alices)).containsOnly("order_facts");
        assertThat(targetsOfBlocks(bobs)).containsOnly("order_status");

        // and each reads its own generation, artifact and validation under the id; nothing of the other's
        JsonNode alicesGeneration = Stack.json(Stack.get(alice, "/api/v1/generations/" + generationId).body());
        JsonNode bobsGeneration = Stack.json(Stack.get(bob, "/api/v1/generations/" + generationId).body());
        assertThat(alicesGeneration.path("documentId").asText()).isEqualTo(alicesDocument);
        assertThat(bobsGeneration.path("documentId").asText()).isEqualTo(bobsDocument);
        assertThat(alicesGeneration.path("metadata").path("targets")).extracting(JsonNode::asText)
                .containsExactly("order_facts");
        assertThat(bobsGeneration.path("metadata").path("targets")).extracting(JsonNode::asText)
                .containsExactly("order_status");
        String alicesArtifact = Stack.get(alice, "/api/v1/generations/" + generationId + "/artifacts/duckdb").body();
        String bobsArtifact = Stack.get(bob, "/api/v1/generations/" + generationId + "/artifacts/duckdb").body();
        assertThat(alicesArtifact).contains("order_facts").doesNotContain("order_status");
        assertThat(bobsArtifact).contains("order_status").doesNotContain("order_facts");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode alicesValidation = Stack.json(Stack.get(alice, "/api/v1/validations/" + generationId).body());
            JsonNode bobsValidation = Stack.json(Stack.get(bob, "/api/v1/validations/" + generationId).body());
            assertThat(alicesValidation.path("results")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path("target").asText("order_facts")).isEqualTo("order_facts"));
            assertThat(bobsValidation.path("results")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path("target").asText("order_status")).isEqualTo("order_status"));
        });
        List<String> alicesList = new ArrayList<>();
        Stack.json(Stack.get(alice, "/api/v1/generations?documentId=" + bobsDocument).body())
                .forEach(g -> alicesList.add(g.path("generationId").asText()));
        assertThat(alicesList).isEmpty();
    }

    private static List<String> names(List<SseEvent> events) {
        return events.stream().map(SseEvent::event).toList();
    }

    private static List<String> targetsOfBlocks(List<SseEvent> events) {
        return events.stream().filter(e -> e.event().equals("block_update"))
                .map(e -> e.json().path("target").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
