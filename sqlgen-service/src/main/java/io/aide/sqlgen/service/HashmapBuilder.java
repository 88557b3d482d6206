package io.aide.sqlgen.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.sqlgen.persistence.BlockRecord;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.persistence.LayerRecord;

import java.util.List;

/**
 * The generation hashmap of the seed: {generation_id, semantic_layer_name, status, blocks{select_clause, joins,
 * where_clause, ...: {status, sql, order, timestamp}}, metadata{mapping_file, total_blocks, completed_blocks,
 * progress_percentage, estimated_completion}}. {@code blocks} holds every target's blocks: keyed by block name when
 * the generation has one target (the seed's shape), by {@code <target>/<block name>} when it has several, so a
 * client that replaces its blocks with a snapshot never loses a target. {@code layers} groups the same blocks per
 * target. Each block names its target, its block name, the dialect of {@code sql} and every dialect's SQL.
 * <p>
 * What is published ({@link #published}) holds each block's SQL once per dialect: the block only in {@code blocks},
 * with {@code sql_by_dialect} and without {@code sql} and {@code dialect} (the primary dialect's text, which the
 * gateway derives from {@code primary_dialect}); {@code layers} without their blocks. The REST answer keeps the full
 * shape.
 */
public final class HashmapBuilder {

    /** The stored generation's hashmap as it is published: each block's SQL once per dialect. */
    static ObjectNode published(GenerationRepository repo, String generationId) {
        GenerationRecord g = repo.find(generationId).orElseThrow();
        return build(g, repo.layers(generationId), repo.blocks(generationId), true);
    }

    public static ObjectNode build(GenerationRecord g, List<LayerRecord> layers, List<BlockRecord> blocks) {
        return build(g, layers, blocks, false);
    }

    /** @param lean blocks only in {@code blocks}, their SQL only in {@code sql_by_dialect} */
    static ObjectNode build(GenerationRecord g, List<LayerRecord> layers, List<BlockRecord> blocks, boolean lean) {
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
            ObjectNode layerBlocks = lean ? null : node.putObject("blocks");
            for (BlockRecord block : blocks) {
                if (!block.target().equals(layer.target())) {
                    continue;
                }
                total++;
                if ("completed".equals(block.status())) {
                    completed++;
                }
                ObjectNode data = blockData(block, lean ? null : primary);
                String key = qualified ? layer.target() + "/" + block.name() : block.name();
                if (lean) {
                    allBlocks.set(key, data);
                } else {
                    layerBlocks.set(block.name(), data);
                    allBlocks.set(key, data.deepCopy());
                }
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

    /** {status, sql, order, timestamp} of the seed plus version, target, block name, the dialect of the sql and
     *  {@code sql_by_dialect}: the block in every dialect it was rendered in. Without {@code sql} and
     *  {@code dialect} when {@code dialect} is null (the published form). */
    public static ObjectNode blockData(BlockRecord block, String dialect) {
        ObjectNode data = EventJson.mapper().createObjectNode();
        data.put("status", block.status());
        if (dialect != null) {
            data.put("sql", block.sql().getOrDefault(dialect, ""));
        }
        data.put("order", block.order());
        data.put("timestamp", block.updatedAt() == null ? null : block.updatedAt().toString());
        data.put("version", block.version());
        data.put("target", block.target());
        data.put("block_name", block.name());
        if (dialect != null) {
            data.put("dialect", dialect);
        }
        ObjectNode byDialect = data.putObject("sql_by_dialect");
        new java.util.TreeMap<>(block.sql()).forEach(byDialect::put);
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
