package io.aide.gateway.net;

import io.aide.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The address every rate limit and the audit log attribute a request to: the TCP peer, or behind a trusted proxy
 * (AIDE_TRUSTED_PROXIES) the client its X-Forwarded-For names ({@link TrustedProxies}). Worked out once per request.
 */
@ApplicationScoped
public class ClientAddress {
    private static final String KEY = "aide.client-address";

    private final TrustedProxies proxies;

    public ClientAddress(GatewayConfig config) {
        this.proxies = TrustedProxies.parse(config.trustedProxies().orElse(List.of()));
    }

    public String of(RoutingContext ctx) {
        String known = ctx.get(KEY);
        if (known == null) {
            known = of(ctx.request());
            ctx.put(KEY, known);
        }
        return known;
    }

    String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (proxies.isEmpty()) {
            return peer == null ? "unknown" : peer;
        }
        return proxies.clientAddress(peer, request.headers().getAll("X-Forwarded-For"));
    }
}
