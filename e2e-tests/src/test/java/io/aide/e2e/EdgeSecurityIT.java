package io.aide.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles, tenants and bad input at the gateway, against the running stack and the realm's demo users. */
class EdgeSecurityIT {
    private static String alice;
    private static String victor;
    private static String bob;
    private static String documentId;

    @BeforeAll
    static void login() throws IOException {
        alice = Stack.token("alice", "alice");
        victor = Stack.token("victor", "victor");
        bob = Stack.token("bob", "bob");
        documentId = Mappings.uploadParsed(alice, "orders_mapping.csv");
    }

    @Test
    void shouldLetAViewerReadHerTenantsDocumentsButNotUploadOrGenerate() {
        // When
        HttpResponse<String> read = Stack.get(victor, "/api/v1/documents/" + documentId);
        HttpResponse<String> upload = Stack.upload(victor, "orders_mapping.csv", "a,b\n".getBytes());
        HttpResponse<String> generate = Stack.postJson(victor, "/api/v1/generations",
                Map.of("documentId", documentId, "dialects", List.of("duckdb")));

        // Then
        assertThat(read.statusCode()).isEqualTo(200);
        for (HttpResponse<String> refused : List.of(upload, generate)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(Stack.json(refused.body()).path("code").asText()).isEqualTo("forbidden:role");
        }
    }

    @Test
    void shouldAnswer404ToAnotherTenantForEveryDocumentRoute() {
        // When / Then
        for (String path : List.of("", "/rows", "/spec", "/versions", "/dictionary")) {
            HttpResponse<String> answer = Stack.get(bob, "/api/v1/documents/" + documentId + path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("order_facts");
        }
    }

    @Test
    void shouldAnswerBadInputWithA4xxProblemNeverA5xx() throws IOException {
        // When
        Map<String, String> requests = Map.of(
                "/api/v1/documents/doc%00x", "invalid_path",
                "/api/v1/documents/" + "d".repeat(101), "invalid_id",
                "/api/v1/documents/doc%20x", "invalid_id",
                "/api/v1/documents?q=" + "a".repeat(9000), "uri_too_long");

        // Then
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String answer = rawGet(request.getKey(), alice);
            String label = request.getKey().length() > 60 ? request.getKey().substring(0, 60) : request.getKey();
            assertThat(answer).as(label).matches("(?s)HTTP/1\\.1 4\\d\\d .*")
                    .contains("application/problem+json").contains("\"code\":\"" + request.getValue() + "\"");
        }
        for (String rejectedByTheRouter : List.of("/api/v1/session/../x", "/api/v1/documents/%zz")) {
            assertThat(rawGet(rejectedByTheRouter, alice)).as(rejectedByTheRouter).startsWith("HTTP/1.1 400")
                    .contains("application/problem+json").contains("\"code\":\"invalid_path\"")
                    .doesNotContain("Exception");
        }
        assertThat(rawGet("/api/v1/documents", "")).as("empty bearer").startsWith("HTTP/1.1 401")
                .contains("unauthorized:missing_token");
        HttpResponse<String> array = Stack.postJson(alice, "/api/v1/generations", List.of(1, 2));
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(array.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    /** A request line sent exactly as written: java.net.http would refuse or re-encode these paths. */
    private static String rawGet(String pathAndQuery, String token) throws IOException {
        URI gateway = URI.create(Stack.GATEWAY);
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + gateway.getHost()
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
