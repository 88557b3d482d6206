package io.aide.gateway.audit;

import java.time.Instant;

/**
 * One line of a tenant's audit log: who ({@code actor}, a user name or {@code apikey:<id>}), did what
 * ({@code action}, e.g. {@code document.upload}) to what ({@code target}), when, and how it ended. It never holds a
 * token, a password, an API key or a request body.
 */
public record AuditEntry(long seq, String tenant, Instant at, String actor, String actorKind, String action,
                         String outcome, int status, String method, String path, String target, String correlationId,
                         String clientAddress) {
    /** The tenant of refusals whose caller is unknown (no valid credential); no tenant administrator sees it. */
    public static final String NO_TENANT = "_unauthenticated";
}
