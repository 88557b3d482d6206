package io.aide.gateway.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.gateway.service.EventFanout;
import io.aide.gateway.service.ReplayBuffer;
import io.aide.gateway.service.SseFrame;
import io.aide.gateway.service.SsePayloads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every replica reads every generation event (its own consumer group), stores it in the replay buffer and
 * then pushes it to the SSE subscribers of its key. Storing first means a stream that subscribes later
 * finds the event in Redis; pushing after keeps a key's events in offset order.
 */
@ApplicationScoped
public class GenerationEventsConsumer {
    public static final String CHANNEL = "generation-events";
    private static final Logger LOG = Logger.getLogger(GenerationEventsConsumer.class);

    private final ReplayBuffer buffer;
    private final EventFanout fanout;

    public GenerationEventsConsumer(ReplayBuffer buffer, EventFanout fanout) {
        this.buffer = buffer;
        this.fanout = fanout;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Envelope envelope;
        try {
            envelope = EventJson.fromJson(record.value(), Envelope.class);
        } catch (RuntimeException e) {
            LOG.warnf("skipping unreadable event at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        SseFrame frame = SsePayloads.frame(envelope, record.offset());
        if (frame == null) {
            return Uni.createFrom().voidItem();
        }
        return buffer.append(envelope.tenantId(), envelope.key(), frame)
                .onFailure().invoke(e -> LOG.warnf("replay buffer unavailable for %s [correlationId=%s eventId=%s]: %s",
                        envelope.key(), envelope.correlationId(), envelope.eventId(), e.getMessage()))
                .onFailure().recoverWithNull()
                .invoke(() -> fanout.publish(envelope.tenantId(), envelope.key(), frame));
    }
}
