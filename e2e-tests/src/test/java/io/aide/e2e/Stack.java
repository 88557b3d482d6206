package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The running stack as a user's script sees it: Keycloak for tokens, the gateway for everything else. */
final class Stack {
    static final String GATEWAY = System.getProperty("aide.gateway.url",
            System.getenv().getOrDefault("AIDE_GATEWAY_URL", "http://127.0.0.1:18080"));
    static final String OIDC = System.getProperty("aide.oidc.url",
            System.getenv().getOrDefault("AIDE_OIDC_URL", "http://127.0.0.1:58280/realms/aide"));

    /** The gateway's port; ./aide puts document, sqlgen, validator and ai-hub on the next four. */
    private static final int BASE_PORT = URI.create(GATEWAY).getPort();

    /** The API URL of service i in ./aide's order (0 gateway, 1 document, 2 sqlgen, 3 validator, 4 ai-hub). */
    static String internalUrl(int i) {
        return "http://127.0.0.1:" + (BASE_PORT + i);
    }

    /** The loopback management interface of service i (metrics, internal OpenAPI): its API port + 1000. */
    static String managementUrl(int i) {
        return "http://127.0.0.1:" + (BASE_PORT + 1000 + i);
    }

    /**
     * HTTP/1.1 as browsers, Prometheus and probes speak it over plain http: the JDK client's default h2c upgrade once
     * read a management port's 100 kB metrics answer as HTTP/2 frames ("Frame type(95) ... exceeds MAX_FRAME_SIZE").
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A password grant with the public client aide-cli, exactly as the README tells script users. */
    static String token(String user, String password) {
        String form = "grant_type=password&client_id=aide-cli&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(OIDC + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused " + user + ": " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).path("access_token").asText();
    }

    static HttpResponse<String> get(String token, String path) {
        return send(authorized(token, path).GET().build());
    }

    static HttpResponse<String> postJson(String token, String path, Object body) {
        return send(authorized(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body))).build());
    }

    static HttpResponse<String> putJson(String token, String path, Object body) {
        return send(authorized(token, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body))).build());
    }

    static HttpResponse<String> delete(String token, String path) {
        return send(authorized(token, path).DELETE().build());
    }

    /** POSTs JSON and reads the answer as server-sent events (a visualization run, a streamed modeler turn). */
    static SseStream postEvents(String token, String path, Object body) {
        return stream(authorized(token, path).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body))));
    }

    static HttpResponse<String> upload(String token, String fileName, byte[] content) {
        return multipart(token, "/api/v1/documents", List.of(new Part("file", fileName, content)));
    }

    /** One multipart/form-data part; a null file name makes it a plain field. */
    record Part(String field, String fileName, byte[] content) {
    }

    static HttpResponse<String> multipart(String token, String path, List<Part> parts) {
        String boundary = "aide-e2e-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            String disposition = "form-data; name=\"" + part.field() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                    + (part.fileName() == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(authorized(token, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Opens an SSE stream; the caller reads events from it on its own thread. */
    static SseStream events(String token, String generationId, String lastEventId) {
        HttpRequest.Builder request = authorized(token, "/api/v1/generations/" + generationId + "/events")
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(3));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return stream(request.GET());
    }

    private static SseStream stream(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseStream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String newGenerationId() {
        return "gen_" + System.currentTimeMillis() + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static HttpRequest.Builder authorized(String token, String path) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One server-sent event as the browser's EventSource would deliver it. */
    record SseEvent(String id, String event, String data) {
        JsonNode json() {
            return Stack.json(data);
        }
    }

    /** Reads SSE frames until {@code done}, collecting them in arrival order. */
    static final class SseStream implements AutoCloseable {
        final int status;
        private final InputStream body;
        final List<SseEvent> received = new ArrayList<>();

        SseStream(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            this.body = response.body();
        }

        /** Blocks until an event named {@code until} arrives or the stream ends; returns what arrived. */
        List<SseEvent> readUntil(String until) {
            return readUntil(e -> e.event().equals(until));
        }

        /** Blocks until an event {@code until} accepts arrives or the stream ends; returns what arrived. */
        List<SseEvent> readUntil(java.util.function.Predicate<SseEvent> until) {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String event = "message";
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty() || !event.equals("message")) {
                            SseEvent e = new SseEvent(id, event, data.toString());
                            synchronized (received) {
                                received.add(e);
                            }
                            if (until.test(e)) {
                                break;
                            }
                        }
                        id = null;
                        event = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        if (!data.isEmpty()) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("SSE stream broke after " + received.size() + " events", e);
            }
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        List<SseEvent> snapshot() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private Stack() {
    }
}
