package io.aide.gateway.service;

import io.aide.events.EventTypes;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One open SSE connection. Every method but {@link #offer} and {@link #tick} runs on the connection's own Vert.x
 * context, so a slow client only ever delays itself: when its write queue stays full for longer than
 * {@link #SLOW_CLIENT_GRACE_MILLIS} it is closed and resumes with Last-Event-ID. A queue full for a moment (one large
 * frame, such as the hashmap of a layer of many targets, not read yet) is not a slow client. Frames arrive in batches (one polled batch of a key) and go out in one write, each frame at most
 * once and in offset order: a frame at or below the last offset sent is dropped.
 */
public final class SseSubscriber {
    private static final Logger LOG = Logger.getLogger(SseSubscriber.class);
    static final int MAX_PENDING = 10_000;
    /** How long the write queue may stay full (the client not reading) before the stream is closed. */
    static final long SLOW_CLIENT_GRACE_MILLIS = 10_000;
    static final String DONE = "event: " + EventTypes.SSE_DONE + "\ndata: {}\n\n";
    private static final Buffer DONE_BYTES = Buffer.buffer(DONE.getBytes(StandardCharsets.UTF_8));
    private static final Buffer KEEPALIVE = Buffer.buffer(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));

    private final String tenant;
    private final String key;
    private final Context context;
    private final HttpServerResponse response;
    private final Runnable onClose;
    /** Epoch millis when the credential that opened the stream expires; Long.MAX_VALUE for none. */
    private final long expiresAt;
    /** Touched only by the shared ticker ({@link SseTicker}), one thread. */
    private long nextHeartbeat;
    private long lastSent;
    private boolean live;
    /** Epoch millis since when the write queue has been full without draining; 0 while it is not. */
    private long behindSince;
    private volatile boolean closed;
    private List<SseFrame> pending;

    public SseSubscriber(String tenant, String key, Context context, HttpServerResponse response, long afterOffset,
                         long expiresAt, Runnable onClose) {
        this.tenant = tenant;
        this.key = key;
        this.context = context;
        this.response = response;
        this.lastSent = afterOffset;
        this.expiresAt = expiresAt;
        this.onClose = onClose;
    }

    public String tenant() {
        return tenant;
    }

    public String key() {
        return key;
    }

    /** Called from the Kafka consumer with this key's frames of one batch, oldest first; hops onto this context. */
    public void offer(List<SseFrame> frames) {
        if (!closed) {
            context.runOnContext(ignored -> onFrames(frames));
        }
    }

    /**
     * Called by the shared ticker: ends the stream once its credential expired, and sends the keep-alive comment when
     * one is due. Hops onto this connection's context only when there is something to do.
     */
    void tick(long now, long heartbeatMillis) {
        if (closed) {
            return;
        }
        if (now >= expiresAt) {
            context.runOnContext(ignored -> close());
        } else if (nextHeartbeat == 0) {
            nextHeartbeat = now + heartbeatMillis;
        } else if (now >= nextHeartbeat) {
            nextHeartbeat = now + heartbeatMillis;
            context.runOnContext(ignored -> heartbeat());
        }
    }

    /** The buffered frames after Last-Event-ID; then whatever arrived live meanwhile; then live. */
    public void replay(List<SseFrame> frames) {
        List<SseFrame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            // a terminal event followed by more is a failed or cancelled run that was resumed: skip it
            if (!frames.get(i).terminal() || i == frames.size() - 1) {
                out.add(frames.get(i));
            }
        }
        if (pending != null) {
            out.addAll(pending);
            pending = null;
        }
        live = true;
        send(out);
    }

    /** The stream ended before the client's Last-Event-ID: nothing to replay, only {@code done}, then close. */
    public void finish() {
        if (!closed) {
            pending = null;
            live = true;
            response.write(DONE_BYTES);
            close();
        }
    }

    void heartbeat() {
        if (!closed && !response.writeQueueFull()) {
            response.write(KEEPALIVE);
        }
    }

    private void onFrames(List<SseFrame> frames) {
        if (closed) {
            return;
        }
        if (!live) {
            if (pending == null) {
                pending = new ArrayList<>(frames);
            } else {
                pending.addAll(frames);
            }
            if (pending.size() > MAX_PENDING) {
                close();
            }
            return;
        }
        send(frames);
    }

    /** Writes the frames after the last one sent in one write (and {@code done} after a terminal one). */
    private void send(List<SseFrame> frames) {
        if (closed) {
            return;
        }
        Buffer single = null;
        Buffer many = null;
        long last = lastSent;
        boolean ended = false;
        for (SseFrame frame : frames) {
            if (frame.offset() <= last) {
                continue;
            }
            if (single == null) {
                single = frame.bytes();
            } else {
                if (many == null) {
                    many = Buffer.buffer(single.length() * 4).appendBuffer(single);
                }
                many.appendBuffer(frame.bytes());
            }
            last = frame.offset();
            if (frame.terminal()) {
                ended = true;
                break;
            }
        }
        if (single == null) {
            return;
        }
        if (!response.writeQueueFull()) {
            behindSince = 0;
        } else if (tooSlow(System.currentTimeMillis())) {
            LOG.infof("SSE client of %s too slow, closing it; it resumes from offset %d", key, lastSent);
            close();
            return;
        }
        if (ended) {
            many = (many == null ? Buffer.buffer(single.length() + DONE_BYTES.length()).appendBuffer(single) : many)
                    .appendBuffer(DONE_BYTES);
        }
        response.write(many != null ? many : single);
        lastSent = last;
        if (ended) {
            close();
        }
    }

    /** The queue is full: true once it has stayed so past the grace, else its drain is awaited. */
    private boolean tooSlow(long now) {
        if (behindSince == 0) {
            behindSince = now;
            response.drainHandler(ignored -> behindSince = 0);
            return false;
        }
        return now - behindSince > SLOW_CLIENT_GRACE_MILLIS;
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
