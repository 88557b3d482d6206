package io.aide.sqlgen.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.events.v1.HashmapSynced;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A hashmap cut into {@code hashmap_sync} parts of bounded size, so that no Kafka record holds a whole large
 * hashmap: part 1 carries every field but the blocks that do not fit, each further part only the next blocks. A part
 * takes blocks while their serialised size stays within the budget; a block larger than the budget is a part of its
 * own (and fails the generation with {@code event_too_large} when it exceeds a record on its own).
 */
public final class HashmapParts {

    /** The parts of one hashmap, in order; a single part 1 of 1 when it fits the budget. */
    public static List<HashmapSynced> split(ObjectNode hashmap, String reason, int budgetBytes) {
        JsonNode blocks = hashmap.path("blocks");
        ObjectNode head = hashmap.deepCopy();
        head.remove("blocks");
        int headSize = size(head);
        if (!blocks.isObject() || headSize + size(blocks) <= budgetBytes) {
            return List.of(new HashmapSynced(hashmap, reason));
        }
        List<ObjectNode> bodies = new ArrayList<>();
        ObjectNode current = head;
        ObjectNode currentBlocks = current.putObject("blocks");
        int used = headSize;
        for (Iterator<Map.Entry<String, JsonNode>> it = blocks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> block = it.next();
            int blockSize = size(block.getValue()) + block.getKey().length() + 4;
            if (!currentBlocks.isEmpty() && used + blockSize > budgetBytes) {
                bodies.add(current);
                current = EventJson.mapper().createObjectNode();
                currentBlocks = current.putObject("blocks");
                used = 12;
            }
            currentBlocks.set(block.getKey(), block.getValue());
            used += blockSize;
        }
        bodies.add(current);
        String syncId = UUID.randomUUID().toString();
        List<HashmapSynced> parts = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            parts.add(new HashmapSynced(bodies.get(i), reason, syncId, i + 1, bodies.size()));
        }
        return parts;
    }

    static int size(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private HashmapParts() {
    }
}
