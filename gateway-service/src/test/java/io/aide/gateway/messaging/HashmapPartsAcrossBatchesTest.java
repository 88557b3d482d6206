package io.aide.gateway.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.HashmapSynced;
import io.aide.events.v1.Thought;
import io.aide.gateway.service.EventFanout;
import io.aide.gateway.service.HashmapParts;
import io.aide.gateway.service.PendingParts;
import io.aide.gateway.service.SsePayloads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream's reassembly of a {@code hashmap_sync} published in parts over several polled batches, with no
 * store at all: the consumer holds the earlier parts in memory, so a Redis outage does not keep the hashmap from
 * the open streams (the consumer here has no replay buffer; touching it would fail the test).
 */
class HashmapPartsAcrossBatchesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void shouldStreamAHashmapWhosePartsSpanThreeBatchesAsOneHashmapSyncWithoutTheReplayBuffer() throws Exception {
        // Given: a consumer without a replay buffer, and a hashmap of three parts in three batches
        GenerationEventsConsumer consumer = new GenerationEventsConsumer(null, new EventFanout());
        List<PartFrame> parts = parts("acme", "gen_1_a", "sync-1", 3, 100);

        // When
        List<EventFanout.Published> first = consumer.withHashmapsAssembled(List.of(parts.get(0).published(),
                thought("acme", "gen_1_a", 150))).await().atMost(WAIT);
        List<EventFanout.Published> second = consumer.withHashmapsAssembled(List.of(parts.get(1).published()))
                .await().atMost(WAIT);
        List<EventFanout.Published> third = consumer.withHashmapsAssembled(List.of(parts.get(2).published()))
                .await().atMost(WAIT);

        // Then: nothing of the hashmap until its last part, then one hashmap_sync at the last part's offset
        assertThat(first).extracting(p -> p.frame().event()).containsExactly("thought");
        assertThat(second).isEmpty();
        assertThat(third).singleElement().satisfies(p -> {
            assertThat(p.frame().event()).isEqualTo("hashmap_sync");
            assertThat(p.frame().offset()).isEqualTo(103);
            assertThat(p.tenant()).isEqualTo("acme");
            JsonNode hashmap = EventJson.mapper().readTree(p.frame().data()).path("complete_hashmap");
            assertThat(hashmap.path("generation_id").asText()).isEqualTo("gen_1_a");
            assertThat(hashmap.path("blocks").size()).isEqualTo(3);
            assertThat(hashmap.path("blocks").path("t2/select_clause").path("sql_by_dialect").path("duckdb")
                    .asText()).isEqualTo("SELECT 2");
        });
    }

    @Test
    void shouldKeepTheSetsOfTwoTenantsOnTheSameKeyApart() throws Exception {
        // Given: acme and globex both streaming a hashmap in two parts under the same generation id, interleaved
        GenerationEventsConsumer consumer = new GenerationEventsConsumer(null, new EventFanout());
        List<PartFrame> acme = parts("acme", "gen_1_b", "sync-a", 2, 200);
        List<PartFrame> globex = parts("globex", "gen_1_b", "sync-g", 2, 300);

        // When
        consumer.withHashmapsAssembled(List.of(acme.get(0).published(), globex.get(0).published())).await()
                .atMost(WAIT);
        List<EventFanout.Published> last = consumer.withHashmapsAssembled(List.of(globex.get(1).published(),
                acme.get(1).published())).await().atMost(WAIT);

        // Then
        assertThat(last).extracting(EventFanout.Published::tenant).containsExactly("globex", "acme");
        assertThat(last).allSatisfy(p -> assertThat(EventJson.mapper().readTree(p.frame().data())
                .path("complete_hashmap").path("blocks").size()).isEqualTo(2));
    }

    @Test
    void shouldDropTheOldestIncompleteSetPastItsBound() {
        // Given: room for one incomplete set
        PendingParts pending = new PendingParts(1, 1 << 20);
        List<PartFrame> older = parts("acme", "gen_1_c", "sync-old", 2, 400);
        List<PartFrame> newer = parts("acme", "gen_1_c", "sync-new", 2, 500);

        // When
        pending.offer("acme", "gen_1_c", older.get(0).part());
        pending.offer("acme", "gen_1_c", newer.get(0).part());

        // Then: the older set lost its first part (the consumer looks for it in the buffer), the newer is whole
        assertThat(pending.offer("acme", "gen_1_c", older.get(1).part())).hasSize(1);
        assertThat(HashmapParts.merge(pending.offer("acme", "gen_1_c", newer.get(1).part()))).isNotNull();
        assertThat(pending.waiting()).isZero();
    }

    /** A part as the consumer reads it, and as the assembler holds it. */
    private record PartFrame(EventFanout.Published published) {
        HashmapParts.Part part() {
            return HashmapParts.part(published.frame());
        }
    }

    /** The parts of one hashmap with one block each, at consecutive offsets from {@code offset + 1}. */
    private static List<PartFrame> parts(String tenant, String generationId, String syncId, int of,
                                                         long offset) {
        return java.util.stream.IntStream.range(0, of).mapToObj(i -> {
            ObjectNode body = EventJson.mapper().createObjectNode();
            if (i == 0) {
                body.put("generation_id", generationId).put("primary_dialect", "duckdb");
            }
            body.putObject("blocks").putObject("t" + i + "/select_clause").put("target", "t" + i)
                    .put("block_name", "select_clause").putObject("sql_by_dialect").put("duckdb", "SELECT " + i);
            Envelope envelope = Envelope.of(tenant, "corr", generationId, new HashmapSynced(body, "checkpoint", syncId,
                    i + 1, of));
            return new PartFrame(new EventFanout.Published(tenant, generationId,
                    SsePayloads.frame(envelope, offset + 1 + i)));
        }).toList();
    }

    private static EventFanout.Published thought(String tenant, String generationId, long offset) {
        return new EventFanout.Published(tenant, generationId, SsePayloads.frame(Envelope.of(tenant, "corr",
                generationId, new Thought("compiling")), offset));
    }
}
