package io.aide.gateway.rest;

import io.aide.gateway.apikey.ApiKeyRefused;
import io.aide.gateway.apikey.ApiKeySecrets;
import io.aide.gateway.config.GatewayConfig;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A refused or missing token answers 401 problem+json like every other error, not an empty body. */
@ApplicationScoped
public class AuthFailureRoute {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuthFailureRoute.class);
    private static final String MISSING = "Send an access token: Authorization: Bearer <token> (./aide token alice alice"
            + " prints one), or log in through the portal (POST /api/v1/session).";
    private static final String REFUSED = "The access token was refused (expired, malformed or not issued by this"
            + " installation's Keycloak). Get a new one and send it again.";

    private final String cookie;

    public AuthFailureRoute(GatewayConfig config) {
        this.cookie = config.cookie().name();
    }

    void routes(@Observes Router router) {
        // Vert.x refuses some requests before any route or filter runs (a '..' escaping the root, a malformed '%'
        // escape in the path, no Host header) and would answer an empty 400; the router's error handler for
        // failures no route handled gives them the same problem+json as every other refusal
        router.errorHandler(400, ctx -> Problems.write(ctx, 400, "invalid_path", "Bad request",
                "The request path or line cannot be read (a '..' segment, a malformed %-escape or a missing Host "
                        + "header); send a normalised path with ids of letters, digits, '_', '-' or '.'."));
        // before authentication: an API call with no credentials at all cannot succeed
        router.route("/api/v1/*").order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.request().path();
            boolean open = path.startsWith("/api/v1/session") || ctx.request().method() == io.vertx.core.http.HttpMethod.OPTIONS;
            String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
            boolean blankBearer = authorization != null && authorization.trim().equalsIgnoreCase("bearer");
            if (blankBearer) {
                refuse(ctx, "unauthorized:missing_token", MISSING);
                return;
            }
            if (open || authorization != null || ctx.request().getHeader(ApiKeySecrets.HEADER) != null
                    || ctx.request().getCookie(cookie) != null) {
                ctx.next();
                return;
            }
            refuse(ctx, "unauthorized:missing_token", MISSING);
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            ApiKeyRefused keyRefused = ctx.get(ApiKeyRefused.CONTEXT_KEY);
            if (keyRefused != null) {
                refuse(ctx, "unauthorized:invalid_api_key", keyRefused.message());
            } else if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException) {
                refuse(ctx, "unauthorized:invalid_token", REFUSED);
            } else if (failure instanceof UnauthorizedException) {
                refuse(ctx, "unauthorized:missing_token", MISSING);
            } else {
                answerAsProblem(ctx, failure);
            }
        });
    }

    /** Any other failure of a route or of the HTTP layer: problem+json with a stable code, never a stack trace. */
    private static void answerAsProblem(RoutingContext ctx, Throwable failure) {
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        String correlationId = io.aide.gateway.service.Correlation.of(ctx.request());
        if (status >= 500) {
            LOG.errorf(failure, "unexpected failure on %s %s [correlationId=%s]", ctx.request().method(),
                    ctx.request().path(), correlationId);
            Problems.write(ctx, 500, "internal_error", "Internal error",
                    "The gateway failed unexpectedly; quote correlation id " + correlationId + " when reporting it.");
            return;
        }
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "upload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
        Problems.write(ctx, status, code, "HTTP " + status, status == 400
                ? "The request could not be read (malformed body, multipart or encoding); correct it and retry."
                : "The request cannot be served as sent (HTTP " + status + "); see /q/openapi.");
    }

    private static void refuse(RoutingContext ctx, String code, String detail) {
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"aide\"");
        }
        Problems.write(ctx, 401, code, "Unauthorized", detail);
    }
}
