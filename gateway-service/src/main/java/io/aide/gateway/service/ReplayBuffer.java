package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The last events of each stream, per tenant and key, in a Redis sorted set scored by Kafka offset. Every
 * replica writes the same member for the same offset, so concurrent writers agree. When the cap drops old
 * events, a marker keeps the lowest offset still held, so a client resuming from before it learns it missed some.
 */
@ApplicationScoped
public class ReplayBuffer {
    /**
     * KEYS: the buffer, the trimmed marker; ARGV: offset, stored frame, cap, ttl seconds. When the cap drops frames,
     * the marker keeps the lowest offset still held.
     */
    private static final String APPEND = """
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            local removed = redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
            if removed > 0 then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              if oldest[2] then
                redis.call('SETEX', KEYS[2], ARGV[4], string.format('%d', tonumber(oldest[2])))
              end
            end
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            return removed
            """;

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

    /**
     * Adds one frame, drops the oldest past the cap (keeping the trimmed marker) and renews the expiry, in one round
     * trip.
     */
    public Uni<Void> append(String tenant, String key, SseFrame frame) {
        return appendAll(List.of(new EventFanout.Published(tenant, key, frame)));
    }

    /**
     * Stores the frames of one polled batch, in order, in one round trip (a pipeline of one script call per frame):
     * the consumer stores every event before it fans it out, so this is on the path of every event. Fails when any
     * of them could not be stored.
     */
    public Uni<Void> appendAll(List<EventFanout.Published> frames) {
        if (frames.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String cap = Integer.toString(config.bufferCap());
        String ttl = Long.toString(Math.max(1, config.bufferTtl().toSeconds()));
        List<Request> requests = new ArrayList<>(frames.size());
        for (EventFanout.Published p : frames) {
            requests.add(Request.cmd(Command.EVAL).arg(APPEND).arg(2).arg(key(p.tenant(), p.key()))
                    .arg(trimmedKey(p.tenant(), p.key())).arg(p.frame().offset()).arg(p.frame().toStored())
                    .arg(cap).arg(ttl));
        }
        return redis.getRedis().batch(requests).replaceWithVoid();
    }

    /**
     * Frames with an offset greater than {@code afterOffset} (all of them for -1), oldest first, the parts of a large
     * {@code hashmap_sync} put together (HashmapParts).
     */
    public Uni<List<SseFrame>> after(String tenant, String key, long afterOffset) {
        ScoreRange<Double> range = new ScoreRange<>((double) afterOffset, false, Double.POSITIVE_INFINITY, true);
        return redis.sortedSet(String.class).zrangebyscore(key(tenant, key), range)
                .map(stored -> HashmapParts.assemble(stored.stream().map(SseFrame::fromStored).toList()));
    }

    /**
     * The {@code count} newest frames at or below {@code offset}, newest first, as stored (parts not put together):
     * where the consumer finds the earlier parts of a {@code hashmap_sync} whose last part it just read.
     */
    public Uni<List<SseFrame>> upTo(String tenant, String key, long offset, int count) {
        return redis.getRedis().send(Request.cmd(Command.ZREVRANGEBYSCORE).arg(key(tenant, key)).arg(offset)
                        .arg("-inf").arg("LIMIT").arg(0).arg(count))
                .map(response -> {
                    List<SseFrame> frames = new ArrayList<>();
                    if (response != null) {
                        response.forEach(item -> frames.add(SseFrame.fromStored(item.toString())));
                    }
                    return frames;
                });
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

    private static String key(String tenant, String key) {
        return "aide:sse:" + tenant + ":" + key;
    }

    private static String trimmedKey(String tenant, String key) {
        return "aide:sse-trimmed:" + tenant + ":" + key;
    }
}
