package io.aide.sqlgen.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.EventPayload;
import io.aide.events.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes envelopes keyed by the generation id, so one generation's events stay in one partition, in the order
 * they were sent (one producer, idempotent sends).
 */
@ApplicationScoped
public class EventPublisher {
    public static final String GENERATION_EVENTS = "generation-events";
    public static final String VALIDATION_COMMANDS = "validation-commands";
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final Emitter<String> events;
    private final Emitter<String> validations;

    public EventPublisher(@Channel(GENERATION_EVENTS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                          Emitter<String> events,
                          @Channel(VALIDATION_COMMANDS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                          Emitter<String> validations) {
        this.events = events;
        this.validations = validations;
    }

    /** An event on aide.generation.events.v1 (what the browser sees). */
    public CompletableFuture<Void> event(String tenant, String correlationId, String generationId,
                                         EventPayload payload) {
        return send(events, Topics.GENERATION_EVENTS, Envelope.of(tenant, correlationId, generationId, payload));
    }

    /** A command on aide.validation.commands.v1. */
    public CompletableFuture<Void> validation(String tenant, String correlationId, String generationId,
                                              EventPayload payload) {
        return send(validations, Topics.VALIDATION_COMMANDS, Envelope.of(tenant, correlationId, generationId, payload));
    }

    private static CompletableFuture<Void> send(Emitter<String> emitter, String topic, Envelope envelope) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Message<String> message = Message.of(EventJson.toJson(envelope),
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.key()).build()),
                () -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    LOG.errorf("could not publish %s %s to %s: %s", envelope.type(), envelope.eventId(), topic,
                            failure.getMessage());
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return sent;
    }
}
