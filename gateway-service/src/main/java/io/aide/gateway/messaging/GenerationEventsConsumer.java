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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Every replica reads every generation event (its own consumer group), a polled batch at a time: it stores the
 * batch's events in the replay buffer in one round trip and then pushes them to the SSE subscribers of their keys.
 * Storing first means a stream that subscribes later finds the event in Redis; pushing after keeps a key's events in
 * offset order (a key lives on one partition, and a partition's batches are handled one after the other). The batch
 * is acknowledged, and its offsets committed, once this is done.
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
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<EventFanout.Published> frames = frames(records);
        if (frames.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return buffer.appendAll(frames)
                .onFailure().invoke(e -> LOG.warnf("replay buffer unavailable for %d events (%s at offset %d first):"
                        + " %s", frames.size(), frames.get(0).key(), frames.get(0).frame().offset(), e.getMessage()))
                .onFailure().recoverWithNull()
                .invoke(() -> fanout.publish(frames));
    }

    /** The streamed events of a batch as frames, in order; unreadable records are skipped with a warning. */
    static List<EventFanout.Published> frames(ConsumerRecords<String, String> records) {
        List<EventFanout.Published> frames = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            Envelope envelope;
            try {
                envelope = EventJson.fromJson(record.value(), Envelope.class);
            } catch (RuntimeException e) {
                LOG.warnf("skipping unreadable event at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                continue;
            }
            SseFrame frame = SsePayloads.frame(envelope, record.offset());
            if (frame != null) {
                frames.add(new EventFanout.Published(envelope.tenantId(), envelope.key(), frame));
            }
        }
        return frames;
    }
}
