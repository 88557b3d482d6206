package io.aide.gateway.rest;

import io.aide.gateway.service.Correlation;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes problem+json straight to a Vert.x response (for routes outside JAX-RS). */
public final class Problems {

    public static void write(RoutingContext ctx, int status, String code, String title, String detail) {
        write(ctx, Problem.of(status, code, title, detail, Correlation.of(ctx.request())));
    }

    public static void write(RoutingContext ctx, GatewayException e) {
        write(ctx, e.status(), e.code(), e.title(), e.getMessage());
    }

    public static void write(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problem.toJson());
    }

    private Problems() {
    }
}
