package io.aide.gateway.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of {@code hashmap_sync} sets still incomplete, held in this replica's memory, so that a set whose parts
 * span several polled batches is put together for the live stream without Redis (the replay buffer serves replays;
 * with Redis down the live stream still gets the hashmap). Bounded: past {@code maxSets} sets or {@code maxBytes} of
 * held part data the oldest set is dropped; the consumer then looks for its parts in the replay buffer, as after a
 * restart in the middle of a set.
 */
public final class PendingParts {
    private record SetKey(String tenant, String key, String syncId) {
    }

    private final int maxSets;
    private final long maxBytes;
    private final LinkedHashMap<SetKey, List<HashmapParts.Part>> sets = new LinkedHashMap<>();
    private long bytes;

    public PendingParts(int maxSets, long maxBytes) {
        this.maxSets = maxSets;
        this.maxBytes = maxBytes;
    }

    /**
     * Holds a part of a tenant's stream key. For the last part of its set, answers every part held of that set, this
     * one included (and forgets them); for any other part, an empty list.
     */
    public synchronized List<HashmapParts.Part> offer(String tenant, String key, HashmapParts.Part part) {
        SetKey set = new SetKey(tenant, key, part.syncId());
        if (part.last()) {
            List<HashmapParts.Part> held = sets.remove(set);
            List<HashmapParts.Part> all = new ArrayList<>(held == null ? List.of() : held);
            if (held != null) {
                bytes -= size(held);
            }
            all.add(part);
            return all;
        }
        sets.computeIfAbsent(set, s -> new ArrayList<>()).add(part);
        bytes += part.frame().data().length();
        evictPastBounds();
        return List.of();
    }

    /** How many sets are waiting for their last part. */
    public synchronized int waiting() {
        return sets.size();
    }

    private void evictPastBounds() {
        Iterator<Map.Entry<SetKey, List<HashmapParts.Part>>> oldest = sets.entrySet().iterator();
        while ((sets.size() > maxSets || bytes > maxBytes) && oldest.hasNext()) {
            bytes -= size(oldest.next().getValue());
            oldest.remove();
        }
    }

    private static long size(List<HashmapParts.Part> parts) {
        return parts.stream().mapToLong(p -> p.frame().data().length()).sum();
    }
}
