package io.aide.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The SSE connections of this replica, by stream key. */
@ApplicationScoped
public class EventFanout {
    /** A frame of one tenant's stream key, as the consumer read it. */
    public record Published(String tenant, String key, SseFrame frame) {
    }

    private final ConcurrentHashMap<String, Set<SseSubscriber>> byKey = new ConcurrentHashMap<>();

    public void subscribe(SseSubscriber subscriber) {
        byKey.computeIfAbsent(subscriber.key(), k -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    public void unsubscribe(SseSubscriber subscriber) {
        byKey.computeIfPresent(subscriber.key(), (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Pushes a frame to this key's subscribers of the same tenant only. */
    public void publish(String tenant, String key, SseFrame frame) {
        publish(List.of(new Published(tenant, key, frame)));
    }

    /**
     * Pushes the frames of one batch, in their order, to the subscribers of their key and tenant only: each
     * subscriber is handed its stream's frames of the batch at once (one hop onto its connection, one write).
     */
    public void publish(List<Published> batch) {
        Map<String, List<SseFrame>> byStream = new LinkedHashMap<>();
        Map<String, Published> first = new LinkedHashMap<>();
        for (Published p : batch) {
            if (!byKey.containsKey(p.key())) {
                continue;
            }
            String stream = p.tenant() + '\u0000' + p.key();
            byStream.computeIfAbsent(stream, s -> new ArrayList<>(2)).add(p.frame());
            first.putIfAbsent(stream, p);
        }
        byStream.forEach((stream, frames) -> {
            Published p = first.get(stream);
            Set<SseSubscriber> subscribers = byKey.get(p.key());
            if (subscribers == null) {
                return;
            }
            List<SseFrame> shared = List.copyOf(frames);
            for (SseSubscriber subscriber : subscribers) {
                if (subscriber.tenant().equals(p.tenant())) {
                    subscriber.offer(shared);
                }
            }
        });
    }

    /** Every open subscriber, for the shared ticker. */
    void forEach(Consumer<SseSubscriber> action) {
        for (Set<SseSubscriber> subscribers : byKey.values()) {
            subscribers.forEach(action);
        }
    }

    public int subscriberCount() {
        return byKey.values().stream().mapToInt(Set::size).sum();
    }
}
