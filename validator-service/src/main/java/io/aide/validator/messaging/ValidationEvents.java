package io.aide.validator.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.Topics;
import io.aide.events.v1.ValidationReported;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes ValidationReported on aide.generation.events.v1, keyed by generationId so a generation stays in order. */
@ApplicationScoped
public class ValidationEvents {
    /** Channel name of {@link Topics#GENERATION_EVENTS}. */
    public static final String CHANNEL = "generation-events";

    private final Emitter<String> emitter;

    public ValidationEvents(@Channel(CHANNEL) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(String tenantId, String correlationId, String generationId, ValidationReported report) {
        Envelope envelope = Envelope.of(tenantId, correlationId, generationId, report);
        emitter.send(Message.of(EventJson.toJson(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(generationId).build()));
    }
}
