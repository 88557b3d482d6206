package io.aide.gateway.apikey;

/**
 * Why a presented API key was refused (unknown, expired, revoked), left on the routing context for the 401 problem
 * and the audit log; {@code key} is null when the key is not known at all.
 */
public record ApiKeyRefused(String message, ApiKey key) {
    public static final String CONTEXT_KEY = "aide.api-key-refused";
}
