package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * Which tenant owns a client-chosen generation id. The first POST reserves the id for its tenant
 * (SET NX), so a second POST of the same id is the same generation and another tenant can never take it.
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

    public enum Reservation { CREATED, SAME_TENANT, OTHER_TENANT }

    public Uni<Reservation> reserve(String generationId, String tenant) {
        String key = key(generationId);
        return redis.execute("SET", key, tenant, "NX", "EX",
                        Long.toString(config.sse().generationIdTtl().toSeconds()))
                .flatMap(set -> set != null ? Uni.createFrom().item(Reservation.CREATED)
                        : owner(generationId).map(owner -> tenant.equals(owner) ? Reservation.SAME_TENANT
                        : Reservation.OTHER_TENANT));
    }

    /** Gives the id back after a failed start, so the client can retry with it. */
    public Uni<Void> release(String generationId) {
        return redis.key().del(key(generationId)).replaceWithVoid();
    }

    /** The owning tenant, or null when the id was never reserved (a stream opened before its POST). */
    public Uni<String> owner(String generationId) {
        return redis.value(String.class).get(key(generationId));
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

    private static String key(String generationId) {
        return "aide:generation:" + generationId;
    }
}
