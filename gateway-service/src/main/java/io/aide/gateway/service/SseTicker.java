package io.aide.gateway.service;

import io.aide.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One timer for every open stream of this replica instead of two per stream: once a second (or each heartbeat
 * interval, when shorter) it ends the streams whose access token expired and sends the keep-alive comment to those
 * that are due, each on its own connection's context. A held stream thus costs no timer of its own.
 */
@ApplicationScoped
public class SseTicker {
    private final EventFanout fanout;
    private final long heartbeatMillis;
    private final Vertx vertx;
    private long timer = -1;

    public SseTicker(EventFanout fanout, GatewayConfig config, Vertx vertx) {
        this.fanout = fanout;
        this.heartbeatMillis = Math.max(1, config.sse().heartbeat().toMillis());
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ignored) {
        timer = vertx.setPeriodic(Math.min(1000L, heartbeatMillis), id -> tick(System.currentTimeMillis()));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void tick(long now) {
        fanout.forEach(subscriber -> subscriber.tick(now, heartbeatMillis));
    }
}
