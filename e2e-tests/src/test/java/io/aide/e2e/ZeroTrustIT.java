package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway is the only door: the internal services refuse calls that only name a tenant in a header, serve
 * metrics and OpenAPI only on their loopback management port, and listen on loopback only.
 */
class ZeroTrustIT {
    private static final String[] SPOOFED = {"X-Aide-Tenant", "acme", "X-Aide-User", "mallory", "X-Aide-Roles", "admin"};
    private static String alice;
    private static String documentId;

    @BeforeAll
    static void uploadAsAlice() throws IOException {
        alice = Stack.token("alice", "alice");
        documentId = Mappings.uploadParsed(alice, "orders_mapping.csv");
    }

    /** Each internal service's base URL and a read of alice's data on it. */
    private static Map<String, String> internalReads() {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put(Stack.internalUrl(1), "/internal/v1/documents/" + documentId);
        reads.put(Stack.internalUrl(2), "/internal/v1/generations?documentId=" + documentId);
        reads.put(Stack.internalUrl(3), "/internal/v1/validations/gen_1_anything");
        reads.put(Stack.internalUrl(4), "/internal/v1/ai/status");
        return reads;
    }

    @Test
    void shouldRefuseEveryInternalServiceCalledWithSpoofedHeaders() {
        // When
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        internalReads().forEach((base, path) -> answers.put(base + path,
                Stack.send(HttpRequest.newBuilder(URI.create(base + path)).headers(SPOOFED).GET().build())));

        // Then
        answers.forEach((url, answer) -> {
            assertThat(answer.statusCode()).as(url).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(url).contains("application/problem+json");
            assertThat(Stack.json(answer.body()).path("code").asText()).as(url).isEqualTo("unauthorized:internal_token");
            assertThat(answer.body()).as(url).doesNotContain("orders_mapping.csv").doesNotContain("Exception");
        });
    }

    @Test
    void shouldNotLetASpoofedReparseCreateASpecVersion() {
        // Given
        String document = Stack.internalUrl(1) + "/internal/v1/documents/" + documentId;
        int versionsBefore = versions();

        // When
        HttpResponse<String> reparse = Stack.send(HttpRequest.newBuilder(URI.create(document + "/reparse"))
                .headers(SPOOFED).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> unsigned = Stack.send(HttpRequest.newBuilder(URI.create(document))
                .header("X-Aide-Internal-Token", "eyJhbGciOiJub25lIn0.eyJ0ZW5hbnQiOiJhY21lIn0.").headers(SPOOFED)
                .GET().build());

        // Then
        assertThat(reparse.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(versions()).isEqualTo(versionsBefore);
    }

    @Test
    void shouldServeMetricsAndOpenApiOnlyOnTheManagementPorts() {
        // When / Then: nothing on the API ports, metrics on the loopback management ports
        for (int i = 0; i <= 4; i++) {
            String api = Stack.internalUrl(i);
            for (String path : List.of("/q/metrics", "/q/openapi")) {
                HttpResponse<String> answer = Stack.send(HttpRequest.newBuilder(URI.create(api + path)).GET().build());
                if (i == 0 && path.equals("/q/openapi")) {
                    assertThat(answer.statusCode()).as("the gateway's public OpenAPI").isEqualTo(200);
                } else {
                    assertThat(answer.statusCode()).as(api + path).isIn(401, 404);
                    assertThat(answer.body()).as(api + path).doesNotContain("http_server_requests");
                }
            }
            HttpResponse<String> metrics = Stack.send(HttpRequest.newBuilder(
                    URI.create(Stack.managementUrl(i) + "/q/metrics")).GET().build());
            assertThat(metrics.statusCode()).as(Stack.managementUrl(i)).isEqualTo(200);
        }
    }

    @Test
    void shouldLabelGatewayMetricsByRouteTemplateNotByIds() {
        // Given
        assertThat(Stack.get(alice, "/api/v1/documents/" + documentId).statusCode()).isEqualTo(200);

        // When
        String metrics = Stack.send(HttpRequest.newBuilder(URI.create(Stack.managementUrl(0) + "/q/metrics")).GET()
                .build()).body();

        // Then
        assertThat(metrics).contains("uri=\"/api/v1/documents/{id}\"").doesNotContain(documentId);
    }

    @Test
    void shouldListenOnLoopbackOnlyForTheInternalServices() throws IOException {
        // Given: an address of this machine other than 127.0.0.1: a non-loopback one, else 127.0.0.2 (on Linux the
        // whole 127/8 is local, and a socket bound to 127.0.0.1 does not answer there, one bound to 0.0.0.0 does)
        InetAddress other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst().orElse(InetAddress.getByName("127.0.0.2"));

        // When / Then
        for (int i = 1; i <= 4; i++) {
            int port = URI.create(Stack.internalUrl(i)).getPort();
            assertThat(connects(new InetSocketAddress("127.0.0.1", port))).as("loopback :" + port).isTrue();
            assertThat(connects(new InetSocketAddress(other, port))).as(other + ":" + port).isFalse();
        }
    }

    @Test
    void shouldAnswerAReconnectAtOrAfterTheTerminalEventWithDoneAndClose() throws Exception {
        // Given: a finished generation and the id of its last event
        String generationId = Stack.newGenerationId();
        Stack.SseStream first = Stack.events(alice, generationId, null);
        java.util.concurrent.CompletableFuture<List<Stack.SseEvent>> all =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> first.readUntil("done"));
        Stack.postJson(alice, "/api/v1/generations", Map.of("generationId", generationId, "documentId", documentId,
                "dialects", List.of("duckdb")));
        List<Stack.SseEvent> events = all.get(120, java.util.concurrent.TimeUnit.SECONDS);
        String last = events.stream().filter(e -> e.id() != null && !e.id().isEmpty()).reduce((a, b) -> b)
                .orElseThrow().id();

        // When: the browser reconnects with that id, and with a later one
        for (String lastEventId : List.of(last, Long.toString(Long.parseLong(last) + 1000))) {
            Stack.SseStream resumed = Stack.events(alice, generationId, lastEventId);
            List<Stack.SseEvent> replayed = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> resumed.readUntil("done")).get(20, java.util.concurrent.TimeUnit.SECONDS);

            // Then
            assertThat(resumed.status).isEqualTo(200);
            assertThat(replayed).extracting(Stack.SseEvent::event).as("Last-Event-ID " + lastEventId)
                    .containsExactly("done");
        }
    }

    private static boolean connects(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int versions() {
        JsonNode list = Stack.json(Stack.get(alice, "/api/v1/documents/" + documentId + "/versions").body());
        JsonNode items = list.isArray() ? list : list.path("versions");
        assertThat(items.isArray()).as("versions of %s: %s", documentId, list).isTrue();
        return items.size();
    }
}
