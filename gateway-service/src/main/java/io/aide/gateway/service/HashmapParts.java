package io.aide.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.events.EventTypes;
import io.aide.events.v1.HashmapSynced;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code hashmap_sync} of a large hashmap arrives in parts (part 1 with every field and the first blocks, the
 * others with further blocks, one sync id). Each part is buffered as its own frame ({@link #PART}, never streamed);
 * once a sync's parts are all there they become one {@code hashmap_sync} frame at the last part's offset, with every
 * target's blocks. Each block carries its SQL once per dialect ({@code sql_by_dialect}), as published and as
 * {@code GET /generations/{id}} answers it; readers take the primary dialect's text from {@code primary_dialect}.
 */
public final class HashmapParts {
    /** The buffered form of one part; replay and fan-out turn complete sets into {@code hashmap_sync}. */
    public static final String PART = "hashmap_part";
    private static final String SYNC = EventTypes.sseName(HashmapSynced.TYPE);

    /** A part's place in its set. */
    public record Part(String syncId, int part, int of, SseFrame frame) {
        public boolean last() {
            return part == of;
        }
    }

    public static boolean isPart(SseFrame frame) {
        return PART.equals(frame.event());
    }

    public static Part part(SseFrame frame) {
        JsonNode data = read(frame.data());
        return new Part(data.path("sync_id").asText(), data.path("part").asInt(), data.path("of").asInt(), frame);
    }

    /**
     * The SSE data of a {@code hashmap_sync} (snake_case {complete_hashmap, reason, sync_id?, part?, of?}) as it is
     * streamed: {complete_hashmap, reason}.
     */
    public static ObjectNode streamed(ObjectNode data) {
        data.remove("sync_id");
        data.remove("part");
        data.remove("of");
        return data;
    }

    /**
     * The frames in order with each complete set of parts replaced by one {@code hashmap_sync} frame at its last
     * part; parts of a set not all present are left out (the client recovers from the generation's hashmap).
     */
    public static List<SseFrame> assemble(List<SseFrame> frames) {
        if (frames.stream().noneMatch(HashmapParts::isPart)) {
            return frames;
        }
        Map<String, List<Part>> bySync = new HashMap<>();
        List<SseFrame> out = new ArrayList<>(frames.size());
        for (SseFrame frame : frames) {
            if (!isPart(frame)) {
                out.add(frame);
                continue;
            }
            Part part = part(frame);
            List<Part> set = bySync.computeIfAbsent(part.syncId(), s -> new ArrayList<>());
            set.add(part);
            if (part.last()) {
                SseFrame merged = merge(set);
                if (merged != null) {
                    out.add(merged);
                }
                bySync.remove(part.syncId());
            }
        }
        return out;
    }

    /** One {@code hashmap_sync} frame from the parts of a set (any order), or null when any part is missing. */
    public static SseFrame merge(List<Part> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        TreeMap<Integer, Part> byNumber = new TreeMap<>();
        parts.stream().filter(p -> p.syncId().equals(parts.get(0).syncId())).forEach(p -> byNumber.put(p.part(), p));
        int of = parts.get(0).of();
        if (byNumber.size() != of || byNumber.firstKey() != 1 || byNumber.lastKey() != of) {
            return null;
        }
        List<Part> sorted = List.copyOf(byNumber.values());
        ObjectNode first = (ObjectNode) read(sorted.get(0).frame().data());
        ObjectNode hashmap = (ObjectNode) first.path("complete_hashmap");
        ObjectNode blocks = hashmap.get("blocks") instanceof ObjectNode b ? b : hashmap.putObject("blocks");
        for (Part p : sorted.subList(1, sorted.size())) {
            read(p.frame().data()).path("complete_hashmap").path("blocks").fields()
                    .forEachRemaining(b -> blocks.set(b.getKey(), b.getValue()));
        }
        SseFrame last = sorted.get(sorted.size() - 1).frame();
        return new SseFrame(last.offset(), SYNC, streamed(first).toString(), false);
    }

    private static JsonNode read(String data) {
        try {
            return EventJson.mapper().readTree(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a hashmap_sync part: " + e.getMessage(), e);
        }
    }

    private HashmapParts() {
    }
}
