package io.aide.sqlgen.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.ValidationReported;
import io.aide.sqlgen.service.GenerationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** aide.generation.events.v1: only the validator's {@code summary} matters here; it completes the generation. */
@ApplicationScoped
public class ValidationReportsConsumer {
    public static final String CHANNEL = "validation-reports";

    private final GenerationService generations;

    public ValidationReportsConsumer(GenerationService generations) {
        this.generations = generations;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String value) {
        // cheap pre-check: most of this topic is our own and other services' stream events
        if (!value.contains(ValidationReported.TYPE)) {
            return;
        }
        Envelope envelope = EventJson.fromJson(value, Envelope.class);
        if (!ValidationReported.TYPE.equals(envelope.type())) {
            return;
        }
        ValidationReported report = envelope.payloadAs(ValidationReported.class);
        if (!"summary".equalsIgnoreCase(report.check())) {
            return;
        }
        try (Correlation ignored = Correlation.open(envelope.correlationId(), envelope.key(), envelope.eventId())) {
            generations.validationReported(envelope, report);
        }
    }
}
