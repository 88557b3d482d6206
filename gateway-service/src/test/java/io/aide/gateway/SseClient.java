package io.aide.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a server-sent event stream on its own thread, the way EventSource parses it. */
final class SseClient implements AutoCloseable {
    record Event(String id, String event, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int status;
    private final InputStream body;
    private final List<Event> events = new ArrayList<>();
    private volatile boolean ended;
    private volatile int comments;
    private volatile String retry;

    private SseClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        if (status == 200) {
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    static SseClient open(URI base, String token, String generationId, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/generations/" + generationId
                        + "/events")).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    boolean ended() {
        return ended;
    }

    /** The reconnect delay the server advertised with {@code retry:}, null before it arrived. */
    String retry() {
        return retry;
    }

    /** Comment lines received so far (the keep-alive heartbeat). */
    int comments() {
        return comments;
    }

    /** The whole body of a refused (non-200) stream, e.g. its problem+json. */
    String body() throws IOException {
        if (status == 200) {
            throw new IllegalStateException("the stream is open; read events() instead");
        }
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null || !data.isEmpty()) {
                        synchronized (events) {
                            events.add(new Event(id, event == null ? "message" : event, data.toString()));
                        }
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).trim();
                } else if (line.startsWith(":")) {
                    comments++;
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
