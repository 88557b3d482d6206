package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The last events of each stream, per tenant and key, in a Redis sorted set scored by Kafka offset. Every
 * replica writes the same member for the same offset, so concurrent writers agree.
 */
@ApplicationScoped
public class ReplayBuffer {
    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.Sse config;

    public ReplayBuffer(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config.sse();
    }

    public Uni<Void> append(String tenant, String key, SseFrame frame) {
        String redisKey = key(tenant, key);
        return redis.sortedSet(String.class).zadd(redisKey, frame.offset(), frame.toStored())
                .flatMap(added -> redis.sortedSet(String.class).zremrangebyrank(redisKey, 0, -(config.bufferCap() + 1L)))
                .flatMap(removed -> redis.key().expire(redisKey, config.bufferTtl()))
                .replaceWithVoid();
    }

    /** Frames with an offset greater than {@code afterOffset} (all of them for -1), oldest first. */
    public Uni<List<SseFrame>> after(String tenant, String key, long afterOffset) {
        ScoreRange<Double> range = new ScoreRange<>((double) afterOffset, false, Double.POSITIVE_INFINITY, true);
        return redis.sortedSet(String.class).zrangebyscore(key(tenant, key), range)
                .map(stored -> stored.stream().map(SseFrame::fromStored).toList());
    }

    private static String key(String tenant, String key) {
        return "aide:sse:" + tenant + ":" + key;
    }
}
