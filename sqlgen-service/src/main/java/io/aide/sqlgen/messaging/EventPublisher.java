package io.aide.sqlgen.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.EventPayload;
import io.aide.events.Topics;
import io.aide.sqlgen.config.SqlgenConfig;
import jakarta.inject.Inject;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes envelopes keyed by the generation id, so one generation's events stay in one partition, in the order
 * they were sent (one producer, idempotent sends). An envelope larger than one Kafka record may be is refused before it
 * is sent ({@link EventTooLargeException}), so the generation fails naming the size instead of the producer dropping
 * it.
 */
@ApplicationScoped
public class EventPublisher {
    public static final String GENERATION_EVENTS = "generation-events";
    public static final String VALIDATION_COMMANDS = "validation-commands";
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    /** The producers' max.request.size (Kafka's default) less room for the record's key and headers. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;
    public static final int DEFAULT_HASHMAP_PART_BYTES = 256 * 1024;

    private final Emitter<String> events;
    private final Emitter<String> validations;
    private final int maxRecordBytes;
    private final int hashmapPartBytes;

    @Inject
    public EventPublisher(@Channel(GENERATION_EVENTS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                          Emitter<String> events,
                          @Channel(VALIDATION_COMMANDS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                          Emitter<String> validations, SqlgenConfig config) {
        this.events = events;
        this.validations = validations;
        this.maxRecordBytes = config.maxRecordBytes();
        this.hashmapPartBytes = config.hashmapPartBytes();
    }

    protected EventPublisher(Emitter<String> events, Emitter<String> validations) {
        this.events = events;
        this.validations = validations;
        this.maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        this.hashmapPartBytes = DEFAULT_HASHMAP_PART_BYTES;
    }

    /** Largest serialised envelope sent as one record. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** Budget of one {@code hashmap_sync} part's blocks. */
    public int hashmapPartBytes() {
        return hashmapPartBytes;
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

    private CompletableFuture<Void> send(Emitter<String> emitter, String topic, Envelope envelope) {
        String json = EventJson.toJson(envelope);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxRecordBytes) {
            throw new EventTooLargeException(envelope, bytes, maxRecordBytes);
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Message<String> message = Message.of(json,
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

    /** An envelope over the size of one Kafka record; nothing was sent. */
    public static final class EventTooLargeException extends RuntimeException {
        private final int bytes;
        private final int limit;

        EventTooLargeException(Envelope envelope, int bytes, int limit) {
            super(envelope.type() + " " + envelope.eventId() + " is " + bytes + " bytes, over the " + limit
                    + "-byte limit of one Kafka record");
            this.bytes = bytes;
            this.limit = limit;
        }

        public int bytes() {
            return bytes;
        }

        public int limit() {
            return limit;
        }
    }
}
