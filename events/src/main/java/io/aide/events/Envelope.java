package io.aide.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Every Kafka message: {@code {eventId, type, schemaVersion, occurredAt, tenantId, correlationId, key, payload}}.
 * The key is the aggregate id (generationId, documentId, sessionId) and is also the Kafka record key,
 * so one aggregate's events stay in one partition, in order. Consumers are idempotent on eventId.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope(
        String eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        String correlationId,
        String key,
        JsonNode payload) {

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(key, "key");
        if (tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
        if (occurredAt == null) {
            occurredAt = Instant.now();
        }
        if (correlationId == null || correlationId.isBlank()) {
            correlationId = eventId;
        }
    }

    /** Wraps a payload in a new envelope with a fresh eventId. */
    public static Envelope of(String tenantId, String correlationId, String key, EventPayload payload) {
        return new Envelope(UUID.randomUUID().toString(), payload.eventType(), payload.schemaVersion(),
                Instant.now(), tenantId, correlationId, key, EventJson.mapper().valueToTree(payload));
    }

    /** Wraps a payload caused by {@code cause}: same tenant, same correlation. */
    public static Envelope causedBy(Envelope cause, String key, EventPayload payload) {
        return of(cause.tenantId(), cause.correlationId(), key, payload);
    }

    /** The payload as the record registered for this envelope's type. */
    public EventPayload typedPayload() {
        Class<? extends EventPayload> cls = EventTypes.classOf(type);
        if (cls == null) {
            throw new UnknownEventTypeException(type);
        }
        return payloadAs(cls);
    }

    public <T> T payloadAs(Class<T> cls) {
        try {
            return EventJson.mapper().treeToValue(payload, cls);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + type + " is not a valid " + cls.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    public boolean is(Class<? extends EventPayload> cls) {
        return cls.equals(EventTypes.classOf(type));
    }

    /** Raised for a type this reader does not know: a newer producer; route to the DLQ or skip. */
    public static final class UnknownEventTypeException extends RuntimeException {
        public UnknownEventTypeException(String type) {
            super("unknown event type '" + type + "'");
        }
    }
}
