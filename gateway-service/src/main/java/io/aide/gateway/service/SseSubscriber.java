package io.aide.gateway.service;

import io.aide.events.EventTypes;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * One open SSE connection. Every method runs on the connection's own Vert.x context, so a slow client
 * only ever delays itself: when its write queue is full it is closed and resumes with Last-Event-ID.
 */
public final class SseSubscriber {
    private static final Logger LOG = Logger.getLogger(SseSubscriber.class);
    static final int MAX_PENDING = 10_000;
    static final String DONE = "event: " + EventTypes.SSE_DONE + "\ndata: {}\n\n";

    private final String tenant;
    private final String key;
    private final Context context;
    private final HttpServerResponse response;
    private final Runnable onClose;
    private long lastSent;
    private boolean live;
    private boolean closed;
    private List<SseFrame> pending = new ArrayList<>();

    public SseSubscriber(String tenant, String key, Context context, HttpServerResponse response, long afterOffset,
                         Runnable onClose) {
        this.tenant = tenant;
        this.key = key;
        this.context = context;
        this.response = response;
        this.lastSent = afterOffset;
        this.onClose = onClose;
    }

    public String tenant() {
        return tenant;
    }

    public String key() {
        return key;
    }

    /** Called from the Kafka consumer; hops onto this connection's context. */
    public void offer(SseFrame frame) {
        context.runOnContext(ignored -> onFrame(frame));
    }

    /** The buffered frames after Last-Event-ID; then whatever arrived live meanwhile; then live. */
    public void replay(List<SseFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            // a terminal event followed by more is a failed or cancelled run that was resumed: skip it
            if (!frames.get(i).terminal() || i == frames.size() - 1) {
                send(frames.get(i));
            }
        }
        List<SseFrame> arrived = pending;
        pending = null;
        live = true;
        if (arrived != null) {
            for (SseFrame frame : arrived) {
                send(frame);
            }
        }
    }

    /** The stream ended before the client's Last-Event-ID: nothing to replay, only {@code done}, then close. */
    public void finish() {
        if (!closed) {
            pending = null;
            live = true;
            response.write(DONE);
            close();
        }
    }

    public void heartbeat() {
        if (!closed && !response.writeQueueFull()) {
            response.write(": keepalive\n\n");
        }
    }

    private void onFrame(SseFrame frame) {
        if (closed) {
            return;
        }
        if (!live) {
            pending.add(frame);
            if (pending.size() > MAX_PENDING) {
                close();
            }
            return;
        }
        send(frame);
    }

    private void send(SseFrame frame) {
        if (closed || frame.offset() <= lastSent) {
            return;
        }
        if (response.writeQueueFull()) {
            LOG.infof("SSE client of %s too slow, closing it; it resumes from offset %d", key, lastSent);
            close();
            return;
        }
        response.write(frame.render());
        lastSent = frame.offset();
        if (frame.terminal()) {
            response.write(DONE);
            close();
        }
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
        if (!response.ended() && !response.closed()) {
            response.end();
        }
    }
}
