package io.aide.gateway.apikey;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The form of an API key: {@code aide_} followed by 256 random bits (base64url). Only its SHA-256 is stored: with
 * that much entropy a slow password hash adds nothing, and a lookup by hash keeps each request to one indexed read.
 */
public final class ApiKeySecrets {
    public static final String PREFIX = "aide_";
    public static final String HEADER = "X-Api-Key";
    /** Characters of the key kept in clear so a list can tell keys apart ({@code aide_} and 8 more). */
    static final int SHOWN = PREFIX.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String shown(String key) {
        return key.substring(0, Math.min(SHOWN, key.length()));
    }

    /** The API key a request presents ({@code X-Api-Key}, or {@code Authorization: Bearer aide_...}), else null. */
    public static String presented(HttpServerRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (token.startsWith(PREFIX)) {
                return token;
            }
        }
        return null;
    }
}
