package io.aide.sqlgen.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.GenerationCancelled;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.service.GenerationCancels;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * aide.generation.commands.v1 read a second time, in a consumer group of its own, for {@code GenerationCancelled} only.
 * The command stream handles one record at a time, so while a generation compiles there its cancel would wait until
 * the run ended; here it is applied at once, and the run stops before its next target. A cancel applied here is
 * marked processed, so the command stream skips it when it gets there; one of a generation not yet stored (a
 * cancel sent right after its request) is held, and the request applies it as soon as it stores the generation.
 */
@ApplicationScoped
public class CancellationsConsumer {
    public static final String CHANNEL = "generation-cancellations";

    private final GenerationCancels cancels;
    private final GenerationRepository repo;

    public CancellationsConsumer(GenerationCancels cancels, GenerationRepository repo) {
        this.cancels = cancels;
        this.repo = repo;
    }

    /** A worker pool of its own: never queued behind the run on the command stream's worker. */
    static final String WORKER = "sqlgen-cancellations";

    @Incoming(CHANNEL)
    @Blocking(value = WORKER, ordered = false)
    public void consume(String value) {
        // cheap pre-check: most commands are requests and edits
        if (!value.contains(GenerationCancelled.TYPE)) {
            return;
        }
        Envelope envelope = EventJson.fromJson(value, Envelope.class);
        if (!GenerationCancelled.TYPE.equals(envelope.type())) {
            return;
        }
        try (Correlation ignored = Correlation.open(envelope.correlationId(), envelope.key(), envelope.eventId())) {
            if (repo.isProcessed(envelope.eventId())) {
                return;
            }
            cancels.cancelOrHold(envelope, envelope.payloadAs(GenerationCancelled.class));
            repo.markProcessed(envelope.eventId(), envelope.type());
        }
    }
}
