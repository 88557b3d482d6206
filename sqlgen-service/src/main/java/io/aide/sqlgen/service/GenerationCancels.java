package io.aide.sqlgen.service;

import io.aide.events.Envelope;
import io.aide.events.v1.GenerationCancelled;
import io.aide.events.v1.GenerationFailed;
import io.aide.sqlgen.messaging.Correlation;
import io.aide.sqlgen.messaging.EventPublisher;
import io.aide.sqlgen.persistence.GenerationKey;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Cancels and who announces them. A cancel marks the generation cancelled; the stream's {@code error}
 * ({@code generation_cancelled}) is sent once: at once when no run holds the generation (waiting for validation,
 * failed, pending), else by the run when it stops before its next target (so nothing of the run follows the error),
 * or by the sweeper when that run's lease ran out first (a crash). A cancel read before its generation was stored is
 * held until the request stores it, and stops it there.
 */
@ApplicationScoped
public class GenerationCancels {
    private static final Logger LOG = Logger.getLogger(GenerationCancels.class);
    private static final String DEFAULT_REASON = "cancelled by the user";

    private final GenerationRepository repo;
    private final EventPublisher publisher;
    private final MeterRegistry metrics;

    public GenerationCancels(GenerationRepository repo, EventPublisher publisher, MeterRegistry metrics) {
        this.repo = repo;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * Called from the ordered command stream and, while a run holds that stream, from the cancellations stream
     * ({@code CancellationsConsumer}); whichever comes second changes nothing.
     *
     * @return false when the tenant has no such generation (yet)
     */
    public boolean cancel(Envelope envelope, GenerationCancelled cancelled) {
        Optional<GenerationRecord> g = repo.find(envelope.tenantId(), cancelled.generationId());
        if (g.isEmpty()) {
            LOG.infof("cancel of unknown generation %s ignored", cancelled.generationId());
            return false;
        }
        String reason = reason(cancelled);
        GenerationRepository.Cancel found = repo.cancel(g.get().key(), reason);
        if (found != GenerationRepository.Cancel.NOTHING) {
            metrics.counter("sqlgen.generations.cancelled").increment();
        }
        if (found == GenerationRepository.Cancel.STOPPED) {
            announce(envelope.tenantId(), envelope.correlationId(), g.get().id(), reason);
        } else if (found == GenerationRepository.Cancel.RUNNING) {
            LOG.infof("generation %s cancelled while compiling; it stops before its next target", g.get().id());
        }
        return true;
    }

    /**
     * From the cancellations stream, which may read a cancel before the command stream has stored the request it
     * follows: the cancel of a generation not stored yet is held for that request ({@link #takeEarly}), so it stops
     * the generation before its run instead of after it.
     */
    public void cancelOrHold(Envelope envelope, GenerationCancelled cancelled) {
        if (cancel(envelope, cancelled)) {
            return;
        }
        GenerationKey key = new GenerationKey(envelope.tenantId(), cancelled.generationId());
        repo.holdEarlyCancel(key, reason(cancelled));
        LOG.infof("cancel of generation %s arrived before its request; held for it", key.id());
        // stored meanwhile, before the cancel was held: whoever takes the held cancel applies it, once
        if (repo.find(key).isPresent() && repo.takeEarlyCancel(key).isPresent()) {
            cancel(envelope, cancelled);
        }
    }

    /**
     * The request has just stored its generation: a cancel held for it is applied now, before any run, and ends the
     * stream. True when the generation was cancelled so.
     */
    boolean takeEarly(String tenant, String correlationId, String generationId) {
        GenerationKey key = new GenerationKey(tenant, generationId);
        Optional<String> reason = repo.takeEarlyCancel(key);
        if (reason.isEmpty()) {
            return false;
        }
        String why = reason.get().isBlank() ? DEFAULT_REASON : reason.get();
        if (repo.cancel(key, why) == GenerationRepository.Cancel.NOTHING) {
            return false;
        }
        metrics.counter("sqlgen.generations.cancelled").increment();
        LOG.infof("generation %s was cancelled before its request arrived; not compiled", generationId);
        announce(tenant, correlationId, generationId, why);
        return true;
    }

    /** A run found its generation cancelled and stops: it ends the stream, unless the sweeper already did. */
    void stopped(String tenant, String correlationId, String generationId) {
        if (repo.takeCancelAnnouncement(new GenerationKey(tenant, generationId), false)) {
            announce(tenant, correlationId, generationId, null);
        }
    }

    /** A cancel whose run stopped (a crash) before announcing it; called by the sweeper. */
    public void announceAbandoned(GenerationKey key) {
        repo.find(key).filter(g -> repo.takeCancelAnnouncement(key, true)).ifPresent(g -> {
            try (Correlation ignored = Correlation.open(g.correlationId(), g.id(), null)) {
                LOG.infof("generation %s: its run stopped before announcing the cancel; announcing it", g.id());
                announce(g.tenantId(), g.correlationId(), g.id(), null);
            }
        });
    }

    private static String reason(GenerationCancelled cancelled) {
        return cancelled.reason() == null || cancelled.reason().isBlank() ? DEFAULT_REASON : cancelled.reason();
    }

    private void announce(String tenant, String correlationId, String generationId, String reason) {
        String why = reason != null ? reason
                : repo.find(tenant, generationId).map(GenerationRecord::errorMessage).orElse(DEFAULT_REASON);
        publisher.event(tenant, correlationId, generationId, new GenerationFailed("Generation cancelled: " + why
                + ". Completed blocks are kept; request the generation again to resume it.", Stages.CANCELLED,
                "generation_cancelled"));
    }
}
