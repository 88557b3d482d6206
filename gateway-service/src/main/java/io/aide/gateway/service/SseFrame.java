package io.aide.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;

import java.io.IOException;

/**
 * One event as the browser receives it: {@code id:} the Kafka offset, {@code event:} the SSE name,
 * {@code data:} the snake_case payload.
 */
public record SseFrame(long offset, String event, String data, boolean terminal) {

    public String render() {
        StringBuilder out = new StringBuilder(data.length() + 48);
        out.append("id: ").append(offset).append('\n');
        out.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    /** The compact form kept in the Redis replay buffer. */
    public String toStored() {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("o", offset).put("e", event).put("d", data).put("t", terminal);
        return node.toString();
    }

    public static SseFrame fromStored(String stored) {
        try {
            JsonNode node = EventJson.mapper().readTree(stored);
            return new SseFrame(node.path("o").asLong(), node.path("e").asText(), node.path("d").asText(),
                    node.path("t").asBoolean());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a stored SSE frame: " + stored, e);
        }
    }
}
