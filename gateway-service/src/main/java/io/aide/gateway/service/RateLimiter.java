package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A token bucket per tenant and user, kept in Redis so every gateway replica shares it. */
@ApplicationScoped
public class RateLimiter {
    /** Refills by elapsed time, takes one token; answers {allowed, millis until the next token}. */
    static final String SCRIPT = """
            local cap = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local state = redis.call('HMGET', KEYS[1], 't', 'ts')
            local tokens = tonumber(state[1])
            local ts = tonumber(state[2])
            if tokens == nil or ts == nil then tokens = cap; ts = now end
            if now > ts then tokens = math.min(cap, tokens + (now - ts) / 1000 * rate) end
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) / rate * 1000)
            end
            redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(math.max(now, ts)))
            redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate * 1000) + 1000)
            return {allowed, wait}
            """;

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.RateLimit config;

    public RateLimiter(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config.rateLimit();
    }

    /** Empty when the call may proceed, otherwise the seconds to wait before retrying. */
    public Uni<Long> acquire(Caller caller) {
        if (!config.enabled()) {
            return Uni.createFrom().item(0L);
        }
        String key = "aide:ratelimit:" + caller.tenant() + ":" + caller.user();
        return redis.execute("EVAL", SCRIPT, "1", key, Integer.toString(config.capacity()),
                        Double.toString(config.refillPerSecond()), Long.toString(System.currentTimeMillis()))
                .map(response -> response.get(0).toInteger() == 1 ? 0L
                        : Math.max(1L, (response.get(1).toLong() + 999) / 1000));
    }
}
