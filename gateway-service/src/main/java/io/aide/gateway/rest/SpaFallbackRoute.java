package io.aide.gateway.rest;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The portal is a single-page app: a reload of a client-side route such as {@code /documents/42} gets
 * index.html instead of a 404. Only browser navigations (Accept: text/html) outside /api and /q.
 */
@ApplicationScoped
public class SpaFallbackRoute {
    private static final String INDEX = "META-INF/resources/index.html";
    private volatile Buffer index;
    private volatile boolean looked;

    void routes(@Observes Router router) {
        // ahead of the REST handler, which answers 404 itself for paths it does not know
        router.get().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 20).handler(this::fallback);
    }

    void fallback(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String accept = ctx.request().getHeader("Accept");
        Buffer page = index();
        if (page == null || path.startsWith("/api/") || path.startsWith("/q/") || path.contains(".")
                || accept == null || !accept.contains("text/html")) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").end(page);
    }

    private Buffer index() {
        if (!looked) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(INDEX)) {
                index = in == null ? null : Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            looked = true;
        }
        return index;
    }
}
