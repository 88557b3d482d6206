package io.aide.gateway.auth;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Access tokens this replica has already verified, so a burst of requests carrying the same token (a reconnect storm:
 * every tab and stream of a user at once) verifies it once. Keyed by the SHA-256 of the token (the token itself is
 * never a key), bounded in size (least recently used out first), and an entry is used only until the earlier of the
 * token's own expiry and {@code aide.gateway.token-cache.ttl} after it was verified: never past the token's
 * {@code exp}, and a signing key the realm withdraws stops being honoured within that time. A cached answer is exactly
 * what verification would answer (access tokens are verified locally, by signature and claims; a logout ends the
 * realm session and its refresh token, and the access token's own expiry ends the rest, held streams included).
 * Only successful verifications are kept; a refused token is verified again each time.
 */
@ApplicationScoped
public class VerifiedTokens {
    private final int capacity;
    private final long ttlMillis;
    private final LongSupplier clock;
    private final Map<String, Entry> entries;

    record Entry(SecurityIdentity identity, long usableUntil) {
    }

    @jakarta.inject.Inject
    public VerifiedTokens(GatewayConfig config) {
        this(config.tokenCache().size(), config.tokenCache().ttl().toMillis(), System::currentTimeMillis);
    }

    VerifiedTokens(int capacity, long ttlMillis, LongSupplier clock) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokens.this.capacity;
            }
        };
    }

    public boolean enabled() {
        return capacity > 0 && ttlMillis > 0;
    }

    /** The identity a still-valid cached verification of this token produced, or null. */
    public SecurityIdentity find(String token) {
        if (!enabled()) {
            return null;
        }
        String key = hash(token);
        long now = clock.getAsLong();
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (now >= entry.usableUntil()) {
                entries.remove(key);
                return null;
            }
            return entry.identity();
        }
    }

    /** Keeps a successful verification of {@code token}; tokens without an expiry are not kept. */
    public void remember(String token, SecurityIdentity identity) {
        if (!enabled() || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long usableUntil = Math.min(jwt.getExpirationTime() * 1000L, now + ttlMillis);
        if (usableUntil <= now) {
            return;
        }
        String key = hash(token);
        synchronized (entries) {
            entries.put(key, new Entry(identity, usableUntil));
        }
    }

    /** Drops a token (a logout of the session it belongs to). */
    public void forget(String token) {
        synchronized (entries) {
            entries.remove(hash(token));
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
