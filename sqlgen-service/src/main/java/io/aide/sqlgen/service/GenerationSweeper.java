package io.aide.sqlgen.service;

import io.aide.sqlgen.persistence.GenerationRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Completes generations whose validation summary did not arrive in time, resumes generations whose owner
 * stopped renewing its lease (a crash or restart mid-compile) and announces the cancel of a generation whose run
 * stopped that way before it could. Safe on several replicas: each goes through conditional updates.
 */
@ApplicationScoped
public class GenerationSweeper {
    private static final Logger LOG = Logger.getLogger(GenerationSweeper.class);
    private static final Duration PROCESSED_EVENT_RETENTION = Duration.ofDays(7);
    /** A request follows its cancel within seconds; one held longer belongs to a request that failed to store. */
    private static final Duration EARLY_CANCEL_RETENTION = Duration.ofHours(1);

    private final GenerationRepository repo;
    private final GenerationService generations;
    private final GenerationCancels cancels;

    public GenerationSweeper(GenerationRepository repo, GenerationService generations, GenerationCancels cancels) {
        this.repo = repo;
        this.generations = generations;
        this.cancels = cancels;
    }

    @Scheduled(every = "${aide.sqlgen.sweep-interval:5s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            repo.overdueValidations().forEach(generations::completeOverdue);
            repo.abandoned().forEach(generations::resumeAbandoned);
            repo.unannouncedCancels().forEach(cancels::announceAbandoned);
            repo.forgetProcessed(PROCESSED_EVENT_RETENTION);
            repo.forgetEarlyCancels(EARLY_CANCEL_RETENTION);
        } catch (RuntimeException e) {
            LOG.warnf("sweep failed: %s", e.getMessage());
        }
    }
}
