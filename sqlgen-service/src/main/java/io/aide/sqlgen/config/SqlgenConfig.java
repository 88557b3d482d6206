package io.aide.sqlgen.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of sqlgen-service under {@code aide.sqlgen}. */
@ConfigMapping(prefix = "aide.sqlgen")
public interface SqlgenConfig {

    /** How long to wait for the validator's summary before completing the generation anyway. */
    @WithDefault("60s")
    Duration validationTimeout();

    /** How often overdue validations and abandoned generations are looked for. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** How long a replica owns a running generation without renewing it; an expired lease is resumed. */
    @WithDefault("60s")
    Duration leaseDuration();

    /**
     * Longest wait for Kafka to acknowledge a generation's events before it fails as publish_failed (resumable). The
     * producer retries meanwhile, so a broker away for less than this loses nothing; the producer's own delivery
     * timeout (120 s by default) bounds it.
     */
    @WithDefault("120s")
    Duration publishTimeout();

    /**
     * What a validation is expected to take per target before the tenant has completed a generation to learn it
     * from; the remaining time shown in the writing and validating stages starts from it.
     */
    @WithDefault("2s")
    Duration validationEstimatePerTarget();

    /** Minimum time between two progress events while a target compiles. */
    @WithDefault("250ms")
    Duration progressInterval();

    /**
     * Largest event sent as one Kafka record (the serialised envelope); the producers' max.request.size is 1 MiB.
     * An event over it (one block's SQL in one dialect larger than this) fails the generation with
     * {@code event_too_large}, naming the size and this limit.
     */
    @WithDefault("1000000")
    int maxRecordBytes();

    /** Budget of the blocks of one {@code hashmap_sync} part; a larger hashmap is published in several parts. */
    @WithDefault("262144")
    int hashmapPartBytes();
}
