package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API keys, roles and the audit log against the running stack (Keycloak users anna admin, alice engineer, victor
 * viewer of acme; bob engineer of globex), and the cross-tenant matrix over every route of the gateway's OpenAPI.
 */
class AccessControlIT {
    private static String anna;
    private static String alice;
    private static String victor;
    private static String bob;
    private static String documentId;
    private static String generationId;

    @BeforeAll
    static void uploadAndGenerateAsAlice() throws IOException {
        anna = Stack.token("anna", "anna");
        alice = Stack.token("alice", "alice");
        victor = Stack.token("victor", "victor");
        bob = Stack.token("bob", "bob");
        documentId = Mappings.uploadParsed(alice, "orders_mapping.csv");
        generationId = Stack.newGenerationId();
        HttpResponse<String> started = Stack.postJson(alice, "/api/v1/generations",
                Map.of("generationId", generationId, "documentId", documentId, "dialects", List.of("duckdb")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    }

    private static HttpResponse<String> delete(String token, String path) {
        return Stack.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).DELETE().build());
    }

    @Test
    void shouldServeACiJobWithAnApiKeyUntilItIsRevoked() throws IOException {
        // Given
        HttpResponse<String> created = Stack.postJson(anna, "/api/v1/admin/api-keys",
                Map.of("name", "e2e CI", "role", "engineer", "expiresInDays", 1));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = Stack.json(created.body()).path("key").asText();
        String keyId = Stack.json(created.body()).path("id").asText();
        byte[] mapping = Mappings.resource("orders_mapping.csv");

        // When
        HttpResponse<String> uploaded = Stack.upload(key, "orders_by_ci.csv", mapping);
        HttpResponse<String> listed = Stack.get(anna, "/api/v1/admin/api-keys");
        HttpResponse<String> revoked = delete(anna, "/api/v1/admin/api-keys/" + keyId);
        HttpResponse<String> afterRevocation = Stack.get(key, "/api/v1/documents");

        // Then
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String ciDocument = Stack.json(uploaded.body()).path("documentId").asText();
        assertThat(Stack.get(alice, "/api/v1/documents/" + ciDocument).statusCode()).isEqualTo(200);
        assertThat(Stack.get(bob, "/api/v1/documents/" + ciDocument).statusCode()).isEqualTo(404);
        assertThat(listed.body()).contains(keyId).doesNotContain(key);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(afterRevocation.statusCode()).isEqualTo(401);
        assertThat(afterRevocation.body()).contains("unauthorized:invalid_api_key");
        assertThat(Stack.postJson(alice, "/api/v1/admin/api-keys", Map.of("name", "mine")).statusCode()).isEqualTo(403);
        assertThat(Stack.get(bob, "/api/v1/admin/api-keys").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerAnUploadWithAnotherTenantsDocumentIdExactlyLikeAFreshIdAndLeaveTheirDocumentAlone() throws IOException {
        // Given
        byte[] mapping = Mappings.resource("orders_mapping.csv");
        // alice's own document for this test: the other tests rely on bob never having one under documentId
        String alicesId = "shared-" + java.util.UUID.randomUUID();
        HttpResponse<String> alicesUpload = Stack.multipart(alice, "/api/v1/documents", List.of(
                new Stack.Part("file", "orders_mapping.csv", mapping), new Stack.Part("documentId", null,
                        alicesId.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(alicesUpload.statusCode()).as(alicesUpload.body()).isEqualTo(202);
        Mappings.awaitParsed(alice, alicesId, Mappings.PARSE_TIMEOUT);
        String alicesBefore = Stack.get(alice, "/api/v1/documents/" + alicesId).body();
        String fresh = "fresh-" + java.util.UUID.randomUUID();

        // When: bob (globex) names alice's document id, and an id nobody has
        HttpResponse<String> taken = Stack.multipart(bob, "/api/v1/documents", List.of(
                new Stack.Part("file", "bobs.csv", mapping), new Stack.Part("documentId", null,
                        alicesId.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        HttpResponse<String> unused = Stack.multipart(bob, "/api/v1/documents", List.of(
                new Stack.Part("file", "bobs.csv", mapping), new Stack.Part("documentId", null,
                        fresh.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        // Then
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(202);
        assertThat(unused.statusCode()).as(unused.body()).isEqualTo(202);
        JsonNode takenBody = Stack.json(taken.body());
        JsonNode unusedBody = Stack.json(unused.body());
        List<String> takenFields = new ArrayList<>();
        List<String> unusedFields = new ArrayList<>();
        takenBody.fieldNames().forEachRemaining(takenFields::add);
        unusedBody.fieldNames().forEachRemaining(unusedFields::add);
        assertThat(takenFields).isEqualTo(unusedFields);
        assertThat(takenBody.path("documentId").asText()).isEqualTo(alicesId);
        assertThat(takenBody.path("status").asText()).isEqualTo(unusedBody.path("status").asText());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Stack.json(Stack.get(bob, "/api/v1/documents/" + alicesId).body()).path("fileName")
                        .asText()).isEqualTo("bobs.csv"));
        JsonNode alicesAfter = Stack.json(Stack.get(alice, "/api/v1/documents/" + alicesId).body());
        assertThat(alicesAfter.path("fileName").asText()).isEqualTo("orders_mapping.csv");
        assertThat(alicesAfter.path("status").asText()).isEqualTo("parsed");
        assertThat(alicesAfter.path("specVersion")).isEqualTo(Stack.json(alicesBefore).path("specVersion"));
        assertThat(alicesAfter.path("updatedAt")).isEqualTo(Stack.json(alicesBefore).path("updatedAt"));
    }

    @Test
    void shouldRecordLoginsChangesKeysAndRefusalsInTheTenantsAuditLog() {
        // Given
        HttpResponse<String> login = Stack.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"victor\",\"password\":\"victor\"}")).build());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(delete(victor, "/api/v1/generations/" + generationId).statusCode()).isEqualTo(403);
        assertThat(Stack.get(bob, "/api/v1/documents/" + documentId).statusCode()).isEqualTo(404);

        // When / Then
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> page = Stack.get(anna, "/api/v1/admin/audit?limit=1000");
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> rows = new ArrayList<>();
            Stack.json(page.body()).path("items").forEach(e -> rows.add(e.path("actor").asText() + " "
                    + e.path("action").asText() + " " + e.path("outcome").asText() + " " + e.path("status").asInt()));
            assertThat(rows).contains("victor session.login ok 200", "alice document.upload ok 202",
                    "alice generation.request ok 202", "victor generation.cancel refused 403");
            assertThat(rows).noneMatch(row -> row.startsWith("bob "));
        });
        HttpResponse<String> csv = Stack.get(anna, "/api/v1/admin/audit/export?format=csv&actor=victor");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("session.login").doesNotContain("victor\",\"password").doesNotContain(victor);
        assertThat(Stack.get(alice, "/api/v1/admin/audit").statusCode()).isEqualTo(403);
        assertThat(Stack.get(victor, "/api/v1/admin/audit").statusCode()).isEqualTo(403);
    }

    /**
     * Every route naming an id, with another tenant's ids, answers 404, as for an id nobody has. The event stream is
     * the exception that proves the rule: it may be opened before its generation is posted (the client chooses the
     * id), so a fresh id's stream opens, and so does bob's stream of alice's id (his own generation of that id; ids
     * are scoped per tenant): the same answer, which tells nothing.
     */
    @Test
    void shouldAnswerAnotherTenantsIdsWith404OnEveryRouteOfTheOpenApi() throws Exception {
        // Given
        JsonNode paths = Stack.json(Stack.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/q/openapi?format=json"))
                .build()).body()).path("paths");
        List<String> answers = new ArrayList<>();
        int withIds = 0;

        // When: bob (globex) on every route naming an id, with alice's ids
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().matches(".*/(documents|generations|validations)/\\{[^}]+}.*")) {
                continue;
            }
            if (path.getKey().endsWith("/events")) {
                try (Stack.SseStream taken = Stack.events(bob, generationId, null);
                     Stack.SseStream fresh = Stack.events(bob, Stack.newGenerationId(), null)) {
                    answers.add((taken.status == fresh.status ? "as for a fresh id" : taken.status + " vs "
                            + fresh.status) + " GET " + path.getKey());
                }
                withIds++;
                continue;
            }
            String concrete = path.getKey().replaceFirst("/documents/\\{[^}]+}", "/documents/" + documentId)
                    .replaceFirst("/(generations|validations)/\\{[^}]+}", "/$1/" + generationId)
                    .replaceFirst("/rows/\\{[^}]+}", "/rows/Sheet1:2")
                    .replaceAll("\\{[^}]+}", "x1");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (!Set.of("GET", "POST", "PATCH", "PUT", "DELETE").contains(method)) {
                    continue;
                }
                withIds++;
                HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + concrete))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + bob)
                        .header("Content-Type", "application/json")
                        .method(method, method.equals("GET") || method.equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(wellFormedBody(method, path.getKey())))
                        .build();
                HttpResponse<InputStream> response = Stack.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
                answers.add(response.statusCode() + " " + method + " " + path.getKey());
            }
        }

        // Then: every one is not found, never a refusal that tells the id exists, never a 400 about the request's shape
        assertThat(withIds).isGreaterThanOrEqualTo(10);
        assertThat(answers).filteredOn(answer -> answer.endsWith("/events")).containsExactly(
                "as for a fresh id GET /api/v1/generations/{id}/events");
        assertThat(answers).filteredOn(answer -> !answer.endsWith("/events"))
                .allMatch(answer -> answer.startsWith("404 "), "404");
    }

    /**
     * A body each write route would accept from the owner, so the only reason left to refuse bob is the tenant (an
     * empty body is refused with 400 before the id is looked up, which says nothing about the id).
     */
    private static String wellFormedBody(String method, String template) {
        if (template.endsWith("/versions") && method.equals("POST")) {
            return "{\"baseVersion\": 1, \"rows\": {\"Sheet1:2\": {\"target_column\": \"x\"}}}";
        }
        if (template.contains("/rows/")) {
            return "{\"target_column\": \"x\"}";
        }
        if (template.contains("/blocks/")) {
            return "{\"sql\": \"select 1\"}";
        }
        if (template.endsWith("/refine")) {
            return "{\"target\": \"orders\", \"blockName\": \"select_clause\", \"instruction\": \"shorter\"}";
        }
        return "{}";
    }
}
