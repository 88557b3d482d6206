package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per tenant and user, kept in Redis so every gateway replica shares it. When Redis fails or is
 * slower than {@link #REDIS_BUDGET}, the same bucket is kept in this replica's memory instead: a Redis outage
 * or a burst never lets requests through unchecked.
 */
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

    static final java.time.Duration REDIS_BUDGET = java.time.Duration.ofMillis(500);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RateLimiter.class);

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.RateLimit config;
    private final java.util.concurrent.ConcurrentHashMap<String, LocalBucket> local = new java.util.concurrent.ConcurrentHashMap<>();

    public RateLimiter(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config.rateLimit();
    }

    /** Empty when the call may proceed, otherwise the seconds to wait before retrying. */
    public Uni<Long> acquire(Caller caller) {
        if (!config.enabled()) {
            return Uni.createFrom().item(0L);
        }
        return acquire("aide:ratelimit:" + caller.tenant() + ":" + caller.user(), config.capacity(),
                config.refillPerSecond());
    }

    /** Expensive requests of the caller's whole tenant (see {@link #isExpensive}). */
    public Uni<Long> acquireExpensive(Caller caller) {
        if (!config.enabled()) {
            return Uni.createFrom().item(0L);
        }
        return acquire("aide:ratelimit:tenant-expensive:" + caller.tenant(), config.tenantExpensiveCapacity(),
                config.tenantExpensiveRefillPerSecond());
    }

    /** Uploads, generations, refinements and reparses: each starts parsing, generation or a model call. */
    public static boolean isExpensive(String method, String path) {
        if (!method.equals("POST")) {
            return false;
        }
        return path.equals("/api/v1/documents") || path.equals("/api/v1/datasources/upload")
                || path.equals("/api/v1/generations") || path.endsWith("/refine") || path.endsWith("/reparse")
                || path.startsWith("/api/v1/ai/");
    }

    /** Login attempts (POST /api/v1/session) per client address: a small bucket, so passwords cannot be guessed fast. */
    public Uni<Long> acquireLogin(String clientAddress) {
        if (!config.enabled()) {
            return Uni.createFrom().item(0L);
        }
        return acquire("aide:ratelimit:login:" + clientAddress, config.loginCapacity(), config.loginRefillPerSecond());
    }

    /**
     * Portal sign-ins started or completed (GET /api/v1/session/login, /callback) per client address: each stores a
     * login in Redis or calls the realm's token endpoint, so a flood of them is refused before it costs either.
     */
    public Uni<Long> acquireLoginFlow(String clientAddress) {
        if (!config.enabled()) {
            return Uni.createFrom().item(0L);
        }
        return acquire("aide:ratelimit:login-flow:" + clientAddress, config.loginFlowCapacity(),
                config.loginFlowRefillPerSecond());
    }

    private Uni<Long> acquire(String key, int capacity, double refillPerSecond) {
        return redis.execute("EVAL", SCRIPT, "1", key, Integer.toString(capacity),
                        Double.toString(refillPerSecond), Long.toString(System.currentTimeMillis()))
                .map(response -> response.get(0).toInteger() == 1 ? 0L
                        : Math.max(1L, (response.get(1).toLong() + 999) / 1000))
                .ifNoItem().after(REDIS_BUDGET).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("rate limiter on Redis unavailable (%s); this replica's bucket decides", failure.toString());
                    return acquireLocally(key, capacity, refillPerSecond, System.currentTimeMillis());
                });
    }

    /** The same token bucket as {@link #SCRIPT}, in this replica's memory. */
    long acquireLocally(String key, int capacity, double refillPerSecond, long now) {
        LocalBucket bucket = local.computeIfAbsent(key, k -> new LocalBucket(capacity, now));
        synchronized (bucket) {
            if (now > bucket.timestamp) {
                bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.timestamp) / 1000.0 * refillPerSecond);
                bucket.timestamp = now;
            }
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0L;
            }
            return Math.max(1L, (long) Math.ceil((1 - bucket.tokens) / refillPerSecond));
        }
    }

    private static final class LocalBucket {
        private double tokens;
        private long timestamp;

        LocalBucket(double tokens, long timestamp) {
            this.tokens = tokens;
            this.timestamp = timestamp;
        }
    }
}
