package io.aide.sqlgen.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.sqlgen.persistence.BlockRecord;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.LayerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HashmapBuilderTest {
    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    private static List<LayerRecord> ordersAndPendingCustomers() {
        return List.of(layer("orders", "completed"), layer("customers", "pending"));
    }

    private static List<BlockRecord> blocksOfOrdersAndPendingCustomers() {
        return List.of(
                new BlockRecord("orders", "select_clause", 1, "completed", 1, Map.of("postgres", "SELECT o.id",
                        "duckdb", "SELECT d.id"), List.of("@mapping[M:4]"), T),
                new BlockRecord("orders", "joins", 2, "completed", 1, Map.of("postgres", "FROM orders"), List.of(), T),
                new BlockRecord("customers", "select_clause", 1, "pending", 0, Map.of(), List.of(), T));
    }

    @Test
    void shouldBuildTheSeedHashmapWithEveryTargetsBlocksAndEveryLayer() {
        // Given: two targets, the second still pending
        GenerationRecord g = generation("generating");
        List<LayerRecord> layers = ordersAndPendingCustomers();
        List<BlockRecord> blocks = blocksOfOrdersAndPendingCustomers();

        // When
        ObjectNode hashmap = HashmapBuilder.build(g, layers, blocks);

        // Then
        assertThat(hashmap.path("generation_id").asText()).isEqualTo("gen_1");
        assertThat(hashmap.path("primary_dialect").asText()).isEqualTo("postgres");
        assertThat(hashmap.path("blocks").path("orders/select_clause").path("sql_by_dialect").path("postgres").asText())
                .isEqualTo("SELECT o.id");
        assertThat(hashmap.path("blocks").path("orders/select_clause").path("order").asInt()).isEqualTo(1);
        assertThat(hashmap.path("blocks").path("orders/select_clause").path("timestamp").asText()).isEqualTo(T.toString());
        assertThat(hashmap.path("blocks").path("orders/select_clause").path("sql_by_dialect").path("duckdb").asText())
                .isEqualTo("SELECT d.id");
        assertThat(hashmap.path("blocks").path("customers/select_clause").path("target").asText())
                .isEqualTo("customers");
        assertThat(hashmap.path("blocks").path("customers/select_clause").path("block_name").asText())
                .isEqualTo("select_clause");
        assertThat(hashmap.path("blocks").size()).isEqualTo(3);
        assertThat(hashmap.path("blocks").path("customers/select_clause").path("status").asText()).isEqualTo("pending");
        assertThat(hashmap.path("layers")).extracting(l -> l.path("target").asText()).containsExactly("orders",
                "customers");
        assertThat(hashmap.path("metadata").path("total_blocks").asInt()).isEqualTo(3);
        assertThat(hashmap.path("metadata").path("completed_blocks").asInt()).isEqualTo(2);
        assertThat(hashmap.path("metadata").path("progress_percentage").asInt()).isEqualTo(56);
        assertThat(hashmap.path("metadata").path("mapping_file").asText()).isEqualTo("m.xlsx");
    }

    @Test
    void shouldHoldEachBlocksSqlOncePerDialect() {
        // Given
        GenerationRecord g = generation("generating");
        List<LayerRecord> layers = ordersAndPendingCustomers();
        List<BlockRecord> blocks = blocksOfOrdersAndPendingCustomers();

        // When
        ObjectNode published = HashmapBuilder.build(g, layers, blocks);

        // Then: the block only under blocks, its SQL only in sql_by_dialect; the layers without blocks
        JsonNode block = published.path("blocks").path("orders/select_clause");
        assertThat(block.has("sql")).isFalse();
        assertThat(block.has("dialect")).isFalse();
        assertThat(block.path("sql_by_dialect").path("postgres").asText()).isEqualTo("SELECT o.id");
        assertThat(block.path("sql_by_dialect").path("duckdb").asText()).isEqualTo("SELECT d.id");
        assertThat(published.path("primary_dialect").asText()).isEqualTo(Dialects.primary(g.dialects()));
        assertThat(published.path("layers")).hasSize(2).allSatisfy(l -> assertThat(l.has("blocks")).isFalse());
        assertThat(published.toString().split("SELECT o.id", -1)).hasSize(2);
        assertThat(published.path("metadata").path("total_blocks").asInt()).isEqualTo(3);
    }

    @Test
    void shouldHoldOnlyTheAskedDialectsSqlAsSqlWhenOneDialectIsAskedFor() {
        // Given
        GenerationRecord g = generation("generating");

        // When
        ObjectNode duckdb = HashmapBuilder.build(g, ordersAndPendingCustomers(), blocksOfOrdersAndPendingCustomers(),
                "duckdb");

        // Then: one dialect's text per block, nothing of the others
        JsonNode select = duckdb.path("blocks").path("orders/select_clause");
        assertThat(select.path("sql").asText()).isEqualTo("SELECT d.id");
        assertThat(select.path("dialect").asText()).isEqualTo("duckdb");
        assertThat(select.has("sql_by_dialect")).isFalse();
        assertThat(duckdb.path("blocks").path("orders/joins").path("sql").asText()).isEmpty();
        assertThat(duckdb.toString()).doesNotContain("SELECT o.id").doesNotContain("FROM orders");
        assertThat(duckdb.path("metadata").path("total_blocks").asInt()).isEqualTo(3);
    }

    @Test
    void shouldCarryEveryTargetsBlocksInTheSnapshotSentWhenValidationStarts() {
        // Given: three targets compiled, the generation now validating (the checkpoint's hashmap_sync)
        GenerationRecord g = generation("validating");
        List<LayerRecord> layers = List.of(layer("orders", "completed"), layer("customers", "completed"),
                layer("products", "completed"));
        List<BlockRecord> blocks = new java.util.ArrayList<>();
        for (String target : List.of("orders", "customers", "products")) {
            blocks.add(new BlockRecord(target, "select_clause", 1, "completed", 1, Map.of("postgres", "SELECT 1"),
                    List.of(), T));
            blocks.add(new BlockRecord(target, "joins", 2, "completed", 1, Map.of("postgres", "FROM " + target),
                    List.of(), T));
        }

        // When
        ObjectNode hashmap = HashmapBuilder.build(g, layers, blocks);

        // Then
        assertThat(hashmap.path("blocks").size()).isEqualTo(6);
        assertThat(hashmap.path("blocks").path("products/joins").path("sql_by_dialect").path("postgres").asText())
                .isEqualTo("FROM products");
        assertThat(hashmap.path("metadata").path("total_blocks").asInt()).isEqualTo(6);
        assertThat(hashmap.path("metadata").path("progress_percentage").asInt()).isEqualTo(95);
    }

    @Test
    void shouldKeyBlocksByNameAloneWhenTheGenerationHasOneTarget() {
        // Given
        GenerationRecord g = generation("generating");
        List<BlockRecord> blocks = List.of(new BlockRecord("orders", "select_clause", 1, "completed", 1,
                Map.of("postgres", "SELECT o.id"), List.of(), T));

        // When
        ObjectNode hashmap = HashmapBuilder.build(g, List.of(layer("orders", "completed")), blocks);

        // Then
        assertThat(hashmap.path("blocks").path("select_clause").path("sql_by_dialect").path("postgres").asText())
                .isEqualTo("SELECT o.id");
        assertThat(hashmap.path("blocks").size()).isEqualTo(1);
    }

    private static GenerationRecord generation(String status) {
        return new GenerationRecord("gen_1", "acme", "doc_1", 1, null, List.of("postgres", "duckdb"), List.of(),
                List.of("orders", "customers"), status, 0, "m", "m.xlsx", 0, null, Map.of(), null, null, null, null,
                "alice", "c", null, null, T, T, null, null, null, null);
    }

    private static LayerRecord layer(String target, String status) {
        return new LayerRecord(target, 0, status, 3, Map.of(), null, List.of(), List.of(), List.of(), 0, 1, T);
    }
}
