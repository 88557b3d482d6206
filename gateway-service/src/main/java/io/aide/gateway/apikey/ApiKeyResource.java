package io.aide.gateway.apikey;

import io.aide.gateway.audit.AuditRecorder;
import io.aide.gateway.rest.GatewayException;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.RolePolicy;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenant's API keys, for administrators ({@code RolePolicy} lets only role admin, and no API key, reach these
 * routes). A key is shown once, at creation; lists show its first characters only.
 */
@Path("/api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ApiKeyResource {
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;
    private static final Set<String> ROLES = Set.of(RolePolicy.ADMIN, RolePolicy.ENGINEER, RolePolicy.VIEWER);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.:/@()-]{1,100}");

    private final ApiKeyStore store;

    public ApiKeyResource(ApiKeyStore store) {
        this.store = store;
    }

    /** What to create: a name, a role (default viewer), and an expiry as a date or in days (default 90, at most 365). */
    public record CreateRequest(String name, String role, String expiresAt, Integer expiresInDays) {
    }

    /** A key as listed (never its secret). */
    public record View(String id, String name, String role, String prefix, String status, String createdBy,
                       Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {
        static View of(ApiKey key) {
            return new View(key.id(), key.name(), key.role(), key.prefix(), key.status(Instant.now()), key.createdBy(),
                    key.createdAt(), key.expiresAt(), key.revokedAt(), key.revokedBy(), key.lastUsedAt());
        }
    }

    /** A new key: the only answer that holds the secret ({@code key}). */
    public record Created(String id, String name, String role, String prefix, String key, Instant createdAt,
                          Instant expiresAt, String createdBy, String notice) {
    }

    public record Page(List<View> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key for the caller's tenant (admin); the key is in this answer only")
    public Response create(CreateRequest request, @Context RoutingContext ctx) {
        Caller caller = CallerResolver.from(ctx);
        if (request == null || request.name() == null || !NAME.matcher(request.name().trim()).matches()) {
            throw GatewayException.badRequest("invalid_request", "name is required: 1-100 letters, digits, spaces or "
                    + "_ . : / @ ( ) -, e.g. \"nightly CI\".");
        }
        String role = request.role() == null ? RolePolicy.VIEWER : request.role().trim();
        if (!ROLES.contains(role)) {
            throw GatewayException.badRequest("invalid_request", "role '" + role
                    + "' is not one of admin, engineer, viewer.");
        }
        Instant expiresAt = expiry(request);
        ApiKeyStore.Created created = store.create(caller.tenant(), request.name().trim(), role, caller.user(), expiresAt);
        ApiKey key = created.key();
        AuditRecorder.target(ctx, key.id());
        return Response.created(URI.create("/api/v1/admin/api-keys/" + key.id()))
                .entity(new Created(key.id(), key.name(), key.role(), key.prefix(), created.secret(), key.createdAt(),
                        key.expiresAt(), key.createdBy(), "Store this key now: it is not shown again. Send it as "
                        + "'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."))
                .build();
    }

    @GET
    @Operation(summary = "The tenant's API keys, newest first, with status active, expired or revoked (admin)")
    public Page list(@Context RoutingContext ctx) {
        return new Page(store.list(CallerResolver.from(ctx).tenant()).stream().map(View::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke one of the tenant's API keys at once (admin); revoking twice changes nothing")
    public View revoke(@PathParam("id") String id, @Context RoutingContext ctx) {
        Caller caller = CallerResolver.from(ctx);
        return store.revoke(caller.tenant(), id, caller.user()).map(View::of)
                .orElseThrow(() -> GatewayException.notFound("API key", id));
    }

    private static Instant expiry(CreateRequest request) {
        Instant now = Instant.now();
        Instant latest = now.plus(Duration.ofDays(MAX_DAYS));
        if (request.expiresAt() != null && request.expiresInDays() != null) {
            throw GatewayException.badRequest("invalid_request", "send expiresAt or expiresInDays, not both.");
        }
        Instant expiresAt;
        if (request.expiresAt() != null) {
            try {
                expiresAt = Instant.parse(request.expiresAt().trim());
            } catch (DateTimeParseException e) {
                throw GatewayException.badRequest("invalid_request", "expiresAt '" + request.expiresAt()
                        + "' is not an ISO-8601 instant such as 2027-01-31T00:00:00Z.");
            }
        } else {
            int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
            if (days < 1) {
                throw GatewayException.badRequest("invalid_request", "expiresInDays must be 1 to " + MAX_DAYS + ".");
            }
            expiresAt = now.plus(Duration.ofDays(days));
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(latest.plusSeconds(60))) {
            throw GatewayException.badRequest("invalid_request", "the key must expire in the future and within "
                    + MAX_DAYS + " days.");
        }
        return expiresAt;
    }
}
