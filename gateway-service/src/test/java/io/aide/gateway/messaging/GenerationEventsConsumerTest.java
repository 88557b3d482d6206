package io.aide.gateway.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.gateway.service.EventFanout;
import io.aide.gateway.service.HashmapParts;
import io.aide.gateway.service.SseFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationEventsConsumerTest {

    private static EventFanout.Published part(long offset, int part, int of) {
        ObjectNode data = EventJson.mapper().createObjectNode().put("reason", "checkpoint").put("sync_id", "s1")
                .put("part", part).put("of", of);
        data.putObject("complete_hashmap").putObject("blocks").putObject("t" + part + "/select_clause")
                .put("status", "completed");
        return new EventFanout.Published("acme", "gen_1", new SseFrame(offset, HashmapParts.PART, data.toString(),
                false));
    }

    private static EventFanout.Published thought(long offset) {
        return new EventFanout.Published("acme", "gen_1", new SseFrame(offset, "thought", "{\"content\":\"x\"}",
                false));
    }

    @Test
    void shouldStreamNothingForABatchOfOnlyEarlierPartsOfAHashmap() {
        // Given: a batch that holds parts 1 and 2 of 3 (the last comes in a later batch)
        GenerationEventsConsumer consumer = new GenerationEventsConsumer(null, null);

        // When
        List<EventFanout.Published> streamed = consumer.withHashmapsAssembled(List.of(part(5, 1, 3), part(6, 2, 3)))
                .await().indefinitely();

        // Then
        assertThat(streamed).isEmpty();
    }

    @Test
    void shouldStreamTheOtherEventsAndOneHashmapSyncForASetWhollyInTheBatch() throws Exception {
        // Given
        GenerationEventsConsumer consumer = new GenerationEventsConsumer(null, null);

        // When
        List<EventFanout.Published> streamed = consumer.withHashmapsAssembled(List.of(thought(4), part(5, 1, 2),
                part(6, 2, 2), thought(7))).await().indefinitely();

        // Then
        assertThat(streamed).extracting(p -> p.frame().event()).containsExactly("thought", "hashmap_sync", "thought");
        assertThat(streamed).extracting(p -> p.frame().offset()).containsExactly(4L, 6L, 7L);
        assertThat(EventJson.mapper().readTree(streamed.get(1).frame().data()).path("complete_hashmap")
                .path("blocks").size()).isEqualTo(2);
    }
}
