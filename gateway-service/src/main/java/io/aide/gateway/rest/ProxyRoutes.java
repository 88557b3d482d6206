package io.aide.gateway.rest;

import io.aide.gateway.client.Downstream;
import io.aide.gateway.client.DownstreamClient;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.Correlation;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thin, streaming proxies from {@code /api/v1/...} to {@code /internal/v1/...} of the owning service. Bodies
 * flow through without being buffered (uploads, artifacts); the downstream status and problem body pass
 * through unchanged, since the services check tenancy and answer 404 for another tenant's ids.
 */
@ApplicationScoped
public class ProxyRoutes {
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 10;
    static final long UPLOAD_TIMEOUT_MILLIS = 10 * 60 * 1000L;
    private static final List<CharSequence> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH);
    private static final List<CharSequence> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CACHE_CONTROL, "Retry-After");

    private final DownstreamClient client;

    public ProxyRoutes(DownstreamClient client) {
        this.client = client;
    }

    void routes(@Observes Router router) {
        for (String prefix : List.of("/api/v1/documents", "/api/v1/datasources")) {
            router.route(prefix).order(ORDER).handler(ctx -> proxy(ctx, Downstream.DOCUMENT));
            router.route(prefix + "/*").order(ORDER).handler(ctx -> proxy(ctx, Downstream.DOCUMENT));
        }
        // POST/DELETE on generations are commands handled by GenerationResource; reads come from sqlgen
        router.get("/api/v1/generations").order(ORDER).handler(ctx -> proxy(ctx, Downstream.SQLGEN));
        router.get("/api/v1/generations/*").order(ORDER).handler(ctx -> proxy(ctx, Downstream.SQLGEN));
        router.get("/api/v1/validations/*").order(ORDER).handler(ctx -> proxy(ctx, Downstream.VALIDATOR));
        router.get("/api/v1/ai/status").order(ORDER).handler(ctx -> proxy(ctx, Downstream.AIHUB));
        // the data modeler's sessions and saved conversations (tenant and user checked by ai-hub-service)
        router.route("/api/v1/ai/modeler/*").order(ORDER).handler(ctx -> proxy(ctx, Downstream.AIHUB));
        // the tenant's model settings, connection test and token usage (admin role checked by ai-hub-service)
        router.route("/api/v1/ai/models/*").order(ORDER).handler(ctx -> proxy(ctx, Downstream.AIHUB));
        // references resolved for a chat message, and NL-to-SQL run on a data source's sample (tenant checked downstream)
        router.post("/api/v1/ai/context").order(ORDER).handler(ctx -> proxy(ctx, Downstream.AIHUB));
        router.post("/api/v1/ai/nl2sql").order(ORDER).handler(ctx -> proxy(ctx, Downstream.AIHUB));
        // rule assist: proposals for a generation's flagged columns, and their acceptance
        router.route("/api/v1/ai/rule-assist/*").order(ORDER).handler(ctx -> proxy(ctx, Downstream.AIHUB));
        // visualizations: runs (server-sent events), result data, templates (tenant checked by ai-hub-service)
        router.route("/api/v1/viz/*").order(ORDER).handler(ctx -> proxy(ctx, Downstream.AIHUB));
    }

    void proxy(RoutingContext ctx, Downstream service) {
        HttpServerRequest request = ctx.request();
        Caller caller = CallerResolver.from(ctx);
        long max = client.config().uploadMaxBytes();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLong(length) > max) {
            tooLarge(ctx, max);
            return;
        }
        String internal = "/internal/v1" + request.path().substring("/api/v1".length())
                + (request.query() == null ? "" : "?" + request.query());
        RequestOptions options = client.options(service, request.method(), internal, caller,
                Correlation.of(request));
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.DELETE) {
            // the answer only starts once a slow client has sent the whole upload
            options.setTimeout(Math.max(options.getTimeout(), UPLOAD_TIMEOUT_MILLIS));
        }
        for (CharSequence name : REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                options.putHeader(name, value);
            }
        }
        if (!request.isEnded()) {
            request.pause();
        }
        client.http().request(options).onComplete(opened -> {
            if (opened.failed()) {
                unavailable(ctx, service, opened.cause());
                return;
            }
            HttpClientRequest outbound = opened.result();
            // failures surface through response(); a reset after a refused upload is expected
            outbound.exceptionHandler(e -> LOG.debugf("proxied request to %s ended: %s", service.serviceName(),
                    e.getMessage()));
            outbound.response().onComplete(answered -> {
                if (answered.failed()) {
                    unavailable(ctx, service, answered.cause());
                } else {
                    relay(ctx, answered.result());
                }
            });
            streamBody(ctx, outbound, max, length == null);
        });
    }

    private void streamBody(RoutingContext ctx, HttpClientRequest outbound, long max, boolean chunked) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            Buffer buffered = ctx.body() == null ? null : ctx.body().buffer();
            if (buffered != null && buffered.length() > max) {
                tooLarge(ctx, max);
                outbound.reset();
            } else if (buffered != null && buffered.length() > 0) {
                outbound.end(buffered);
            } else {
                outbound.end();
            }
            return;
        }
        if (chunked && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            outbound.setChunked(true);
        }
        AtomicLong received = new AtomicLong();
        AtomicBoolean aborted = new AtomicBoolean();
        request.handler(data -> {
            if (aborted.get()) {
                return;
            }
            if (received.addAndGet(data.length()) > max) {
                aborted.set(true);
                // answer 413 first: resetting the outbound request fails its response, which would answer 502
                tooLarge(ctx, max);
                outbound.reset();
                return;
            }
            outbound.write(data);
            if (outbound.writeQueueFull()) {
                request.pause();
                outbound.drainHandler(ignored -> request.resume());
            }
        });
        request.endHandler(ignored -> {
            if (!aborted.get()) {
                outbound.end();
            }
        });
        request.exceptionHandler(e -> outbound.reset());
        request.resume();
    }

    private void relay(RoutingContext ctx, HttpClientResponse inbound) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            inbound.request().reset();
            return;
        }
        response.setStatusCode(inbound.statusCode());
        for (CharSequence name : RESPONSE_HEADERS) {
            String value = inbound.getHeader(name);
            if (value != null) {
                response.putHeader(name, value);
            }
        }
        String location = inbound.getHeader(HttpHeaders.LOCATION);
        if (location != null) {
            response.putHeader(HttpHeaders.LOCATION, location.replace("/internal/v1/", "/api/v1/"));
        }
        if (inbound.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            response.setChunked(true);
        }
        inbound.pipeTo(response).onFailure(e -> LOG.debugf("proxy stream ended early: %s", e.getMessage()));
    }

    private static void unavailable(RoutingContext ctx, Downstream service, Throwable cause) {
        LOG.warnf("%s unreachable for %s %s: %s", service.serviceName(), ctx.request().method(),
                ctx.request().path(), cause.getMessage());
        Problems.write(ctx, GatewayException.downstream(service.serviceName(), cause.getMessage()));
    }

    private static void tooLarge(RoutingContext ctx, long max) {
        Problems.write(ctx, 413, "upload_too_large", "Upload too large",
                "The request body exceeds the limit of " + (max / (1024 * 1024)) + " MB; split the mapping "
                        + "file or raise AIDE_UPLOAD_MAX_BYTES.");
        // drain what the client still sends so it can read the answer instead of a reset connection
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.handler(ignored -> { });
            request.endHandler(ignored -> { });
            request.resume();
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
