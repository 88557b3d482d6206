package io.aide.aihub.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aide.aihub.service.AiHubException;
import io.aide.events.EventJson;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.transactions.TransactionResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Modeler sessions in Redis, as four keys per tenant, data source and user: a metadata hash, a list of messages
 * (JSON), a model-draft hash with a version, and the schema context (Markdown). Every write is one MULTI/EXEC
 * that also renews the 24-hour expiry of all four keys, so a failure leaves nothing half-written.
 */
@ApplicationScoped
public class ModelerSessionStore {
    public static final Duration TTL = Duration.ofHours(24);

    private final RedisDataSource redis;

    public ModelerSessionStore(RedisDataSource redis) {
        this.redis = redis;
    }

    public void create(SessionKeys keys, Map<String, String> metadata, String schemaContext,
                       List<SessionMessage> messages) {
        call(() -> redis.withTransaction(tx -> {
            tx.key().del(keys.all().toArray(String[]::new));
            tx.hash(String.class).hset(keys.metadata(), metadata);
            tx.value(String.class).set(keys.schema(), schemaContext);
            if (!messages.isEmpty()) {
                tx.list(String.class).rpush(keys.messages(), messages.stream().map(ModelerSessionStore::json)
                        .toArray(String[]::new));
            }
            keys.all().forEach(k -> tx.key().expire(k, TTL));
        }));
    }

    public Optional<StoredSession> load(SessionKeys keys) {
        return call(() -> {
            Map<String, String> metadata = redis.hash(String.class).hgetall(keys.metadata());
            if (metadata == null || metadata.isEmpty()) {
                return Optional.empty();
            }
            List<SessionMessage> messages = redis.list(String.class).lrange(keys.messages(), 0, -1).stream()
                    .map(ModelerSessionStore::message).toList();
            Map<String, String> draft = redis.hash(String.class).hgetall(keys.modelDraft());
            String schema = redis.value(String.class).get(keys.schema());
            long ttl = redis.key().ttl(keys.metadata());
            return Optional.of(new StoredSession(metadata, messages, draft == null ? Map.of() : draft,
                    schema == null ? "" : schema, ttl));
        });
    }

    /** Appends messages to an existing session; false when there is none (expired, saved or cancelled). */
    public boolean append(SessionKeys keys, List<SessionMessage> messages) {
        return call(() -> {
            if (!redis.key().exists(keys.metadata())) {
                return false;
            }
            redis.withTransaction(tx -> {
                tx.list(String.class).rpush(keys.messages(), messages.stream().map(ModelerSessionStore::json)
                        .toArray(String[]::new));
                tx.hash(String.class).hset(keys.metadata(), "lastActivity", Instant.now().toString());
                keys.all().forEach(k -> tx.key().expire(k, TTL));
            });
            return true;
        });
    }

    /** Stores the model draft and returns its new version; empty when the session does not exist. */
    public Optional<Long> saveDraft(SessionKeys keys, String modelStateJson) {
        return call(() -> {
            if (!redis.key().exists(keys.metadata())) {
                return Optional.<Long>empty();
            }
            String now = Instant.now().toString();
            TransactionResult result = redis.withTransaction(tx -> {
                tx.hash(String.class).hincrby(keys.modelDraft(), "version", 1);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("modelState", modelStateJson);
                fields.put("lastModified", now);
                tx.hash(String.class).hset(keys.modelDraft(), fields);
                tx.hash(String.class).hset(keys.metadata(), "lastActivity", now);
                keys.all().forEach(k -> tx.key().expire(k, TTL));
            });
            if (result.discarded()) {
                throw new IllegalStateException("the draft transaction was discarded");
            }
            return Optional.of(((Number) result.get(0)).longValue());
        });
    }

    public void clear(SessionKeys keys) {
        call(() -> redis.key().del(keys.all().toArray(String[]::new)));
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (AiHubException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AiHubException.redisUnavailable(e);
        }
    }

    private static String json(SessionMessage message) {
        try {
            return EventJson.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SessionMessage message(String json) {
        try {
            return EventJson.mapper().readValue(json, SessionMessage.class);
        } catch (JsonProcessingException e) {
            return new SessionMessage("assistant", json, null);
        }
    }
}
