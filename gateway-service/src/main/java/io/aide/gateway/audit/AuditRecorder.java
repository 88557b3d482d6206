package io.aide.gateway.audit;

import io.aide.gateway.apikey.ApiKeyPrincipal;
import io.aide.gateway.apikey.ApiKeyRefused;
import io.aide.gateway.net.ClientAddress;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.Correlation;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/**
 * Records every audited API request (see {@link AuditActions}) once its answer has ended, with the caller the
 * gateway established: a user of the token, an API key, or nobody (a refusal before authentication). Handlers
 * that know more than the path (the user name of a login, the id of a new key) leave it on the routing context
 * with {@link #actor} and {@link #target}.
 */
@ApplicationScoped
public class AuditRecorder {
    private static final String ACTOR = "aide.audit.actor";
    private static final String TENANT = "aide.audit.tenant";
    private static final String TARGET = "aide.audit.target";
    private static final String REFUSED = "aide.audit.refused";
    private static final String API_KEY = "aide.audit.api-key";

    private final AuditLog log;
    private final ClientAddress clientAddress;

    public AuditRecorder(AuditLog log, ClientAddress clientAddress) {
        this.log = log;
        this.clientAddress = clientAddress;
    }

    /** Names the actor of a request the gateway could not authenticate itself (a login). */
    public static void actor(RoutingContext ctx, String user, String tenant) {
        ctx.put(ACTOR, user);
        if (tenant != null) {
            ctx.put(TENANT, tenant);
        }
    }

    /**
     * Notes now whether the caller came with an API key, for a request that lets go of its security identity before
     * it ends (a held event stream).
     */
    public static void rememberCredentialKind(RoutingContext ctx) {
        ctx.put(API_KEY, isApiKey(ctx));
    }

    /** Names what the request acted on when the path does not (a new key's id). */
    public static void target(RoutingContext ctx, String target) {
        ctx.put(TARGET, target);
    }

    /**
     * Records the request as refused whatever its status: an answer that is a redirect for the browser's sake (a
     * login callback sent back to the portal with its error) is still a failed login. {@code reason} becomes the target.
     */
    public static void refused(RoutingContext ctx, String reason) {
        ctx.put(REFUSED, Boolean.TRUE);
        ctx.put(TARGET, reason);
    }

    void register(@Observes Filters filters) {
        filters.register(this::observe, SecurityHandlerPriorities.CORS + 95);
    }

    void observe(RoutingContext ctx) {
        if (ctx.request().path() != null && ctx.request().path().startsWith("/api/v1/")) {
            ctx.addEndHandler(ignored -> record(ctx));
        }
        ctx.next();
    }

    private void record(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        int status = ctx.response().getStatusCode();
        String method = request.method().name();
        String path = request.path();
        String action = AuditActions.classify(method, path, status);
        if (action == null || status == 400 && ctx.get(Caller.CONTEXT_KEY) == null) {
            return; // unreadable requests of unknown callers are refused at the edge and not worth a row each
        }
        String tenant = AuditEntry.NO_TENANT;
        String actor = "anonymous";
        String kind = "anonymous";
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        ApiKeyRefused refusedKey = ctx.get(ApiKeyRefused.CONTEXT_KEY);
        if (caller != null) {
            tenant = caller.tenant();
            actor = caller.user();
            kind = isApiKey(ctx) ? "api_key" : "user";
        } else if (refusedKey != null && refusedKey.key() != null) {
            tenant = refusedKey.key().tenant();
            actor = ApiKeyPrincipal.USER_PREFIX + refusedKey.key().id();
            kind = "api_key";
        } else if (ctx.get(ACTOR) != null) {
            actor = ctx.get(ACTOR);
            kind = "user";
            String known = ctx.get(TENANT);
            tenant = known != null ? known : AuditEntry.NO_TENANT;
        }
        String target = ctx.get(TARGET) != null ? ctx.get(TARGET) : targetOf(path);
        String address = clientAddress.of(ctx);
        String outcome = Boolean.TRUE.equals(ctx.get(REFUSED)) ? "refused" : AuditActions.outcome(status);
        log.append(new AuditEntry(0, tenant, Instant.now(), actor, kind, action, outcome, status,
                method, path, target, Correlation.of(request), address));
    }

    private static boolean isApiKey(RoutingContext ctx) {
        Boolean remembered = ctx.get(API_KEY);
        if (remembered != null) {
            return remembered;
        }
        return ctx.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof ApiKeyPrincipal;
    }

    /** The id a path names: the segment after the collection ({@code /api/v1/documents/{id}/...}). */
    static String targetOf(String path) {
        String[] parts = path.split("/");
        if (parts.length > 4 && parts[3].equals("admin")) {
            return parts.length > 5 ? parts[5] : null;
        }
        return parts.length > 4 ? parts[4] : null;
    }
}
