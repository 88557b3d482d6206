package io.aide.document.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Writes envelopes to aide.documents.v1 (record key = envelope key) and failures to its DLQ. */
@ApplicationScoped
public class DocumentEventsPublisher {
    public static final String CHANNEL = "documents-out";
    public static final String DLQ_CHANNEL = "documents-dlq";
    private static final Logger LOG = Logger.getLogger(DocumentEventsPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<String> events;
    private final Emitter<String> dlq;

    public DocumentEventsPublisher(@Channel(CHANNEL) Emitter<String> events, @Channel(DLQ_CHANNEL) Emitter<String> dlq) {
        this.events = events;
        this.dlq = dlq;
    }

    /** Sends and waits for the broker's acknowledgement, so a caller answering 202 knows the event exists. */
    public void publish(Envelope envelope) {
        send(events, envelope.key(), EventJson.toJson(envelope));
        LOG.infof("published %s %s key=%s", envelope.type(), envelope.eventId(), envelope.key());
    }

    /** An event that retrying cannot fix: the original envelope with the reason, for an operator to inspect. */
    public void deadLetter(String key, String originalValue, String reason) {
        ObjectNode letter = EventJson.mapper().createObjectNode();
        letter.put("topic", Topics.DOCUMENTS);
        letter.put("reason", reason);
        letter.put("failedAt", Instant.now().toString());
        letter.put("service", "document-service");
        letter.put("original", originalValue);
        send(dlq, key == null ? "unknown" : key, EventJson.toJson(letter));
        LOG.warnf("dead-lettered key=%s: %s", key, reason);
    }

    private static void send(Emitter<String> emitter, String key, String value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(t -> {
                    acked.completeExceptionally(t);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        try {
            acked.get(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublishException(e.getCause() == null ? e : e.getCause());
        }
    }

    public static final class EventPublishException extends RuntimeException {
        EventPublishException(Throwable cause) {
            super("Kafka did not accept the event: " + cause.getMessage(), cause);
        }
    }
}
