package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The last events of each stream, per tenant and key, in a Redis sorted set scored by Kafka offset. Every
 * replica writes the same member for the same offset, so concurrent writers agree. When the cap drops old
 * events, a marker keeps the lowest offset still held, so a client resuming from before it learns it missed some.
 */
@ApplicationScoped
public class ReplayBuffer {
    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.Sse config;

    public ReplayBuffer(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config.sse();
    }

    /**
     * What a stream opened after Last-Event-ID gets from the buffer.
     *
     * @param frames       the buffered frames after it, oldest first
     * @param endedAlready the stream's terminal event is at or before it: the client needs only {@code done}
     * @param missedBefore when events the client has not seen were dropped by the cap, the lowest offset still
     *                     held (the client needs a recovery {@code hashmap_sync}); -1 when nothing was missed
     */
    public record Replay(List<SseFrame> frames, boolean endedAlready, long missedBefore) {
    }

    public Uni<Void> append(String tenant, String key, SseFrame frame) {
        String redisKey = key(tenant, key);
        return redis.sortedSet(String.class).zadd(redisKey, frame.offset(), frame.toStored())
                .flatMap(added -> redis.sortedSet(String.class).zremrangebyrank(redisKey, 0, -(config.bufferCap() + 1L)))
                .flatMap(removed -> removed > 0 ? markTrimmed(tenant, key) : Uni.createFrom().voidItem())
                .flatMap(ignored -> redis.key().expire(redisKey, config.bufferTtl()))
                .replaceWithVoid();
    }

    /** Frames with an offset greater than {@code afterOffset} (all of them for -1), oldest first. */
    public Uni<List<SseFrame>> after(String tenant, String key, long afterOffset) {
        ScoreRange<Double> range = new ScoreRange<>((double) afterOffset, false, Double.POSITIVE_INFINITY, true);
        return redis.sortedSet(String.class).zrangebyscore(key(tenant, key), range)
                .map(stored -> stored.stream().map(SseFrame::fromStored).toList());
    }

    /** The frames after {@code afterOffset}, whether the stream already ended before it, and whether events were lost. */
    public Uni<Replay> replay(String tenant, String key, long afterOffset) {
        Uni<List<String>> newest = redis.sortedSet(String.class).zrange(key(tenant, key), -1, -1);
        Uni<String> lowestKept = redis.value(String.class).get(trimmedKey(tenant, key));
        return Uni.combine().all().unis(after(tenant, key, afterOffset), newest, lowestKept).with((frames, last, kept) -> {
            SseFrame latest = last.isEmpty() ? null : SseFrame.fromStored(last.get(0));
            boolean ended = frames.isEmpty() && latest != null && latest.terminal() && latest.offset() <= afterOffset;
            long lowest = kept == null ? -1 : Long.parseLong(kept);
            // the dropped events all have offsets below the lowest kept one; the client saw up to afterOffset
            return new Replay(frames, ended, lowest > 0 && afterOffset < lowest - 1 ? lowest : -1);
        });
    }

    private Uni<Void> markTrimmed(String tenant, String key) {
        return redis.sortedSet(String.class).zrange(key(tenant, key), 0, 0)
                .flatMap(oldest -> oldest.isEmpty() ? Uni.createFrom().voidItem()
                        : redis.value(String.class).setex(trimmedKey(tenant, key), config.bufferTtl().toSeconds(),
                        Long.toString(SseFrame.fromStored(oldest.get(0)).offset())));
    }

    private static String key(String tenant, String key) {
        return "aide:sse:" + tenant + ":" + key;
    }

    private static String trimmedKey(String tenant, String key) {
        return "aide:sse-trimmed:" + tenant + ":" + key;
    }
}
