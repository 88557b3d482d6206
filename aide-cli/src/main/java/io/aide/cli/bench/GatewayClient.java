package io.aide.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The public API as a script sees it: a token from Keycloak (client aide-cli), every call through the gateway. */
final class GatewayClient {
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(60);
    private static final int RATE_LIMIT_RETRIES = 5;

    private final String gateway;
    private final String oidc;
    private final String user;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private long tokenAt;

    GatewayClient(String gateway, String oidc, String user, String password) {
        this.gateway = gateway;
        this.oidc = oidc;
        this.user = user;
        this.password = password;
    }

    /** One multipart/form-data part: a CSV file, or a plain field when the file name is null. */
    record FilePart(String field, String fileName, byte[] content) {
        static FilePart csv(String field, String fileName, String content) {
            return new FilePart(field, fileName, content.getBytes(StandardCharsets.UTF_8));
        }

        static FilePart field(String field, String value) {
            return new FilePart(field, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Fails with exit code 2 and a plain message when Keycloak or the gateway does not answer. */
    void checkReachable() {
        expect(send(authorized("/api/v1/me").GET().build(), "/api/v1/me"), "/api/v1/me", 200);
    }

    JsonNode get(String path) {
        HttpResponse<String> response = send(authorized(path).GET().build(), path);
        return response.statusCode() == 404 ? null : expect(response, path, 200);
    }

    JsonNode postJson(String path, Object body, int expectedStatus) {
        HttpRequest request = authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body))).build();
        return expect(send(request, path), path, expectedStatus);
    }

    JsonNode upload(String path, List<FilePart> parts, int expectedStatus) {
        String boundary = "aide-bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (FilePart part : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.field() + "\""
                    + (part.fileName() == null ? "\r\n\r\n"
                    : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: text/csv\r\n\r\n");
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = authorized(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return expect(send(request, path), path, expectedStatus);
    }

    /** Opens the generation's server-sent events; null when the gateway does not stream them. */
    InputStream events(String generationId) {
        String path = "/api/v1/generations/" + generationId + "/events";
        HttpRequest request = authorized(path).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30))
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                return null;
            }
            return response.body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(BenchException.FAILED, "interrupted");
        }
    }

    /**
     * The service's process CPU time so far (Micrometer {@code process_cpu_time_ns_total} on its /q/metrics, which the
     * gateway does not expose); null when it cannot be read, e.g. a stack on another machine.
     */
    Double processCpuMillis(String serviceUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics")).timeout(Duration.ofSeconds(10))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            return response.body().lines().filter(l -> l.startsWith("process_cpu_time_ns_total "))
                    .map(l -> Double.parseDouble(l.split("\\s+")[1]) / 1e6).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(BenchException.FAILED, "interrupted");
        }
    }

    String gatewayUrl() {
        return gateway;
    }

    private synchronized String token() {
        if (token != null && System.nanoTime() - tokenAt < TOKEN_REUSE.toNanos()) {
            return token;
        }
        String form = "grant_type=password&client_id=aide-cli&username=" + enc(user) + "&password=" + enc(password);
        String url = oidc + "/protocol/openid-connect/token";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = sendOnce(request, url);
        if (response.statusCode() != 200) {
            throw new BenchException(BenchException.STACK_DOWN, "Keycloak at " + oidc + " refused a token for user '"
                    + user + "' (HTTP " + response.statusCode() + "): " + shorten(response.body())
                    + ". Check --user/--password or AIDE_OIDC_URL.");
        }
        token = json(response.body(), url).path("access_token").asText();
        tokenAt = System.nanoTime();
        return token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60));
    }

    private HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + token());
    }

    /** Sends, waiting out the gateway's per-user rate limit (429 with Retry-After) a few times. */
    private HttpResponse<String> send(HttpRequest request, String path) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = sendOnce(request, gateway + path);
            if (response.statusCode() != 429 || attempt == RATE_LIMIT_RETRIES) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            pause(Duration.ofSeconds(Math.max(1, seconds)));
        }
    }

    private HttpResponse<String> sendOnce(HttpRequest request, String url) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new BenchException(BenchException.STACK_DOWN, "Nothing answers at " + url
                    + ". Start the dev stack first: ./aide up (or point AIDE_GATEWAY_URL / AIDE_OIDC_URL at a running one).");
        } catch (IOException e) {
            throw new BenchException(BenchException.STACK_DOWN, url + " did not answer: " + e.getMessage()
                    + ". Is the stack up? ./aide status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(BenchException.FAILED, "interrupted");
        }
    }

    private static JsonNode expect(HttpResponse<String> response, String path, int status) {
        if (response.statusCode() != status) {
            throw new BenchException(response.statusCode() >= 500 ? BenchException.STACK_DOWN : BenchException.FAILED,
                    "HTTP " + response.statusCode() + " from " + response.request().method() + " " + path + " (expected "
                            + status + "): " + shorten(response.body()));
        }
        return json(response.body(), path);
    }

    private static JsonNode json(String body, String from) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new BenchException(BenchException.FAILED, from + " answered something that is not JSON: " + shorten(body));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(BenchException.FAILED, "interrupted");
        }
    }

    private static String shorten(String body) {
        return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
