package io.aide.sqlgen.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventPayload;
import io.aide.events.EventTypes;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.HashmapSynced;
import io.aide.sqlgen.messaging.EventPublisher;
import io.aide.sqlgen.messaging.EventPublisher.EventTooLargeException;
import io.aide.sqlgen.persistence.GenerationKey;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One generation's publishing context: tenant, correlation and the sends still in flight. */
final class GenerationRun {
    private static final Logger LOG = Logger.getLogger(GenerationRun.class);

    final String tenant;
    final String correlationId;
    final String generationId;
    final GenerationKey key;
    private final EventPublisher publisher;
    private final Duration publishTimeout;
    private final Runnable renewLease;
    private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();

    /** @param renewLease keeps this replica's claim on the generation while it waits for Kafka */
    GenerationRun(EventPublisher publisher, Duration publishTimeout, Runnable renewLease, String tenant,
                  String correlationId, String generationId) {
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.renewLease = renewLease;
        this.tenant = tenant;
        this.correlationId = correlationId;
        this.generationId = generationId;
        this.key = new GenerationKey(tenant, generationId);
    }

    void publish(EventPayload payload) {
        try {
            inFlight.add(publisher.event(tenant, correlationId, generationId, payload));
        } catch (EventTooLargeException e) {
            throw tooLarge(payload, e);
        }
    }

    /** The hashmap as one {@code hashmap_sync}, in parts of bounded size when it is large. */
    void publishHashmap(ObjectNode hashmap, String reason) {
        for (HashmapSynced part : HashmapParts.split(hashmap, reason, publisher.hashmapPartBytes())) {
            publish(part);
        }
    }

    void validation(EventPayload payload) {
        try {
            inFlight.add(publisher.validation(tenant, correlationId, generationId, payload));
        } catch (EventTooLargeException e) {
            throw tooLarge(payload, e);
        }
    }

    /** The generation fails naming the event, its size and the limit: nothing is dropped silently. */
    static SqlgenException tooLarge(EventPayload payload, EventTooLargeException e) {
        String what;
        if (payload instanceof BlockUpdated b) {
            what = "The block " + b.target() + "/" + b.blockName() + " in " + b.dialect();
        } else if (payload instanceof HashmapSynced h) {
            what = "Part " + h.part() + " of " + h.of() + " of the hashmap";
        } else {
            String name = EventTypes.sseName(payload.eventType());
            what = "The " + (name == null ? payload.eventType() : name) + " event";
        }
        return new SqlgenException("event_too_large", 422, "Event too large", null, what + " is "
                + String.format(Locale.ROOT, "%,d", e.bytes()) + " bytes as an event, over the " + String.format(Locale.ROOT, "%,d", e.limit())
                + "-byte limit of one Kafka record; it was not published. Split the target's mapping rows into "
                + "smaller targets.", e);
    }

    /**
     * Waits until Kafka has the events sent so far, so validation never starts on unannounced blocks. While the
     * broker is away the producer keeps retrying: the wait lasts up to the publish timeout, renewing this replica's
     * lease meanwhile so the run is not taken for abandoned and resumed twice.
     */
    void awaitSent() {
        CompletableFuture<Void> all = CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        while (true) {
            try {
                all.get(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                        TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                if (System.nanoTime() >= deadline) {
                    throw publishFailed("Kafka did not acknowledge them within " + publishTimeout.toSeconds() + " s",
                            e);
                }
                LOG.infof("generation %s: waiting for Kafka to acknowledge its events", generationId);
                renewLease.run();
            } catch (ExecutionException e) {
                throw publishFailed(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw publishFailed("interrupted", e);
            }
        }
        inFlight.clear();
    }

    private static SqlgenException publishFailed(String why, Exception cause) {
        return new SqlgenException("publish_failed", 503, "Kafka unavailable", Stages.WRITING_ARTIFACTS,
                "The generation's events could not be published (" + why + "); request the generation again to "
                        + "resume it.", cause);
    }
}
