package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open SSE streams per tenant and user on this replica, capped so one user cannot hold thousands of connections;
 * past the cap the stream is refused with 429 and the client retries once one of its streams closes.
 */
@ApplicationScoped
public class StreamQuota {
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final int max;

    public StreamQuota(GatewayConfig config) {
        this.max = config.sse().maxStreamsPerUser();
    }

    public int max() {
        return max;
    }

    /** Takes one stream for the caller; false when the caller already holds the maximum. */
    public boolean tryAcquire(Caller caller) {
        boolean[] granted = {false};
        open.compute(key(caller), (k, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < max) {
                c.incrementAndGet();
                granted[0] = true;
            }
            return c;
        });
        return granted[0];
    }

    public void release(Caller caller) {
        open.computeIfPresent(key(caller), (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private static String key(Caller caller) {
        return caller.tenant() + '\u0000' + caller.user();
    }
}
