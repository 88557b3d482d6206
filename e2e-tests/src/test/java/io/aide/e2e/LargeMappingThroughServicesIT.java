package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mapping the size of a real one (2,000 rows: 20 targets of 100 rows) generated in all eight dialects through the
 * services: the stream reaches {@code done} with no error, its final {@code hashmap_sync} carries every target's
 * blocks in every SQL dialect, and no record of the generation on the events topic is near Kafka's 1 MB limit (the
 * hashmap goes in parts). Prints the wall time from the POST to {@code done} and the largest record, for
 * docs/benchmarks.md.
 */
class LargeMappingThroughServicesIT {
    private static final int TARGETS = 20;
    private static final int ROWS_PER_TARGET = 100;
    private static final List<String> DIALECTS = List.of("duckdb", "postgres", "spark", "snowflake", "bigquery",
            "ansi", "pyspark", "dbt");
    private static final Set<String> SQL_DIALECTS = Set.of("duckdb", "postgres", "spark", "snowflake", "bigquery",
            "ansi");
    /** The producers' max.request.size is 1,048,576 bytes; sqlgen refuses an event over 1,000,000. */
    private static final int RECORD_LIMIT = 1_000_000;

    @Test
    void shouldStreamAGenerationOf2000RowsInAllDialectsToDoneWithEveryTargetInTheFinalHashmap() throws Exception {
        // Given: a parsed mapping of 2,000 rows over 20 targets, and its stream open
        String alice = Stack.token("alice", "alice");
        byte[] mapping = ManyTargetsMapping.csv(TARGETS, ROWS_PER_TARGET);
        String documentId = Mappings.uploadParsed(alice, "large_mapping.csv", mapping);
        String generationId = Stack.newGenerationId();
        SseStream stream = Stack.events(alice, generationId, null);
        CompletableFuture<List<SseEvent>> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done"));

        // When: it is generated in every dialect
        long started = System.nanoTime();
        HttpResponse<String> accepted = Stack.postJson(alice, "/api/v1/generations", Map.of("generationId",
                generationId, "documentId", documentId, "dialects", DIALECTS));
        List<SseEvent> received = events.get(600, TimeUnit.SECONDS);
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        List<EventsTopic.Stored> records = EventsTopic.records(generationId);

        // Then: the stream ends with completion and done, without an error
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        List<String> names = received.stream().map(SseEvent::event).toList();
        assertThat(names).doesNotContain("error");
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("generation_complete", "done");

        // and the last hashmap_sync holds every target's blocks, each block's SQL once in every SQL dialect
        List<SseEvent> syncs = received.stream().filter(e -> e.event().equals("hashmap_sync")).toList();
        assertThat(syncs).isNotEmpty();
        JsonNode hashmap = syncs.get(syncs.size() - 1).json().path("complete_hashmap");
        Set<String> targets = new TreeSet<>();
        int blocks = 0;
        for (JsonNode block : hashmap.path("blocks")) {
            blocks++;
            targets.add(block.path("target").asText());
            assertThat(block.path("status").asText()).as("%s", block.path("block_name")).isEqualTo("completed");
            Set<String> dialects = new TreeSet<>();
            block.path("sql_by_dialect").fieldNames().forEachRemaining(dialects::add);
            assertThat(dialects).as("%s/%s", block.path("target"), block.path("block_name"))
                    .containsAll(SQL_DIALECTS);
            assertThat(block.has("sql")).as("the primary dialect's text only in sql_by_dialect").isFalse();
        }
        assertThat(hashmap.path("primary_dialect").asText()).isEqualTo("duckdb");
        assertThat(targets).containsExactlyElementsOf(ManyTargetsMapping.targets(TARGETS));
        assertThat(hashmap.path("metadata").path("total_blocks").asInt(-1)).isEqualTo(blocks);
        assertThat(hashmap.path("blocks").path("target_19/select_clause").path("sql_by_dialect").path("duckdb").asText())
                .contains("col_99");

        // and no record of the generation is over the limit; the hashmap went in parts
        EventsTopic.Stored largest = records.stream().max((a, b) -> Integer.compare(a.bytes(), b.bytes()))
                .orElseThrow();
        long parts = records.stream().filter(r -> r.envelope().type().equals("HashmapSynced")).count();
        assertThat(largest.bytes()).as("largest record: %s", largest.envelope().type()).isLessThan(RECORD_LIMIT);
        assertThat(parts).isGreaterThan(syncs.size());
        int frame = syncs.get(syncs.size() - 1).data().getBytes(StandardCharsets.UTF_8).length;
        String rest = Stack.get(alice, "/api/v1/generations/" + generationId).body();
        String oneDialect = Stack.get(alice, "/api/v1/generations/" + generationId + "?dialect=postgres").body();
        System.out.printf("large mapping: %d rows x %d dialects, %d events on the topic, POST -> done %d ms; largest "
                        + "record %d bytes (%s); %d hashmap_sync records for %d hashmap_sync events; last hashmap_sync "
                        + "%d bytes as streamed; GET hashmap %d bytes; GET ?dialect=postgres %d bytes%n",
                TARGETS * ROWS_PER_TARGET, DIALECTS.size(), records.size(), wallMillis, largest.bytes(),
                largest.envelope().type(), parts, syncs.size(), frame, bytes(rest), bytes(oneDialect));

        // and the REST hashmap holds each block's SQL once per dialect too: the same blocks as the stream's last
        // hashmap_sync, its layers without blocks; ?dialect= gives one dialect's text alone
        JsonNode got = Stack.json(rest);
        Set<String> streamedKeys = new TreeSet<>();
        Set<String> restKeys = new TreeSet<>();
        hashmap.path("blocks").fieldNames().forEachRemaining(streamedKeys::add);
        got.path("blocks").fieldNames().forEachRemaining(restKeys::add);
        assertThat(restKeys).isEqualTo(streamedKeys);
        for (String key : restKeys) {
            assertThat(got.path("blocks").path(key).path("sql_by_dialect")).as(key)
                    .isEqualTo(hashmap.path("blocks").path(key).path("sql_by_dialect"));
            assertThat(got.path("blocks").path(key).has("sql")).as(key).isFalse();
        }
        assertThat(got.path("layers")).hasSize(TARGETS).allSatisfy(l -> assertThat(l.has("blocks")).isFalse());
        String select19 = hashmap.path("blocks").path("target_19/select_clause").path("sql_by_dialect")
                .path("postgres").asText();
        assertThat(rest.split(java.util.regex.Pattern.quote(EventJson.mapper().writeValueAsString(select19)), -1))
                .as("copies of one block's postgres text in the REST hashmap").hasSize(2);
        JsonNode postgres = Stack.json(oneDialect).path("blocks").path("target_19/select_clause");
        assertThat(postgres.path("sql").asText()).isEqualTo(select19);
        assertThat(postgres.path("dialect").asText()).isEqualTo("postgres");
        assertThat(postgres.has("sql_by_dialect")).isFalse();
        assertThat(bytes(oneDialect)).isLessThan(bytes(rest) / 4);
    }

    private static int bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }
}
