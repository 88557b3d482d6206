package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * Client-chosen generation ids, reserved per tenant. Ids are scoped per tenant: the same id in two tenants is two
 * generations, so another tenant's use of an id changes nothing a caller can see (no existence oracle). The first
 * POST of an id reserves it in its tenant (SET NX), so a second POST of it there is the same generation.
 */
@ApplicationScoped
public class GenerationRegistry {
    /** {@code gen_<epochMillis>_<random>} as the browser creates it. */
    public static final Pattern ID = Pattern.compile("gen_[0-9]{10,16}_[A-Za-z0-9]{1,40}");

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig config;

    public GenerationRegistry(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public static boolean isValidId(String generationId) {
        return generationId != null && ID.matcher(generationId).matches();
    }

    /** A new generation of the tenant, or a repeat POST of one it has. */
    public enum Reservation { CREATED, EXISTING }

    public Uni<Reservation> reserve(String tenant, String generationId) {
        return redis.execute("SET", key(tenant, generationId), "1", "NX", "EX",
                        Long.toString(config.sse().generationIdTtl().toSeconds()))
                .map(set -> set != null ? Reservation.CREATED : Reservation.EXISTING);
    }

    /** Gives the id back after a failed start, so the client can retry with it. */
    public Uni<Void> release(String tenant, String generationId) {
        return redis.key().del(key(tenant, generationId)).replaceWithVoid();
    }

    /** Whether the tenant reserved the id (false for an id only sqlgen still knows, past the reservation's expiry). */
    public Uni<Boolean> reserved(String tenant, String generationId) {
        return redis.key().exists(key(tenant, generationId));
    }

    /**
     * How long after a refinement, a block edit or a resume a stream opened at the terminal event stays open for what
     * follows it.
     */
    static final long FOLLOW_UP_SECONDS = 300;

    /** A refinement, block edit or resume was just requested: its events will follow the generation's terminal one. */
    public Uni<Void> markFollowUp(String tenant, String generationId) {
        return redis.value(String.class).setex(followUpKey(tenant, generationId), FOLLOW_UP_SECONDS, "1");
    }

    public Uni<Boolean> followUpPending(String tenant, String generationId) {
        return redis.key().exists(followUpKey(tenant, generationId));
    }

    private static String followUpKey(String tenant, String generationId) {
        return "aide:sse-followup:" + tenant + ":" + generationId;
    }

    private static String key(String tenant, String generationId) {
        return "aide:generation:" + tenant + ":" + generationId;
    }
}
