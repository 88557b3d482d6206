package io.aide.sqlgen.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.sqlgen.persistence.BlockRecord;
import io.aide.sqlgen.persistence.GenerationKey;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.persistence.LayerRecord;

import java.util.List;

/**
 * The generation hashmap of the seed: {generation_id, semantic_layer_name, status, blocks{select_clause, joins,
 * where_clause, ...: {status, order, timestamp, ...}}, metadata{mapping_file, total_blocks, completed_blocks,
 * progress_percentage, estimated_completion}}. {@code blocks} holds every target's blocks: keyed by block name when
 * the generation has one target (the seed's shape), by {@code <target>/<block name>} when it has several, so a
 * client that replaces its blocks with a snapshot never loses a target. Each block names its target and block name.
 * <p>
 * One shape for the REST answer and for what is published ({@code hashmap_sync}): each block's SQL once per dialect,
 * in {@code sql_by_dialect}; {@code primary_dialect} says which dialect a reader shows first (its text is
 * {@code sql_by_dialect[primary_dialect]}); {@code layers} list the targets without their blocks (a layer's blocks
 * are the blocks whose {@code target} it is). With one dialect asked for ({@code ?dialect=}), each block carries
 * only that dialect's text, as {@code sql} with {@code dialect}.
 */
public final class HashmapBuilder {

    /** The stored generation's hashmap as it is published. */
    static ObjectNode published(GenerationRepository repo, GenerationKey key) {
        GenerationRecord g = repo.find(key).orElseThrow();
        return build(g, repo.layers(key), repo.blocks(key), null);
    }

    public static ObjectNode build(GenerationRecord g, List<LayerRecord> layers, List<BlockRecord> blocks) {
        return build(g, layers, blocks, null);
    }

    /** @param dialect null for every dialect's SQL per block ({@code sql_by_dialect}), else only that dialect's */
    public static ObjectNode build(GenerationRecord g, List<LayerRecord> layers, List<BlockRecord> blocks,
                                   String dialect) {
        String primary = Dialects.primary(g.dialects());
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("generation_id", g.id());
        root.put("semantic_layer_name", g.semanticLayerName() == null ? g.id() : g.semanticLayerName());
        root.put("status", g.status());
        root.put("document_id", g.documentId());
        root.put("spec_version", g.specVersion());
        root.put("checkpoint", g.checkpoint());
        root.put("primary_dialect", primary);
        ArrayNode dialects = root.putArray("dialects");
        g.dialects().forEach(dialects::add);

        boolean qualified = layers.size() > 1;
        ObjectNode allBlocks = root.putObject("blocks");
        ArrayNode layerNodes = root.putArray("layers");
        int total = 0;
        int completed = 0;
        for (LayerRecord layer : layers) {
            ObjectNode node = layerNodes.addObject();
            node.put("target", layer.target());
            node.put("status", layer.status());
            node.put("mapping_rows", layer.rowCount());
            node.put("columns", layer.columns().size());
            node.put("columns_needing_attention", layer.columnsNeedingAttention());
            for (BlockRecord block : blocks) {
                if (!block.target().equals(layer.target())) {
                    continue;
                }
                total++;
                if ("completed".equals(block.status())) {
                    completed++;
                }
                allBlocks.set(qualified ? layer.target() + "/" + block.name() : block.name(), blockData(block, dialect));
            }
        }

        ObjectNode metadata = root.putObject("metadata");
        metadata.put("mapping_file", g.mappingFile());
        metadata.put("total_blocks", total);
        metadata.put("completed_blocks", completed);
        metadata.put("progress_percentage", percentage(g.status(), total, completed));
        metadata.put("estimated_completion", g.estimatedCompletion() == null ? null : g.estimatedCompletion().toString());
        metadata.put("columns_needing_attention", layers.stream().mapToInt(LayerRecord::columnsNeedingAttention).sum());
        ArrayNode targets = metadata.putArray("targets");
        layers.forEach(l -> targets.add(l.target()));
        return root;
    }

    /**
     * {status, order, timestamp} of the seed plus version, target and block name, and the block's SQL: every
     * dialect's in {@code sql_by_dialect} when {@code dialect} is null, else that dialect's as {@code sql} (empty
     * when the block was not rendered in it) with {@code dialect}.
     */
    public static ObjectNode blockData(BlockRecord block, String dialect) {
        ObjectNode data = EventJson.mapper().createObjectNode();
        data.put("status", block.status());
        if (dialect != null) {
            data.put("sql", block.sql().getOrDefault(dialect, ""));
            data.put("dialect", dialect);
        }
        data.put("order", block.order());
        data.put("timestamp", block.updatedAt() == null ? null : block.updatedAt().toString());
        data.put("version", block.version());
        data.put("target", block.target());
        data.put("block_name", block.name());
        if (dialect == null) {
            ObjectNode byDialect = data.putObject("sql_by_dialect");
            new java.util.TreeMap<>(block.sql()).forEach(byDialect::put);
        }
        return data;
    }

    static int percentage(String status, int total, int completed) {
        return switch (status) {
            case GenerationStatus.COMPLETED -> 100;
            case GenerationStatus.VALIDATING -> 95;
            default -> total == 0 ? 0 : ProgressTracker.COMPILE_END * completed / total;
        };
    }

    private HashmapBuilder() {
    }
}
