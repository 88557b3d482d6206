package io.aide.internalauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Signs and verifies the internal token: a compact JWT (HS256) with the claims {@code iss=aide-internal},
 * {@code svc} (the signing service), {@code tenant}, {@code sub} (user), {@code roles}, {@code iat} and {@code exp}.
 * Every service holds the same per-install secret ({@value #SECRET_ENV}); a token lives {@link #DEFAULT_TTL}, so a
 * leaked one is useless a minute later. Only HS256 is accepted: {@code alg=none} or any other algorithm is refused.
 */
public final class InternalTokens {
    /** The request header that carries the token. */
    public static final String HEADER = "X-Aide-Internal-Token";
    /** The environment variable every service reads the shared secret from. */
    public static final String SECRET_ENV = "AIDE_INTERNAL_SECRET";
    public static final int MIN_SECRET_BYTES = 32;
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** Tolerated clock difference between the signing and the verifying host. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** A token claiming a longer life than this is refused, whoever signed it. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private static final String ISSUER = "aide-internal";
    private static final String ALGORITHM = "HmacSHA256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER_SEGMENT = B64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;

    public InternalTokens(String secret) {
        this(secret, Clock.systemUTC(), DEFAULT_TTL);
    }

    public InternalTokens(String secret, Clock clock, Duration ttl) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(SECRET_ENV + " must hold at least " + MIN_SECRET_BYTES
                    + " bytes; ./aide generates one into .aide/internal-secret, Kubernetes reads it from the aide-secrets Secret");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("token lifetime must be between 1 s and " + MAX_LIFETIME.toSeconds() + " s");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A fresh token for one call (or a short burst of calls) made as {@code identity}. */
    public String sign(InternalIdentity identity) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("svc", identity.service())
                .put("iat", now)
                .put("exp", now + ttl.toSeconds());
        if (identity.tenant() != null) {
            claims.put("tenant", identity.tenant());
        }
        if (identity.user() != null) {
            claims.put("sub", identity.user());
        }
        identity.roles().forEach(claims.putArray("roles")::add);
        String payload = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER_SEGMENT + "." + payload;
        return signingInput + "." + B64.encodeToString(mac(signingInput));
    }

    /** The identity a token proves, or why it proves nothing. */
    public InternalIdentity verify(String token) throws InternalTokenRefused {
        if (token == null || token.isBlank()) {
            throw new InternalTokenRefused("no internal token");
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new InternalTokenRefused("the internal token is not a signed JWT");
        }
        JsonNode header = decode(parts[0], "header");
        if (!"HS256".equals(header.path("alg").asText())) {
            throw new InternalTokenRefused("the internal token must be signed with HS256");
        }
        byte[] signature;
        try {
            signature = B64D.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InternalTokenRefused("the internal token's signature is not base64url");
        }
        if (!MessageDigest.isEqual(signature, mac(parts[0] + "." + parts[1]))) {
            throw new InternalTokenRefused("the internal token's signature does not match this install's secret");
        }
        JsonNode claims = decode(parts[1], "claims");
        return identity(claims);
    }

    private InternalIdentity identity(JsonNode claims) throws InternalTokenRefused {
        if (!ISSUER.equals(claims.path("iss").asText())) {
            throw new InternalTokenRefused("the internal token has the wrong issuer");
        }
        if (!claims.path("iat").canConvertToLong() || !claims.path("exp").canConvertToLong()) {
            throw new InternalTokenRefused("the internal token lacks iat or exp");
        }
        long now = clock.instant().getEpochSecond();
        long issued = claims.path("iat").asLong();
        long expires = claims.path("exp").asLong();
        if (expires + CLOCK_SKEW.toSeconds() < now) {
            throw new InternalTokenRefused("the internal token expired");
        }
        if (issued - CLOCK_SKEW.toSeconds() > now || expires - issued > MAX_LIFETIME.toSeconds() || expires < issued) {
            throw new InternalTokenRefused("the internal token's lifetime is not plausible");
        }
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(role -> roles.add(role.asText()));
        try {
            return new InternalIdentity(text(claims, "tenant"), text(claims, "sub"), roles, claims.path("svc").asText());
        } catch (IllegalArgumentException e) {
            throw new InternalTokenRefused("the internal token's claims are malformed: " + e.getMessage());
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode decode(String segment, String what) throws InternalTokenRefused {
        try {
            JsonNode node = JSON.readTree(B64D.decode(segment));
            if (node == null || !node.isObject()) {
                throw new InternalTokenRefused("the internal token's " + what + " is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException | IOException e) {
            throw new InternalTokenRefused("the internal token's " + what + " is not base64url JSON");
        }
    }

    private byte[] mac(String signingInput) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
