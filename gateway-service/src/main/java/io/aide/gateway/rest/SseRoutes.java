package io.aide.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.events.EventTypes;
import io.aide.events.v1.HashmapSynced;
import io.aide.gateway.audit.AuditRecorder;
import io.aide.gateway.client.Downstream;
import io.aide.gateway.client.DownstreamClient;
import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.EventFanout;
import io.aide.gateway.service.GenerationRegistry;
import io.aide.gateway.service.ReplayBuffer;
import io.aide.gateway.service.SseFrame;
import io.aide.gateway.service.SseSubscriber;
import io.aide.gateway.service.StreamQuota;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/generations/{id}/events}: replay from Redis after Last-Event-ID, then live events of
 * this key and tenant. May be opened before the generation is posted (the browser chooses the id). A client
 * resuming at or after the terminal event gets {@code done} at once (unless a refinement, block edit or resume of a
 * failed or cancelled generation was requested since: then it stays open for what follows); one resuming from
 * before events the buffer has dropped gets a {@code hashmap_sync} with reason {@code recovery} first.
 */
@ApplicationScoped
public class SseRoutes {
    private static final Logger LOG = Logger.getLogger(SseRoutes.class);

    private final GenerationRegistry registry;
    private final ReplayBuffer buffer;
    private final EventFanout fanout;
    private final GatewayConfig config;
    private final StreamQuota quota;
    private final DownstreamClient downstream;

    public SseRoutes(GenerationRegistry registry, ReplayBuffer buffer, EventFanout fanout, GatewayConfig config,
                     StreamQuota quota, DownstreamClient downstream) {
        this.registry = registry;
        this.buffer = buffer;
        this.fanout = fanout;
        this.config = config;
        this.quota = quota;
        this.downstream = downstream;
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
        if (!quota.tryAcquire(caller)) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, config.sse().retryMillis() / 1000)));
            Problems.write(ctx, 429, "too_many_streams", "Too many streams", "You already hold " + quota.max()
                    + " open event streams on this gateway; close one (or a browser tab) and retry.");
            return;
        }
        boolean[] released = {false};
        Runnable release = () -> {
            if (!released[0]) {
                released[0] = true;
                quota.release(caller);
            }
        };
        long after = lastEventId(ctx);
        Context context = Vertx.currentContext();
        ctx.response().closeHandler(ignored -> release.run());
        // ids are scoped per tenant: the stream is the caller's tenant's generation of this id, whether or not another
        // tenant has one, so opening it says nothing about other tenants (and it may be opened before its POST)
        open(ctx, context, caller, generationId, after, release);
    }

    private void open(RoutingContext ctx, Context context, Caller caller, String generationId, long after,
                      Runnable release) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            release.run();
            return;
        }
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: " + config.sse().retryMillis() + "\n\n");
        SseSubscriber[] holder = new SseSubscriber[1];
        // a stream never outlives the access token that opened it: it ends when the token expires (the shared ticker
        // checks), and the browser reconnects (Last-Event-ID) with its renewed session cookie, or is refused once
        // the session is over
        long untilExpiry = untilTokenExpiry(ctx);
        long expiresAt = untilExpiry < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + untilExpiry;
        SseSubscriber subscriber = new SseSubscriber(caller.tenant(), generationId, context, response, after,
                expiresAt, () -> {
            fanout.unsubscribe(holder[0]);
            release.run();
        });
        holder[0] = subscriber;
        fanout.subscribe(subscriber);
        releaseCredential(ctx);
        response.closeHandler(ignored -> subscriber.close());
        buffer.replay(caller.tenant(), generationId, after)
                .flatMap(replay -> replay.missedBefore() < 0 ? Uni.createFrom().item(replay)
                        : recovery(caller, generationId, replay))
                // a refinement or edit requested after the end: stay open for its answer instead of done
                .flatMap(replay -> !replay.endedAlready() ? Uni.createFrom().item(replay)
                        : registry.followUpPending(caller.tenant(), generationId).map(pending -> pending
                        ? new ReplayBuffer.Replay(replay.frames(), false, replay.missedBefore()) : replay))
                .subscribe().with(
                        replay -> context.runOnContext(ignored -> {
                            if (replay.endedAlready()) {
                                subscriber.finish();
                            } else {
                                subscriber.replay(replay.frames());
                            }
                        }),
                        failure -> context.runOnContext(ignored -> {
                            LOG.warnf("replay of %s unavailable, streaming live only: %s", generationId,
                                    failure.getMessage());
                            subscriber.replay(List.of());
                        }));
    }

    /**
     * A held stream keeps only what it still needs (its caller's tenant and user, its expiry time): the verified token,
     * its parsed claims, the authentication chain that produced them and the Authorization header are let go, so
     * thousands of open streams do not each hold a parsed token. Nothing after this point reads the identity; the
     * audit entry written when the stream ends uses the caller and the credential kind noted here.
     */
    static void releaseCredential(RoutingContext ctx) {
        AuditRecorder.rememberCredentialKind(ctx);
        ctx.remove(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        ctx.remove(AuthenticationRequestContext.class.getName());
        ctx.clearUser();
        ctx.request().headers().remove(HttpHeaders.AUTHORIZATION);
    }

    /** Milliseconds until the request's access token expires; -1 for a credential without expiry (an API key). */
    static long untilTokenExpiry(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt
                && jwt.getExpirationTime() > 0) {
            return Math.max(0L, jwt.getExpirationTime() * 1000L - System.currentTimeMillis());
        }
        return -1L;
    }

    /**
     * The client resumes from before events the buffer has dropped: the generation's whole hashmap as a
     * {@code hashmap_sync} (reason {@code recovery}) just below the oldest kept event, then the kept events.
     */
    private Uni<ReplayBuffer.Replay> recovery(Caller caller, String generationId, ReplayBuffer.Replay replay) {
        return downstream.getJson(Downstream.SQLGEN, "/internal/v1/generations/"
                        + URLEncoder.encode(generationId, StandardCharsets.UTF_8), caller, null)
                .map(answer -> {
                    if (answer.status() != 200 || answer.body() == null) {
                        return replay;
                    }
                    ObjectNode data = EventJson.mapper().createObjectNode();
                    data.set("complete_hashmap", answer.body());
                    data.put("reason", "recovery");
                    List<SseFrame> frames = new ArrayList<>();
                    frames.add(new SseFrame(replay.missedBefore() - 1, EventTypes.sseName(HashmapSynced.TYPE),
                            data.toString(), false));
                    frames.addAll(replay.frames());
                    return new ReplayBuffer.Replay(frames, false, replay.missedBefore());
                })
                .onFailure().recoverWithItem(replay);
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
