package io.aide.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.EventPayload;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.GenerationCompleted;
import io.aide.events.v1.HashmapSynced;
import io.aide.events.v1.Progress;
import io.aide.events.v1.Thought;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class SseStreamTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldStreamEventsInOrderWithOffsetsAsIdsSnakeCaseDataAndDone() throws Exception {
        // Given: the browser opens the stream before the generation exists
        String generationId = GenerationCommandTest.newGenerationId();
        try (SseClient stream = SseClient.open(base, Tokens.alice(), generationId, null)) {

            // When
            send(10, "acme", generationId, new Progress("compile", "compiling", 40, Map.of(), null));
            send(11, "acme", generationId, new BlockUpdated("select_clause", "orders", "duckdb", "completed",
                    "SELECT order_id", 1, Instant.parse("2026-01-01T00:00:00Z"), 1));
            send(12, "globex", generationId, new Thought("another tenant's event with the same key"));
            send(13, "acme", generationId, new GenerationCompleted("CREATE VIEW orders AS SELECT 1", "orders.sql",
                    Map.of(), 0));

            // Then
            await().atMost(Duration.ofSeconds(10)).until(stream::ended);
            List<SseClient.Event> events = stream.events();
            assertThat(stream.status).isEqualTo(200);
            assertThat(events).extracting(SseClient.Event::event)
                    .containsExactly("progress", "block_update", "generation_complete", "done");
            assertThat(events).extracting(SseClient.Event::id).containsExactly("10", "11", "13", null);
            assertThat(EventJson.mapper().readTree(events.get(0).data()).path("progress_percentage").asInt())
                    .isEqualTo(40);
            assertThat(EventJson.mapper().readTree(events.get(1).data()).path("block_data").path("sql").asText())
                    .isEqualTo("SELECT order_id");
            assertThat(EventJson.mapper().readTree(events.get(2).data()).path("final_sql").asText())
                    .startsWith("CREATE VIEW");
        }
    }

    @Test
    void shouldStreamAHashmapPublishedInPartsOverTwoBatchesAsOneHashmapSyncWithEveryBlockAndReplayItSo()
            throws Exception {
        // Given: a hashmap of three targets in three parts; the first part arrives in one batch, the others in the next
        String generationId = GenerationCommandTest.newGenerationId();
        ObjectNode head = EventJson.mapper().createObjectNode().put("generation_id", generationId)
                .put("primary_dialect", "postgres");
        head.putObject("metadata").put("total_blocks", 3);
        List<ObjectNode> bodies = List.of(head, EventJson.mapper().createObjectNode(),
                EventJson.mapper().createObjectNode());
        for (int i = 0; i < 3; i++) {
            bodies.get(i).putObject("blocks").putObject("t" + i + "/select_clause").put("target", "t" + i)
                    .put("block_name", "select_clause").put("status", "completed").putObject("sql_by_dialect")
                    .put("duckdb", "SELECT d" + i).put("postgres", "SELECT p" + i);
        }
        try (SseClient live = SseClient.open(base, Tokens.alice(), generationId, null)) {

            // When
            send(70, "acme", generationId, new HashmapSynced(bodies.get(0), "checkpoint", "sync1", 1, 3));
            sendBatch(List.of(record(71, "acme", generationId, new HashmapSynced(bodies.get(1), "checkpoint", "sync1",
                            2, 3)), record(72, "acme", generationId, new HashmapSynced(bodies.get(2), "checkpoint",
                            "sync1", 3, 3)), record(73, "acme", generationId,
                    new GenerationCompleted("CREATE VIEW v AS SELECT 1", "v.sql", Map.of(), 0))));
            await().atMost(Duration.ofSeconds(10)).until(live::ended);

            // Then: one hashmap_sync at the last part's offset, with every block, each block's SQL once per dialect
            try (SseClient replayed = SseClient.open(base, Tokens.alice(), generationId, null)) {
                await().atMost(Duration.ofSeconds(10)).until(replayed::ended);
                for (List<SseClient.Event> events : List.of(live.events(), replayed.events())) {
                    assertThat(events).extracting(SseClient.Event::event)
                            .containsExactly("hashmap_sync", "generation_complete", "done");
                    assertThat(events).extracting(SseClient.Event::id).containsExactly("72", "73", null);
                    JsonNode data = EventJson.mapper().readTree(events.get(0).data());
                    assertThat(data.path("reason").asText()).isEqualTo("checkpoint");
                    assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder("complete_hashmap", "reason");
                    JsonNode hashmap = data.path("complete_hashmap");
                    assertThat(hashmap.path("generation_id").asText()).isEqualTo(generationId);
                    assertThat(hashmap.path("blocks").size()).isEqualTo(3);
                    for (int i = 0; i < 3; i++) {
                        JsonNode block = hashmap.path("blocks").path("t" + i + "/select_clause");
                        assertThat(block.path("sql_by_dialect").path("postgres").asText()).isEqualTo("SELECT p" + i);
                        assertThat(block.path("sql_by_dialect").path("duckdb").asText()).isEqualTo("SELECT d" + i);
                        assertThat(block.has("sql")).isFalse();
                    }
                    assertThat(hashmap.path("primary_dialect").asText()).isEqualTo("postgres");
                    for (int i = 0; i < 3; i++) {
                        assertThat(events.get(0).data().split("SELECT p" + i + "\"", -1)).hasSize(2);
                    }
                }
            }
        }
    }

    @Test
    void shouldReplayOnlyEventsAfterLastEventIdAndEverythingOnFirstConnect() throws Exception {
        // Given: a generation whose events went by while one browser watched
        String generationId = GenerationCommandTest.newGenerationId();
        try (SseClient first = SseClient.open(base, Tokens.alice(), generationId, null)) {
            send(20, "acme", generationId, new Progress("compile", "start", 10, Map.of(), null));
            send(21, "acme", generationId, new Thought("joining customers"));
            send(22, "acme", generationId, new GenerationCompleted("CREATE VIEW v AS SELECT 1", "v.sql", Map.of(), 0));
            await().atMost(Duration.ofSeconds(10)).until(first::ended);
        }

        // When
        try (SseClient resumed = SseClient.open(base, Tokens.alice(), generationId, "20");
             SseClient fresh = SseClient.open(base, Tokens.alice(), generationId, null)) {

            // Then
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.ended() && fresh.ended());
            assertThat(resumed.events()).extracting(SseClient.Event::id).containsExactly("21", "22", null);
            assertThat(fresh.events()).extracting(SseClient.Event::event)
                    .containsExactly("progress", "thought", "generation_complete", "done");
        }
    }

    @Test
    void shouldEndAStreamWhenTheTokenThatOpenedItExpiresSoTheBrowserResumesWithItsRenewedSession() throws Exception {
        // Given: a stream opened with a token that has 3 s left, and an event on it
        String generationId = GenerationCommandTest.newGenerationId();
        try (SseClient stream = SseClient.open(base, Tokens.expiringIn("alice", "acme", 3), generationId, null)) {
            send(60, "acme", generationId, new Thought("reading the mapping"));
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.events().size() == 1);

            // When: the token expires
            await().atMost(Duration.ofSeconds(10)).until(stream::ended);

            // Then: the stream ended without done; the renewed session resumes after the last event
            assertThat(stream.events()).extracting(SseClient.Event::event).containsExactly("thought");
            send(61, "acme", generationId, new Thought("joining customers"));
            try (SseClient resumed = SseClient.open(base, Tokens.alice(), generationId, "60")) {
                await().atMost(Duration.ofSeconds(5)).until(() -> resumed.events().size() == 1);
                assertThat(resumed.events()).extracting(SseClient.Event::id).containsExactly("61");
            }
        }
    }

    @Test
    void shouldOpenTheCallersOwnStreamForAnIdAnotherTenantUsesLikeForAFreshId() throws Exception {
        // Given: acme started a generation of an id
        String generationId = GenerationCommandTest.newGenerationId();
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", generationId,
                        "documentId", GenerationCommandTest.documentWithStatus("parsed")))
                .post("/api/v1/generations").then().statusCode(202);
        String fresh = GenerationCommandTest.newGenerationId();

        // When: bob (globex) opens the stream of that id and of an id nobody uses; acme's and globex's events go by
        try (SseClient taken = SseClient.open(base, Tokens.bob(), generationId, null);
             SseClient unused = SseClient.open(base, Tokens.bob(), fresh, null)) {
            send(401, "acme", generationId, new Thought("acme's generation of the id"));
            send(402, "globex", generationId, new GenerationCompleted("CREATE VIEW g AS SELECT 1", "g.sql", Map.of(),
                    0));
            await().atMost(Duration.ofSeconds(10)).until(taken::ended);

            // Then: the same answer as for the fresh id, and only globex's generation of the id on it
            assertThat(taken.status).isEqualTo(200).isEqualTo(unused.status);
            assertThat(taken.events()).extracting(SseClient.Event::event)
                    .containsExactly("generation_complete", "done");
            assertThat(taken.events()).extracting(SseClient.Event::data).noneMatch(d -> d.contains("acme's"));
        }
    }

    @Test
    void shouldSendOnlyDoneToAClientResumingAtOrAfterTheTerminalEvent() throws Exception {
        // Given: a generation that ended at offset 32
        String generationId = GenerationCommandTest.newGenerationId();
        try (SseClient first = SseClient.open(base, Tokens.alice(), generationId, null)) {
            send(31, "acme", generationId, new Progress("compile", "start", 10, Map.of(), null));
            send(32, "acme", generationId, new GenerationCompleted("CREATE VIEW v AS SELECT 1", "v.sql", Map.of(), 0));
            await().atMost(Duration.ofSeconds(10)).until(first::ended);
        }

        // When: browsers reconnect with the terminal id and with a later one
        try (SseClient atTerminal = SseClient.open(base, Tokens.alice(), generationId, "32");
             SseClient pastTerminal = SseClient.open(base, Tokens.alice(), generationId, "99")) {

            // Then: done, and the stream closes
            await().atMost(Duration.ofSeconds(10)).until(() -> atTerminal.ended() && pastTerminal.ended());
            assertThat(atTerminal.events()).extracting(SseClient.Event::event).containsExactly("done");
            assertThat(pastTerminal.events()).extracting(SseClient.Event::event).containsExactly("done");
        }
    }

    @Test
    void shouldKeepAStreamOpenedAtTheEndOpenForARefinementRequestedAfterIt() throws Exception {
        // Given: a finished generation of acme, then a refinement request
        String generationId = GenerationCommandTest.newGenerationId();
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("generationId", generationId,
                        "documentId", GenerationCommandTest.documentWithStatus("parsed")))
                .post("/api/v1/generations").then().statusCode(202);
        send(61, "acme", generationId, new GenerationCompleted("CREATE VIEW v AS SELECT 1", "v.sql", Map.of(), 0));
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("blockName", "joins", "instruction", "use an inner join"))
                .post("/api/v1/generations/" + generationId + "/refine").then().statusCode(202);

        // When: the browser follows the stream from its end, and the answer arrives
        try (SseClient follow = SseClient.open(base, Tokens.alice(), generationId, "61")) {
            send(62, "acme", generationId, new Thought("the refinement's answer"));

            // Then
            await().atMost(Duration.ofSeconds(10)).until(() -> follow.events().size() == 1);
            assertThat(follow.events()).extracting(SseClient.Event::id).containsExactly("62");
            assertThat(follow.ended()).isFalse();
        }
    }

    @Test
    void shouldResyncAClientWhoseLastEventIdIsOlderThanTheBuffer() throws Exception {
        // Given: more events than the test buffer holds (7), and sqlgen's hashmap of the generation
        String generationId = GenerationCommandTest.newGenerationId();
        GatewayTestResource.downstream().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/internal/v1/generations/" + generationId))
                .andMatching(GatewayTestResource.signedFor("acme"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"generation_id\":\"" + generationId + "\",\"status\":\"running\"}")));
        try (SseClient first = SseClient.open(base, Tokens.alice(), generationId, null)) {
            for (long offset = 40; offset < 50; offset++) {
                send(offset, "acme", generationId, new Thought("step " + offset));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> first.events().size() == 10);
        }

        // When: a client that saw only offset 40 comes back
        try (SseClient resumed = SseClient.open(base, Tokens.alice(), generationId, "40")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.events().size() == 8);

            // Then: the whole hashmap (reason recovery) just below the oldest kept event, then the kept events
            List<SseClient.Event> events = resumed.events();
            assertThat(events.get(0).event()).isEqualTo("hashmap_sync");
            assertThat(EventJson.mapper().readTree(events.get(0).data()).path("reason").asText()).isEqualTo("recovery");
            assertThat(EventJson.mapper().readTree(events.get(0).data()).path("complete_hashmap").path("status").asText())
                    .isEqualTo("running");
            assertThat(events).extracting(SseClient.Event::id).containsExactly("42", "43", "44", "45", "46", "47", "48", "49");
        }
    }

    @Test
    void shouldRefuseStreamsPastTheCapPerUserWith429AndAcceptOnceOneCloses() throws Exception {
        // Given: carol holds the test cap of 4 streams
        String carol = Tokens.of("carol", "acme");
        List<SseClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(SseClient.open(base, carol, GenerationCommandTest.newGenerationId(), null));
            }

            // When
            SseClient refused = SseClient.open(base, carol, GenerationCommandTest.newGenerationId(), null);
            SseClient otherUser = SseClient.open(base, Tokens.alice(), GenerationCommandTest.newGenerationId(), null);
            open.remove(0).close();

            // Then
            assertThat(open).extracting(c -> c.status).containsOnly(200);
            assertThat(refused.status).isEqualTo(429);
            assertThat(refused.body()).contains("too_many_streams");
            assertThat(otherUser.status).isEqualTo(200);
            otherUser.close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (SseClient again = SseClient.open(base, carol, GenerationCommandTest.newGenerationId(), null)) {
                    assertThat(again.status).isEqualTo(200);
                }
            });
        } finally {
            for (SseClient client : open) {
                client.close();
            }
        }
    }

    @Test
    void shouldDeliverEachStreamItsOwnFramesOfABatchInOrderExactlyOnce() throws Exception {
        // Given: two streams of one tenant, on two keys
        String first = GenerationCommandTest.newGenerationId();
        String second = GenerationCommandTest.newGenerationId();
        try (SseClient a = SseClient.open(base, Tokens.alice(), first, null);
             SseClient b = SseClient.open(base, Tokens.alice(), second, null)) {

            // When: one polled batch mixes both keys, and another tenant's event with the first key
            sendBatch(List.of(record(300, "acme", first, new Thought("a1")),
                    record(301, "acme", second, new Thought("b1")),
                    record(302, "globex", first, new Thought("another tenant's")),
                    record(303, "acme", first, new Thought("a2")),
                    record(304, "acme", second, new GenerationCompleted("CREATE VIEW b AS SELECT 1", "b.sql",
                            Map.of(), 0))));

            // Then: each stream gets its own tenant's frames of its key, in offset order, once; the terminal one ends it
            await().atMost(Duration.ofSeconds(10)).until(b::ended);
            await().atMost(Duration.ofSeconds(10)).until(() -> a.events().size() >= 2);
            assertThat(a.events()).extracting(SseClient.Event::id).containsExactly("300", "303");
            assertThat(b.events()).extracting(SseClient.Event::id).containsExactly("301", "304", null);
            assertThat(b.events()).extracting(SseClient.Event::event)
                    .containsExactly("thought", "generation_complete", "done");
        }
    }

    @Test
    void shouldGiveAStreamResumingWhileBatchesArriveEveryLaterEventExactlyOnceInOrder() throws Exception {
        for (int round = 0; round < 6; round++) {
            // Given: three events stored, seen by a watcher
            String generationId = GenerationCommandTest.newGenerationId();
            try (SseClient watcher = SseClient.open(base, Tokens.alice(), generationId, null)) {
                sendBatch(List.of(record(400, "acme", generationId, new Thought("t0")),
                        record(401, "acme", generationId, new Thought("t1")),
                        record(402, "acme", generationId, new Thought("t2"))));
                await().atMost(Duration.ofSeconds(10)).until(() -> watcher.events().size() == 3);

                // When: a client resumes after the first while the next batch arrives (before, during or after it opens)
                List<ConsumerRecord<String, String>> next = List.of(record(403, "acme", generationId,
                        new Thought("t3")), record(404, "acme", generationId, new Thought("t4")));
                SseClient resumed;
                if (round % 3 == 0) {
                    sendBatch(next);
                    resumed = SseClient.open(base, Tokens.alice(), generationId, "400");
                } else if (round % 3 == 1) {
                    Thread sender = new Thread(() -> sendBatch(next));
                    sender.start();
                    resumed = SseClient.open(base, Tokens.alice(), generationId, "400");
                    sender.join();
                } else {
                    resumed = SseClient.open(base, Tokens.alice(), generationId, "400");
                    sendBatch(next);
                }

                // Then: 401 to 404, each once, in order
                try (resumed) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> watcher.events().size() == 5);
                    await().atMost(Duration.ofSeconds(10)).until(() -> resumed.events().size() >= 4);
                    assertThat(resumed.events()).extracting(SseClient.Event::id)
                            .as("round %d", round).containsExactly("401", "402", "403", "404");
                    assertThat(watcher.events()).extracting(SseClient.Event::id)
                            .containsExactly("400", "401", "402", "403", "404");
                }
            }
        }
    }

    @Test
    void shouldKeepAStreamWhoseClientIsStillReadingALargeFrameWhenTheNextEventsArrive() throws Exception {
        // Given: a stream read through a plain socket with a small receive buffer, and a frame larger than the socket
        // buffers hold (the hashmap of a layer of many targets is about 800 KB for 14 targets of 120 columns)
        String generationId = GenerationCommandTest.newGenerationId();
        String large = "x".repeat(8 * 1024 * 1024);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.getOutputStream().write(("GET /api/v1/generations/" + generationId + "/events HTTP/1.1\r\nHost: "
                    + base.getHost() + "\r\nAuthorization: Bearer " + Tokens.alice()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // the response head arrives once the stream is open
            String head = readUntil(socket, "\r\n\r\n");

            // When: the next events follow while the client has not read the large one yet
            send(500, "acme", generationId, new Thought(large));
            send(501, "acme", generationId, new Progress("validating", "Validating", 92, Map.of(), null));
            send(502, "acme", generationId, new GenerationCompleted("CREATE VIEW c AS SELECT 1", "c.sql", Map.of(),
                    0));
            // a second stream resuming after 500 ends once the gateway has taken 501 and 502 (the moment the old code
            // closed the slow one); only then does the first client read
            try (SseClient follower = SseClient.open(base, Tokens.alice(), generationId, "500")) {
                await().atMost(Duration.ofSeconds(10)).until(follower::ended);
            }
            String received = head + readUntil(socket, "event: done\n");

            // Then: the client was not closed as too slow; it got every event, then done
            assertThat(received).startsWith("HTTP/1.1 200").contains("id: 500\n").contains("id: 501\n")
                    .contains("id: 502\n").contains("event: done\n");
        }
    }

    @Test
    void shouldAdvertiseTheRetryDelayAndKeepAnIdleStreamAliveWithComments() throws Exception {
        // Given: a stream on which nothing happens (heartbeat every second in the test profile)
        try (SseClient idle = SseClient.open(base, Tokens.alice(), GenerationCommandTest.newGenerationId(), null)) {

            // When
            await().atMost(Duration.ofSeconds(10)).until(() -> idle.comments() >= 2);

            // Then: the retry delay came first, the keep-alive comments are no events, and the stream is still open
            assertThat(idle.retry()).isEqualTo("3000");
            assertThat(idle.events()).isEmpty();
            assertThat(idle.ended()).isFalse();
        }
    }

    /**
     * What the socket received until {@code marker} was among it (the response stays open as a kept-alive connection
     * after {@code done}); bytes past the marker in the last read are kept too.
     */
    private static String readUntil(Socket socket, String marker) throws Exception {
        socket.setSoTimeout(30_000);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        String tail = "";
        int read;
        while ((read = socket.getInputStream().read(chunk)) > 0) {
            received.write(chunk, 0, read);
            tail = tail + new String(chunk, 0, read, StandardCharsets.US_ASCII);
            if (tail.contains(marker)) {
                break;
            }
            tail = tail.substring(Math.max(0, tail.length() - marker.length()));
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private void send(long offset, String tenant, String key, EventPayload payload) {
        sendBatch(List.of(record(offset, tenant, key, payload)));
    }

    /** One polled batch, as the Kafka connector hands it to the consumer. */
    private void sendBatch(List<ConsumerRecord<String, String>> records) {
        InMemorySource<ConsumerRecords<String, String>> source = connector.source("generation-events");
        source.send(new ConsumerRecords<>(Map.of(new TopicPartition("aide.generation.events.v1", 0), records)));
    }

    private static ConsumerRecord<String, String> record(long offset, String tenant, String key,
                                                         EventPayload payload) {
        return new ConsumerRecord<>("aide.generation.events.v1", 0, offset, key,
                EventJson.toJson(Envelope.of(tenant, "test", key, payload)));
    }
}
