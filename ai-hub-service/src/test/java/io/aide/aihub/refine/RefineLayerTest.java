package io.aide.aihub.refine;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.aihub.service.AiHubException;
import io.aide.events.EventJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layer a refinement rewrites a block of, in the dialect asked for. */
class RefineLayerTest {

    private static JsonNode hashmap(String dialects, String blocks) throws Exception {
        return EventJson.mapper().readTree("{\"dialects\": " + dialects + ", \"blocks\": " + blocks + "}");
    }

    @Test
    void shouldAssembleTheSparkRenderingWithTheCandidateInPlaceOfTheBlock() throws Exception {
        // Given
        JsonNode map = hashmap("[\"duckdb\", \"spark\"]", """
                [{"target": "orders", "block_name": "where_clause", "order": 3, "version": 2,
                  "sql_by_dialect": {"duckdb": "WHERE \\"o\\".\\"status\\" <> 'x'", "spark": "WHERE `o`.`status` <> 'x'"}},
                 {"target": "orders", "block_name": "select_clause", "order": 1, "version": 1,
                  "sql_by_dialect": {"duckdb": "SELECT \\"o\\".\\"id\\"", "spark": "SELECT `o`.`id`"}},
                 {"target": "orders", "block_name": "joins", "order": 2, "version": 1,
                  "sql_by_dialect": {"duckdb": "FROM \\"raw_orders\\" AS \\"o\\"", "spark": "FROM `raw_orders` AS `o`"}}]""");

        // When
        BlockRefiner.Layer layer = BlockRefiner.Layer.of(map, "orders", "where_clause", "spark");

        // Then
        assertThat(layer.block().version()).isEqualTo(2);
        assertThat(layer.with("WHERE `o`.`status` = 'placed'"))
                .isEqualTo("SELECT `o`.`id`\nFROM `raw_orders` AS `o`\nWHERE `o`.`status` = 'placed'");
        assertThat(BlockRefiner.Layer.of(map, "orders", "where_clause").with("WHERE TRUE"))
                .isEqualTo("SELECT \"o\".\"id\"\nFROM \"raw_orders\" AS \"o\"\nWHERE TRUE");
    }

    @Test
    void shouldRefuseADialectTheGenerationDidNotWriteNamingTheOnesItDid() throws Exception {
        // Given
        JsonNode map = hashmap("[\"duckdb\"]", """
                [{"target": "orders", "block_name": "where_clause", "order": 3, "version": 1,
                  "sql_by_dialect": {"duckdb": "WHERE TRUE"}}]""");

        // When / Then
        assertThatThrownBy(() -> BlockRefiner.Layer.of(map, "orders", "where_clause", "spark"))
                .isInstanceOfSatisfying(AiHubException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("refine_dialect_not_generated");
                    assertThat(e.getMessage()).contains("did not write the spark rendering").contains("it wrote duckdb");
                });
    }
}
