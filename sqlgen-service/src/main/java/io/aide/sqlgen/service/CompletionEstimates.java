package io.aide.sqlgen.service;

import io.aide.sqlgen.config.SqlgenConfig;
import io.aide.sqlgen.persistence.GenerationRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * How long the stages after compiling (artifacts, then validation) are expected to take, so the remaining time is
 * estimated in every stage: the tenant's median validation time per target over its last completed generations,
 * times the targets; a configured default until it has any; never more than the validation timeout, after which a
 * generation completes anyway.
 */
@ApplicationScoped
public class CompletionEstimates {
    private final GenerationRepository repo;
    private final SqlgenConfig config;

    public CompletionEstimates(GenerationRepository repo, SqlgenConfig config) {
        this.repo = repo;
        this.config = config;
    }

    /** The expected time from the end of compiling to completion for a layer of this many targets. */
    Duration afterCompile(String tenant, int targets) {
        Duration perTarget = repo.typicalValidationPerTarget(tenant).orElse(config.validationEstimatePerTarget());
        return bounded(perTarget, targets, config.validationTimeout());
    }

    static Duration bounded(Duration perTarget, int targets, Duration timeout) {
        Duration expected = perTarget.multipliedBy(Math.max(1, targets));
        return expected.compareTo(timeout) > 0 ? timeout : expected;
    }
}
