package io.aide.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.EventTypes;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.HashmapSynced;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Converts a v1 payload (camelCase records) to the SSE contract's snake_case shape. Only the record's own
 * property names change; free-form values (stats, the hashmap, example rows) pass through as produced.
 */
public final class SsePayloads {
    private static final Set<String> BLOCK_DATA = Set.of("status", "sql", "order", "timestamp");

    /** The frame for an envelope at a Kafka offset, or null when its type is not streamed to browsers. */
    public static SseFrame frame(Envelope envelope, long offset) {
        String name = EventTypes.sseName(envelope.type());
        if (name == null) {
            return null;
        }
        JsonNode payload = envelope.payload() == null ? EventJson.mapper().createObjectNode() : envelope.payload();
        if (HashmapSynced.TYPE.equals(envelope.type())) {
            ObjectNode data = snakeCase(payload);
            // one of several parts: buffered as such, streamed once every part is in (HashmapParts)
            return data.path("of").asInt(1) > 1 ? new SseFrame(offset, HashmapParts.PART, data.toString(), false)
                    : new SseFrame(offset, name, HashmapParts.streamed(data).toString(), false);
        }
        ObjectNode data = BlockUpdated.TYPE.equals(envelope.type()) ? blockUpdate(payload) : snakeCase(payload);
        return new SseFrame(offset, name, data.toString(), EventTypes.isTerminal(envelope.type()));
    }

    /** {block_name, block_data{status, sql, order, timestamp}, target, dialect, version}. */
    static ObjectNode blockUpdate(JsonNode payload) {
        ObjectNode out = EventJson.mapper().createObjectNode();
        ObjectNode blockData = EventJson.mapper().createObjectNode();
        out.set("block_name", payload.path("blockName"));
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (BLOCK_DATA.contains(field.getKey())) {
                blockData.set(field.getKey(), field.getValue());
            } else if (!"blockName".equals(field.getKey())) {
                out.set(snake(field.getKey()), field.getValue());
            }
        }
        out.set("block_data", blockData);
        return out;
    }

    static ObjectNode snakeCase(JsonNode payload) {
        ObjectNode out = EventJson.mapper().createObjectNode();
        if (payload.isObject()) {
            payload.fields().forEachRemaining(field -> out.set(snake(field.getKey()), field.getValue()));
        }
        return out;
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private SsePayloads() {
    }
}
