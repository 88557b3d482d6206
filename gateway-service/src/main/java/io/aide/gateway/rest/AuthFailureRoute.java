package io.aide.gateway.rest;

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
    private static final String MISSING = "Send an access token: Authorization: Bearer <token> (./aide token alice alice"
            + " prints one), or log in through the portal (POST /api/v1/session).";
    private static final String REFUSED = "The access token was refused (expired, malformed or not issued by this"
            + " installation's Keycloak). Get a new one and send it again.";

    private final String cookie;

    public AuthFailureRoute(GatewayConfig config) {
        this.cookie = config.cookie().name();
    }

    void routes(@Observes Router router) {
        // before authentication: an API call with no credentials at all cannot succeed
        router.route("/api/v1/*").order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.request().path();
            boolean open = path.startsWith("/api/v1/session") || ctx.request().method() == io.vertx.core.http.HttpMethod.OPTIONS;
            if (open || ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null || ctx.request().getCookie(cookie) != null) {
                ctx.next();
                return;
            }
            refuse(ctx, "unauthorized:missing_token", MISSING);
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException) {
                refuse(ctx, "unauthorized:invalid_token", REFUSED);
            } else if (failure instanceof UnauthorizedException) {
                refuse(ctx, "unauthorized:missing_token", MISSING);
            } else {
                ctx.next();
            }
        });
    }

    private static void refuse(RoutingContext ctx, String code, String detail) {
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"aide\"");
        }
        Problems.write(ctx, 401, code, "Unauthorized", detail);
    }
}
