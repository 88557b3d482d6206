package io.aide.sqlgen;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.EventPayload;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.GenerationRequested;
import io.aide.events.v1.ValidationReported;
import io.aide.events.v1.ValidationRequested;
import io.aide.sqlgen.client.ObjectStore;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service's Kafka channels as the in-memory connector exposes them, seen from one test. */
final class Bus {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final InMemoryConnector connector;
    private final ObjectStore store;

    Bus(InMemoryConnector connector, ObjectStore store) {
        this.connector = connector;
        this.store = store;
    }

    /** Stores the spec where document-service would, and returns its key. */
    String storeSpec(MappingSpec spec) {
        String key = "tenants/" + spec.tenantId() + "/documents/" + spec.documentId() + "/spec/v" + spec.version() + ".json";
        store.put(key, EventJson.toBytes(spec), "application/json");
        return key;
    }

    Envelope request(String tenant, String generationId, MappingSpec spec, List<String> dialects, List<String> targets) {
        String key = storeSpec(spec);
        return command(tenant, generationId, new GenerationRequested(generationId, spec.documentId(), spec.version(),
                key, dialects, targets, "alice"));
    }

    Envelope command(String tenant, String key, EventPayload payload) {
        Envelope envelope = Envelope.of(tenant, "corr-" + key, key, payload);
        connector.source("generation-commands").send(EventJson.toJson(envelope));
        return envelope;
    }

    /** A command as the cancellations channel reads it (the same topic, a consumer group of its own). */
    void cancellation(Envelope envelope) {
        connector.source("generation-cancellations").send(EventJson.toJson(envelope));
    }

    void resend(Envelope envelope) {
        connector.source("generation-commands").send(EventJson.toJson(envelope));
    }

    void document(String tenant, String documentId, EventPayload payload) {
        connector.source("document-events").send(EventJson.toJson(Envelope.of(tenant, "corr-" + documentId,
                documentId, payload)));
    }

    void summary(String tenant, String generationId, String status) {
        summary(tenant, generationId, status, 0);
    }

    void summary(String tenant, String generationId, String status, int checkpoint) {
        ValidationReported summary = new ValidationReported("val-" + generationId, "summary", status, null, null,
                "duckdb", List.of(), List.of(), "3 of 3 checks passed", 0, 3, List.of(), 3, 3, null, checkpoint);
        connector.source("validation-reports").send(EventJson.toJson(Envelope.of(tenant, "corr-" + generationId,
                generationId, summary)));
    }

    /** Events published for one generation, in publishing order. */
    List<Envelope> events(String generationId) {
        return connector.<String>sink("generation-events").received().stream().map(Message::getPayload)
                .map(json -> EventJson.fromJson(json, Envelope.class)).filter(e -> generationId.equals(e.key()))
                .toList();
    }

    <T extends EventPayload> List<T> events(String generationId, Class<T> type) {
        return events(generationId).stream().filter(e -> e.is(type)).map(e -> e.payloadAs(type)).toList();
    }

    List<ValidationRequested> validations(String generationId) {
        return connector.<String>sink("validation-commands").received().stream().map(Message::getPayload)
                .map(json -> EventJson.fromJson(json, Envelope.class)).filter(e -> generationId.equals(e.key()))
                .map(e -> e.payloadAs(ValidationRequested.class)).toList();
    }

    ValidationRequested awaitValidation(String generationId, int checkpoint) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(validations(generationId))
                .extracting(ValidationRequested::checkpoint).contains(checkpoint));
        return validations(generationId).stream().filter(v -> v.checkpoint() == checkpoint).findFirst().orElseThrow();
    }

    <T extends EventPayload> T awaitEvent(String generationId, Class<T> type) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events(generationId, type)).isNotEmpty());
        return events(generationId, type).get(0);
    }
}
