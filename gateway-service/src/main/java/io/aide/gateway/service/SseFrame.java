package io.aide.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One event as the browser receives it: {@code id:} the Kafka offset, {@code event:} the SSE name,
 * {@code data:} the snake_case payload. Rendered to bytes once, when it is made: every stream of its key writes
 * the same bytes (a Vert.x buffer can be written to any number of connections).
 */
public final class SseFrame {
    private final long offset;
    private final String event;
    private final String data;
    private final boolean terminal;
    private final Buffer bytes;

    public SseFrame(long offset, String event, String data, boolean terminal) {
        this.offset = offset;
        this.event = Objects.requireNonNull(event, "event");
        this.data = Objects.requireNonNull(data, "data");
        this.terminal = terminal;
        this.bytes = Buffer.buffer(render().getBytes(StandardCharsets.UTF_8));
    }

    public long offset() {
        return offset;
    }

    public String event() {
        return event;
    }

    public String data() {
        return data;
    }

    public boolean terminal() {
        return terminal;
    }

    /** The rendered frame as written to a stream; shared by every stream, never modified. */
    public Buffer bytes() {
        return bytes;
    }

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

    @Override
    public boolean equals(Object other) {
        return other instanceof SseFrame that && offset == that.offset && terminal == that.terminal
                && event.equals(that.event) && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, event, data, terminal);
    }

    @Override
    public String toString() {
        return "SseFrame[offset=" + offset + ", event=" + event + ", data=" + data + ", terminal=" + terminal + "]";
    }
}
