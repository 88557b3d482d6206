package io.aide.document;

import io.aide.document.messaging.DocumentEventsConsumer;
import io.aide.document.messaging.DocumentEventsPublisher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

import java.util.HashMap;
import java.util.Map;

/** The *Test tier: the documents channels run on the in-memory connector instead of Kafka. */
public class InMemoryMessaging implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory(DocumentEventsConsumer.CHANNEL));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(DocumentEventsPublisher.CHANNEL,
                DocumentEventsPublisher.DLQ_CHANNEL));
        return config;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
