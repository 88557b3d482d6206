package io.aide.gateway.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.gateway.service.EventFanout;
import io.aide.gateway.service.HashmapParts;
import io.aide.gateway.service.PendingParts;
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
import java.util.Objects;

/**
 * Every replica reads every generation event (its own consumer group), a polled batch at a time: it stores the
 * batch's events in the replay buffer in one round trip and then pushes them to the SSE subscribers of their keys.
 * Storing first means a stream that subscribes later finds the event in Redis; pushing after keeps a key's events in
 * offset order (a key lives on one partition, and a partition's batches are handled one after the other). The batch
 * is acknowledged, and its offsets committed, once this is done. The parts of a large {@code hashmap_sync} are
 * stored one by one and pushed as one {@code hashmap_sync} when the last arrives: its earlier parts are held in
 * memory ({@link PendingParts}) until then, whichever batch they came in, so the live stream does not depend on
 * Redis; only parts this replica did not read (it started in the middle of a set) come from the buffer.
 */
@ApplicationScoped
public class GenerationEventsConsumer {
    public static final String CHANNEL = "generation-events";
    private static final Logger LOG = Logger.getLogger(GenerationEventsConsumer.class);
    /** Incomplete hashmap sets held at once: a set is a few parts of at most 256 KB, sent within seconds. */
    private static final int PENDING_SETS = 64;
    private static final long PENDING_BYTES = 32L * 1024 * 1024;

    private final ReplayBuffer buffer;
    private final EventFanout fanout;
    private final PendingParts pending = new PendingParts(PENDING_SETS, PENDING_BYTES);

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
                .flatMap(ignored -> withHashmapsAssembled(frames))
                // a failure here would stop the channel (fail-stop): stream the batch's other events rather
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("hashmap parts of a batch could not be put together: %s", e.toString());
                    return frames.stream().filter(p -> !HashmapParts.isPart(p.frame())).toList();
                })
                .invoke(fanout::publish)
                .replaceWithVoid();
    }

    /** The batch as streamed: each last part of a hashmap in place of its set, the other parts left out. */
    Uni<List<EventFanout.Published>> withHashmapsAssembled(List<EventFanout.Published> batch) {
        if (batch.stream().noneMatch(p -> HashmapParts.isPart(p.frame()))) {
            return Uni.createFrom().item(batch);
        }
        List<Uni<EventFanout.Published>> streamed = new ArrayList<>(batch.size());
        for (EventFanout.Published p : batch) {
            if (!HashmapParts.isPart(p.frame())) {
                streamed.add(Uni.createFrom().item(p));
                continue;
            }
            HashmapParts.Part part = HashmapParts.part(p.frame());
            List<HashmapParts.Part> here = pending.offer(p.tenant(), p.key(), part);
            if (!part.last()) {
                continue;
            }
            SseFrame merged = HashmapParts.merge(here);
            streamed.add(merged != null ? Uni.createFrom().item(new EventFanout.Published(p.tenant(), p.key(), merged))
                    : earlierParts(p, part, here));
        }
        if (streamed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(streamed).andFailFast()
                .map(all -> all.stream().filter(Objects::nonNull).toList());
    }

    /** The set completed with the parts this replica did not hold, from the buffer; null (logged) when missing. */
    private Uni<EventFanout.Published> earlierParts(EventFanout.Published last, HashmapParts.Part part,
                                                    List<HashmapParts.Part> here) {
        return buffer.upTo(last.tenant(), last.key(), last.frame().offset(), part.of() + 16)
                .map(stored -> {
                    List<HashmapParts.Part> all = new ArrayList<>(here);
                    stored.stream().filter(HashmapParts::isPart).map(HashmapParts::part)
                            .filter(p -> p.syncId().equals(part.syncId())).forEach(all::add);
                    SseFrame merged = HashmapParts.merge(all);
                    if (merged == null) {
                        LOG.errorf("hashmap_sync %s of %s at offset %d: parts missing from the replay buffer; "
                                + "clients recover it from the generation", part.syncId(), last.key(),
                                last.frame().offset());
                        return null;
                    }
                    return new EventFanout.Published(last.tenant(), last.key(), merged);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("hashmap_sync %s of %s: replay buffer unavailable (%s)", part.syncId(), last.key(),
                            e.getMessage());
                    return null;
                });
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
