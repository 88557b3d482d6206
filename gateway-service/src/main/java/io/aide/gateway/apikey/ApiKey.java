package io.aide.gateway.apikey;

import java.time.Instant;

/** An API key as stored and listed: never its secret, only the first characters ({@code prefix}). */
public record ApiKey(String id, String tenant, String name, String role, String prefix, String createdBy,
                     Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public String status(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt.isAfter(now) ? "active" : "expired";
    }
}
