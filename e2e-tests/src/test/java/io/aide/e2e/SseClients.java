package io.aide.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Thousands of SSE connections on one selector thread, for the SSE benchmark: a raw HTTP/1.1 GET per stream, the
 * chunked body decoded and split into events. A stream costs a socket and a few small buffers, so the load generator
 * itself holds 10,000 streams without a thread or a large buffer each. Every callback runs on the selector thread.
 */
final class SseClients implements AutoCloseable {

    interface Listener {
        /** The answer's status line arrived (200 for a stream; 4xx/5xx close the connection right after). */
        void onStatus(Conn conn, int status);

        /** One event; {@code id} is -1 when it carries none. */
        void onEvent(Conn conn, long id, String event, String data);

        /** The connection ended (by the server, an error, or {@link #abort}). */
        void onClosed(Conn conn);
    }

    /** One stream. Fields are touched by the selector thread only, except the volatile ones. */
    static final class Conn {
        final String key;
        final Listener listener;
        volatile int status;
        volatile long lastId = -1;
        volatile boolean closed;
        long openedNanos;
        Object attachment;
        private SocketChannel channel;
        private byte[] request;
        private byte[] leftover = new byte[0];
        private boolean headersDone;
        private long chunkRemaining = -1;
        private boolean skipCrLf;
        private final StringBuilder line = new StringBuilder(64);
        private long id = -1;
        private String event;
        private final StringBuilder data = new StringBuilder();

        Conn(String key, Listener listener) {
            this.key = key;
            this.listener = listener;
        }
    }

    private final InetSocketAddress address;
    private final String host;
    private final Selector selector;
    private final Thread loop;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private volatile boolean running = true;

    SseClients(String gatewayUrl) throws IOException {
        URI uri = URI.create(gatewayUrl);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.host = uri.getHost() + ":" + uri.getPort();
        this.selector = Selector.open();
        this.loop = new Thread(this::run, "sse-clients");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /** Opens the stream of a generation id, resuming after {@code lastEventId} when it is not negative. */
    Conn open(String token, String generationId, long lastEventId, Listener listener) {
        Conn conn = new Conn(generationId, listener);
        String request = "GET /api/v1/generations/" + generationId + "/events HTTP/1.1\r\nHost: " + host
                + "\r\nAuthorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n"
                + (lastEventId >= 0 ? "Last-Event-ID: " + lastEventId + "\r\n" : "") + "\r\n";
        conn.request = request.getBytes(StandardCharsets.US_ASCII);
        conn.lastId = lastEventId;
        submit(() -> connect(conn));
        return conn;
    }

    /** Cuts the connection as a crashed browser tab or a network drop would. */
    void abort(Conn conn) {
        submit(() -> close(conn));
    }

    void submit(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void connect(Conn conn) {
        try {
            conn.openedNanos = System.nanoTime();
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            conn.channel = channel;
            if (channel.connect(address)) {
                writeRequest(conn);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, conn);
            }
        } catch (IOException e) {
            close(conn);
        }
    }

    private void writeRequest(Conn conn) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(conn.request);
        while (out.hasRemaining()) {
            if (conn.channel.write(out) == 0) {
                throw new IOException("request not written");
            }
        }
        conn.request = null;
        conn.channel.register(selector, SelectionKey.OP_READ, conn);
    }

    private void run() {
        while (running) {
            try {
                selector.select(100);
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn conn = (Conn) key.attachment();
                    try {
                        if (!key.isValid()) {
                            close(conn);
                        } else if (key.isConnectable()) {
                            conn.channel.finishConnect();
                            writeRequest(conn);
                        } else if (key.isReadable()) {
                            read(conn);
                        }
                    } catch (IOException | RuntimeException e) {
                        close(conn);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void read(Conn conn) throws IOException {
        readBuffer.clear();
        int n = conn.channel.read(readBuffer);
        if (n < 0) {
            close(conn);
            return;
        }
        readBuffer.flip();
        byte[] bytes = new byte[conn.leftover.length + readBuffer.remaining()];
        System.arraycopy(conn.leftover, 0, bytes, 0, conn.leftover.length);
        readBuffer.get(bytes, conn.leftover.length, readBuffer.remaining());
        int pos = 0;
        if (!conn.headersDone) {
            int end = indexOf(bytes, 0, "\r\n\r\n");
            if (end < 0) {
                conn.leftover = bytes;
                return;
            }
            String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            conn.status = Integer.parseInt(head.substring(9, 12));
            conn.headersDone = true;
            conn.listener.onStatus(conn, conn.status);
            if (conn.status != 200) {
                close(conn);
                return;
            }
            pos = end + 4;
        }
        while (pos < bytes.length && !conn.closed) {
            if (conn.skipCrLf) {
                if (bytes.length - pos < 2) {
                    break;
                }
                pos += 2;
                conn.skipCrLf = false;
            }
            if (conn.chunkRemaining <= 0) {
                int eol = indexOf(bytes, pos, "\r\n");
                if (eol < 0) {
                    break;
                }
                String size = new String(bytes, pos, eol - pos, StandardCharsets.ISO_8859_1).trim();
                int semicolon = size.indexOf(';');
                conn.chunkRemaining = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
                pos = eol + 2;
                if (conn.chunkRemaining == 0) {
                    close(conn);
                    return;
                }
            }
            int take = (int) Math.min(conn.chunkRemaining, bytes.length - pos);
            body(conn, bytes, pos, take);
            pos += take;
            conn.chunkRemaining -= take;
            if (conn.chunkRemaining == 0) {
                conn.skipCrLf = true;
            }
        }
        conn.leftover = pos >= bytes.length ? new byte[0] : Arrays.copyOfRange(bytes, pos, bytes.length);
    }

    private static void body(Conn conn, byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            char c = (char) (bytes[i] & 0xff);
            if (c != '\n') {
                conn.line.append(c);
                continue;
            }
            String l = conn.line.toString();
            conn.line.setLength(0);
            if (l.isEmpty()) {
                if (conn.event != null || !conn.data.isEmpty()) {
                    if (conn.id >= 0) {
                        conn.lastId = conn.id;
                    }
                    conn.listener.onEvent(conn, conn.id, conn.event == null ? "message" : conn.event,
                            conn.data.toString());
                }
                conn.id = -1;
                conn.event = null;
                conn.data.setLength(0);
            } else if (l.startsWith("id:")) {
                conn.id = Long.parseLong(l.substring(3).trim());
            } else if (l.startsWith("event:")) {
                conn.event = l.substring(6).trim();
            } else if (l.startsWith("data:")) {
                if (!conn.data.isEmpty()) {
                    conn.data.append('\n');
                }
                conn.data.append(l.substring(5).stripLeading());
            }
        }
    }

    private void close(Conn conn) {
        if (conn.closed) {
            return;
        }
        conn.closed = true;
        try {
            if (conn.channel != null) {
                conn.channel.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        conn.listener.onClosed(conn);
    }

    private static int indexOf(byte[] bytes, int from, String what) {
        byte[] w = what.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= bytes.length - w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (bytes[i + j] != w[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
