package io.aide.sqlgen.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.MappingEdited;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.service.GenerationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** aide.documents.v1: MappingEdited refreshes the document's latest generation; other document events are skipped. */
@ApplicationScoped
public class DocumentEventsConsumer {
    public static final String CHANNEL = "document-events";

    private final GenerationService generations;
    private final GenerationRepository repo;

    public DocumentEventsConsumer(GenerationService generations, GenerationRepository repo) {
        this.generations = generations;
        this.repo = repo;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String value) {
        Envelope envelope = EventJson.fromJson(value, Envelope.class);
        if (!MappingEdited.TYPE.equals(envelope.type())) {
            return;
        }
        try (Correlation ignored = Correlation.open(envelope.correlationId(), null, envelope.eventId())) {
            if (repo.isProcessed(envelope.eventId())) {
                return;
            }
            generations.mappingEdited(envelope, envelope.payloadAs(MappingEdited.class));
            repo.markProcessed(envelope.eventId(), envelope.type());
        }
    }
}
