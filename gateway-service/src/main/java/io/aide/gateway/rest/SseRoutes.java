package io.aide.gateway.rest;

import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.EventFanout;
import io.aide.gateway.service.GenerationRegistry;
import io.aide.gateway.service.ReplayBuffer;
import io.aide.gateway.service.SseSubscriber;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * {@code GET /api/v1/generations/{id}/events}: replay from Redis after Last-Event-ID, then live events of
 * this key and tenant. May be opened before the generation is posted (the browser chooses the id).
 */
@ApplicationScoped
public class SseRoutes {
    private static final Logger LOG = Logger.getLogger(SseRoutes.class);

    private final GenerationRegistry registry;
    private final ReplayBuffer buffer;
    private final EventFanout fanout;
    private final GatewayConfig config;

    public SseRoutes(GenerationRegistry registry, ReplayBuffer buffer, EventFanout fanout, GatewayConfig config) {
        this.registry = registry;
        this.buffer = buffer;
        this.fanout = fanout;
        this.config = config;
    }

    void routes(@Observes Router router) {
        router.get("/api/v1/generations/:id/events").order(ProxyRoutes.ORDER - 5).handler(this::events);
    }

    void events(RoutingContext ctx) {
        Caller caller = CallerResolver.from(ctx);
        String generationId = ctx.pathParam("id");
        if (!GenerationRegistry.isValidId(generationId)) {
            Problems.write(ctx, GatewayException.notFound("Generation", generationId));
            return;
        }
        long after = lastEventId(ctx);
        Context context = Vertx.currentContext();
        registry.owner(generationId).subscribe().with(owner -> context.runOnContext(ignored -> {
            if (owner != null && !owner.equals(caller.tenant())) {
                Problems.write(ctx, GatewayException.notFound("Generation", generationId));
            } else {
                open(ctx, context, caller, generationId, after);
            }
        }), failure -> context.runOnContext(ignored -> Problems.write(ctx, 503, "redis_unavailable",
                "Service unavailable", "The event stream store is unreachable; retry in a few seconds.")));
    }

    private void open(RoutingContext ctx, Context context, Caller caller, String generationId, long after) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            return;
        }
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: " + config.sse().retryMillis() + "\n\n");
        long[] timer = {-1};
        SseSubscriber[] holder = new SseSubscriber[1];
        SseSubscriber subscriber = new SseSubscriber(caller.tenant(), generationId, context, response, after, () -> {
            fanout.unsubscribe(holder[0]);
            ctx.vertx().cancelTimer(timer[0]);
        });
        holder[0] = subscriber;
        fanout.subscribe(subscriber);
        timer[0] = ctx.vertx().setPeriodic(config.sse().heartbeat().toMillis(), t -> subscriber.heartbeat());
        response.closeHandler(ignored -> subscriber.close());
        buffer.after(caller.tenant(), generationId, after).subscribe().with(
                frames -> context.runOnContext(ignored -> subscriber.replay(frames)),
                failure -> context.runOnContext(ignored -> {
                    LOG.warnf("replay of %s unavailable, streaming live only: %s", generationId, failure.getMessage());
                    subscriber.replay(List.of());
                }));
    }

    private static long lastEventId(RoutingContext ctx) {
        String value = ctx.request().getHeader("Last-Event-ID");
        if (value == null || value.isBlank()) {
            value = ctx.request().getParam("lastEventId");
        }
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
