package io.aide.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.GenerationCompleted;
import io.aide.events.v1.GenerationRequested;
import io.aide.events.v1.Progress;
import io.aide.gateway.service.SseFrame;
import io.aide.gateway.service.SsePayloads;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SsePayloadsTest {

    @Test
    void shouldNestBlockFieldsUnderBlockDataInSnakeCase() throws Exception {
        // Given
        Envelope envelope = Envelope.of("acme", "c1", "gen_1700000000000_abc", new BlockUpdated("select_clause",
                "orders", "duckdb", "completed", "SELECT 1", 1, Instant.parse("2026-01-01T00:00:00Z"), 1));

        // When
        SseFrame frame = SsePayloads.frame(envelope, 42);
        JsonNode data = EventJson.mapper().readTree(frame.data());

        // Then
        assertThat(frame.event()).isEqualTo("block_update");
        assertThat(data.path("block_name").asText()).isEqualTo("select_clause");
        assertThat(data.path("block_data").path("sql").asText()).isEqualTo("SELECT 1");
        assertThat(data.path("block_data").path("status").asText()).isEqualTo("completed");
        assertThat(data.path("block_data").path("order").asInt()).isEqualTo(1);
        assertThat(data.path("block_data").path("timestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void shouldRenameOnlyTheRecordsOwnPropertiesNotFreeFormStats() throws Exception {
        // Given
        Envelope envelope = Envelope.of("acme", "c1", "gen_1", new Progress("compile", "compiling", 40,
                Map.of("rowsCompiled", 3), null));

        // When
        JsonNode data = EventJson.mapper().readTree(SsePayloads.frame(envelope, 1).data());

        // Then
        assertThat(data.path("progress_percentage").asInt()).isEqualTo(40);
        assertThat(data.path("stats").has("rowsCompiled")).isTrue();
    }

    @Test
    void shouldMarkGenerationCompleteAsTerminalWithFinalSql() throws Exception {
        // Given
        Envelope envelope = Envelope.of("acme", "c1", "gen_1", new GenerationCompleted("CREATE VIEW v AS SELECT 1",
                "orders.sql", Map.of(), 0));

        // When
        SseFrame frame = SsePayloads.frame(envelope, 7);

        // Then
        assertThat(frame.terminal()).isTrue();
        assertThat(EventJson.mapper().readTree(frame.data()).path("final_sql").asText()).startsWith("CREATE VIEW");
        assertThat(frame.render()).startsWith("id: 7\nevent: generation_complete\ndata: {");
    }

    @Test
    void shouldNotStreamCommands() {
        // Given
        Envelope envelope = Envelope.of("acme", "c1", "gen_1", new GenerationRequested("gen_1", "doc", 0, null,
                List.of("duckdb"), List.of(), "alice"));

        // When / Then
        assertThat(SsePayloads.frame(envelope, 3)).isNull();
    }

    @Test
    void shouldSurviveTheRoundTripThroughTheReplayBuffer() {
        // Given
        SseFrame frame = new SseFrame(12, "thought", "{\"content\":\"a\\nb\"}", false);

        // When / Then
        assertThat(SseFrame.fromStored(frame.toStored())).isEqualTo(frame);
    }
}
