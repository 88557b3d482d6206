package io.aide.sqlgen.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.BlockEdited;
import io.aide.events.v1.GenerationCancelled;
import io.aide.events.v1.GenerationRequested;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.service.GenerationCancels;
import io.aide.sqlgen.service.GenerationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** aide.generation.commands.v1: GenerationRequested, BlockEdited, GenerationCancelled, in order per generation. */
@ApplicationScoped
public class GenerationCommandsConsumer {
    public static final String CHANNEL = "generation-commands";
    private static final Logger LOG = Logger.getLogger(GenerationCommandsConsumer.class);

    private final GenerationService generations;
    private final GenerationCancels cancels;
    private final GenerationRepository repo;

    public GenerationCommandsConsumer(GenerationService generations, GenerationCancels cancels,
                                      GenerationRepository repo) {
        this.generations = generations;
        this.cancels = cancels;
        this.repo = repo;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String value) {
        Envelope envelope = EventJson.fromJson(value, Envelope.class);
        try (Correlation ignored = Correlation.open(envelope.correlationId(), envelope.key(), envelope.eventId())) {
            if (repo.isProcessed(envelope.eventId())) {
                LOG.debugf("event %s already processed", envelope.eventId());
                return;
            }
            switch (envelope.type()) {
                case GenerationRequested.TYPE -> generations.request(envelope, envelope.payloadAs(GenerationRequested.class));
                case BlockEdited.TYPE -> generations.editBlock(envelope, envelope.payloadAs(BlockEdited.class));
                case GenerationCancelled.TYPE -> cancels.cancel(envelope, envelope.payloadAs(GenerationCancelled.class));
                default -> {
                    // refinements go to ai-hub; other commands are not ours
                    return;
                }
            }
            repo.markProcessed(envelope.eventId(), envelope.type());
        }
    }
}
