package io.aide.gateway.sandbox;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.aide.gateway.config.GatewayConfig;

import java.util.Optional;

/**
 * {@code GET /api/v1/viz/sandbox}: the origin the portal frames charts from, {@code {origin}}: the configured public
 * origin (AIDE_SANDBOX_PUBLIC_ORIGIN, behind a proxy) or the host the portal was reached on with the sandbox's port.
 */
@ApplicationScoped
public class SandboxRoute {
    private final SandboxServer sandbox;
    private final Optional<String> publicOrigin;

    public SandboxRoute(SandboxServer sandbox, GatewayConfig config) {
        this.sandbox = sandbox;
        this.publicOrigin = config.sandbox().publicOrigin().filter(o -> !o.isBlank());
    }

    void routes(@Observes Router router) {
        router.get("/api/v1/viz/sandbox").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::origin);
    }

    void origin(RoutingContext ctx) {
        String origin;
        if (publicOrigin.isPresent()) {
            origin = publicOrigin.get();
        } else if (sandbox.port() < 0) {
            ctx.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "https://aide.io/problems/viz/sandbox_disabled")
                            .put("title", "Chart sandbox disabled").put("status", 503).put("code", "viz_sandbox_disabled")
                            .put("detail", "The gateway serves no chart sandbox (AIDE_SANDBOX_PORT is negative); set a "
                                    + "port to see charts.").encode());
            return;
        } else {
            String host = ctx.request().authority() == null ? "127.0.0.1" : ctx.request().authority().host();
            origin = ctx.request().scheme() + "://" + host + ":" + sandbox.port();
        }
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("origin", origin).encode());
    }
}
