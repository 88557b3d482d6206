package io.aide.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role against each operation of the gateway's own OpenAPI document: a refused role gets 403
 * {@code forbidden:role}, an allowed one gets past the role check (whatever the route then answers). The expected
 * verdicts come from the rule as documented, not from the policy class.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class RoleMatrixTest {
    private static final Set<String> READ = Set.of("get", "head");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI base;

    record Operation(String method, String path) {
    }

    private List<Operation> operations() throws Exception {
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(document.body()).path("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().startsWith("/api/v1/session")) {
                continue; // login, refresh and logout are open by design
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "head", "post", "put", "patch", "delete").contains(method)) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", "x1")));
                }
            }
        }
        return operations;
    }

    private static boolean allowed(String role, Operation operation) {
        if (operation.path().startsWith("/api/v1/admin/")) {
            return role.equals("admin");
        }
        if (READ.contains(operation.method().toLowerCase())) {
            return Set.of("admin", "engineer", "viewer").contains(role);
        }
        return Set.of("admin", "engineer").contains(role);
    }

    /** Status and problem code; only the head of the answer is read (an event stream never ends). */
    private String call(String token, Operation operation) throws Exception {
        HttpRequest.BodyPublisher body = READ.contains(operation.method().toLowerCase()) || operation.method().equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        HttpRequest request = HttpRequest.newBuilder(base.resolve(operation.path())).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(operation.method(), body).build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() == 403) {
                return "403 " + JSON.readTree(in.readAllBytes()).path("code").asText();
            }
            return Integer.toString(response.statusCode());
        }
    }

    @Test
    void shouldRefuseEachRoleExactlyTheOperationsItMayNotDo() throws Exception {
        // Given
        List<Operation> operations = operations();
        Map<String, String> tokens = Map.of("admin", Tokens.with("matrix-admin", "acme", "admin"),
                "engineer", Tokens.with("matrix-engineer", "acme", "engineer"),
                "viewer", Tokens.with("matrix-viewer", "acme", "viewer"),
                "none", Tokens.with("matrix-none", "acme", "offline_access"));
        assertThat(operations).extracting(Operation::path)
                .contains("/api/v1/documents", "/api/v1/generations", "/api/v1/admin/api-keys", "/api/v1/admin/audit");

        // When
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                String answer = call(role.getValue(), operation);
                boolean refused = answer.equals("403 forbidden:role");
                if (refused == allowed(role.getKey(), operation) || answer.startsWith("401")) {
                    wrong.add(role.getKey() + " " + operation.method() + " " + operation.path() + " -> " + answer);
                }
            }
        }

        // Then
        assertThat(wrong).isEmpty();
    }
}
