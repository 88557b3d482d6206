package io.aide.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The SSE connections of this replica, by stream key. */
@ApplicationScoped
public class EventFanout {
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
        Set<SseSubscriber> subscribers = byKey.get(key);
        if (subscribers == null) {
            return;
        }
        for (SseSubscriber subscriber : subscribers) {
            if (subscriber.tenant().equals(tenant)) {
                subscriber.offer(frame);
            }
        }
    }

    public int subscriberCount() {
        return byKey.values().stream().mapToInt(Set::size).sum();
    }
}
