package io.aide.sqlgen.service;

import io.aide.sqlgen.persistence.GenerationRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Completes generations whose validation summary did not arrive in time and resumes generations whose owner
 * stopped renewing its lease (a crash or restart mid-compile). Safe on several replicas: both go through
 * conditional updates.
 */
@ApplicationScoped
public class GenerationSweeper {
    private static final Logger LOG = Logger.getLogger(GenerationSweeper.class);
    private static final Duration PROCESSED_EVENT_RETENTION = Duration.ofDays(7);

    private final GenerationRepository repo;
    private final GenerationService generations;

    public GenerationSweeper(GenerationRepository repo, GenerationService generations) {
        this.repo = repo;
        this.generations = generations;
    }

    @Scheduled(every = "${aide.sqlgen.sweep-interval:5s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            repo.overdueValidations().forEach(generations::completeOverdue);
            repo.abandoned().forEach(generations::resumeAbandoned);
            repo.forgetProcessed(PROCESSED_EVENT_RETENTION);
        } catch (RuntimeException e) {
            LOG.warnf("sweep failed: %s", e.getMessage());
        }
    }
}
