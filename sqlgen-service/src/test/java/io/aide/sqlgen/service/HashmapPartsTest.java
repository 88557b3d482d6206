package io.aide.sqlgen.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.events.v1.HashmapSynced;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HashmapPartsTest {

    private static ObjectNode hashmap(int blocks, int sqlLength) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("generation_id", "gen_1");
        root.put("primary_dialect", "duckdb");
        root.putObject("metadata").put("total_blocks", blocks);
        ObjectNode all = root.putObject("blocks");
        for (int i = 0; i < blocks; i++) {
            ObjectNode block = all.putObject(String.format("target_%02d/select_clause", i));
            block.put("target", String.format("target_%02d", i));
            block.putObject("sql_by_dialect").put("duckdb", "x".repeat(sqlLength));
        }
        return root;
    }

    @Test
    void shouldKeepAHashmapWithinTheBudgetInOneRecord() {
        // Given
        ObjectNode hashmap = hashmap(3, 10);

        // When
        List<HashmapSynced> parts = HashmapParts.split(hashmap, "checkpoint", 10_000);

        // Then
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).part()).isEqualTo(1);
        assertThat(parts.get(0).of()).isEqualTo(1);
        assertThat(parts.get(0).syncId()).isNull();
        assertThat(parts.get(0).completeHashmap()).isEqualTo(hashmap);
    }

    @Test
    void shouldCutALargeHashmapIntoPartsWithinTheBudgetThatTogetherHoldEveryBlockOnce() {
        // Given: 40 blocks of about 1 KB against a 5 KB budget
        ObjectNode hashmap = hashmap(40, 1_000);

        // When
        List<HashmapSynced> parts = HashmapParts.split(hashmap, "checkpoint", 5_000);

        // Then: part 1 has the other fields, every part fits, the blocks are all there once, in order
        assertThat(parts).hasSizeGreaterThan(7);
        assertThat(parts).extracting(HashmapSynced::of).containsOnly(parts.size());
        assertThat(parts).extracting(HashmapSynced::syncId).doesNotContainNull().containsOnly(parts.get(0).syncId());
        assertThat(parts).extracting(HashmapSynced::reason).containsOnly("checkpoint");
        assertThat(parts.get(0).completeHashmap().path("generation_id").asText()).isEqualTo("gen_1");
        assertThat(parts.get(1).completeHashmap().has("generation_id")).isFalse();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode part = parts.get(i).completeHashmap();
            assertThat(parts.get(i).part()).isEqualTo(i + 1);
            assertThat(HashmapParts.size(part)).isLessThanOrEqualTo(5_000);
            part.path("blocks").fieldNames().forEachRemaining(keys::add);
        }
        List<String> expected = new ArrayList<>();
        hashmap.path("blocks").fieldNames().forEachRemaining(expected::add);
        assertThat(keys).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldGiveABlockLargerThanTheBudgetAPartOfItsOwn() {
        // Given
        ObjectNode hashmap = hashmap(3, 100);
        ((ObjectNode) hashmap.path("blocks").path("target_01/select_clause").path("sql_by_dialect"))
                .put("duckdb", "y".repeat(20_000));

        // When
        List<HashmapSynced> parts = HashmapParts.split(hashmap, "recovery", 5_000);

        // Then
        assertThat(parts).hasSize(3);
        assertThat(parts.get(1).completeHashmap().path("blocks").size()).isEqualTo(1);
        assertThat(parts.get(1).completeHashmap().path("blocks").has("target_01/select_clause")).isTrue();
    }
}
