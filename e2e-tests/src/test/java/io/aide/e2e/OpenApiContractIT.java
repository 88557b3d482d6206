package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's public OpenAPI against the routes it really serves, both ways. What the gateway serves is its own
 * resources (generated into the document) plus what it proxies: every {@code /internal/v1/...} operation of the
 * owning service under a proxied prefix, as that service's own OpenAPI (on its management port) lists it.
 */
class OpenApiContractIT {
    /** Proxied prefixes (ProxyRoutes): service index in ./aide's order, the methods proxied, the public prefix. */
    private record Proxied(int service, Set<String> methods, String prefix) {
    }

    private static final Set<String> ANY = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final List<Proxied> PROXIED = List.of(
            new Proxied(1, ANY, "/api/v1/documents"),
            new Proxied(1, ANY, "/api/v1/datasources"),
            new Proxied(2, Set.of("GET"), "/api/v1/generations"),
            new Proxied(3, Set.of("GET"), "/api/v1/validations"));
    // ai-hub-service (4) publishes no OpenAPI document yet, so /api/v1/ai/** is not compared here

    private static JsonNode document(String url) {
        HttpResponse<String> answer = Stack.send(HttpRequest.newBuilder(URI.create(url + "/q/openapi?format=json"))
                .GET().build());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return Stack.json(answer.body());
    }

    /** "METHOD /path" of every operation, path parameters named {p} so names do not matter. */
    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (ANY.contains(method)) {
                    operations.add(method + " " + path.getKey().replaceAll("\\{[^}]+}", "{p}"));
                }
            }
        }
        return operations;
    }

    private static boolean proxied(String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        return PROXIED.stream().anyMatch(p -> p.methods().contains(method)
                && under(path, p.prefix()))
                && !path.endsWith("/events");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    @Test
    void shouldDocumentEveryRouteTheGatewayServesAndNoOther() {
        // Given: what the owning services serve under the proxied prefixes, as public operations
        Set<String> served = new TreeSet<>();
        for (int service = 1; service <= 3; service++) {
            for (String operation : operations(document(Stack.managementUrl(service)))) {
                String published = operation.replace(" /internal/v1/", " /api/v1/");
                int owner = service;
                if (proxied(published) && PROXIED.stream().anyMatch(p -> p.service() == owner
                        && under(published.substring(published.indexOf(' ') + 1), p.prefix()))) {
                    served.add(published);
                }
            }
        }

        // When
        Set<String> documented = operations(document(Stack.GATEWAY));
        Set<String> documentedProxied = new TreeSet<>(documented);
        documentedProxied.removeIf(operation -> !proxied(operation));

        // Then: both directions
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        Set<String> phantom = new TreeSet<>(documentedProxied);
        phantom.removeAll(served);
        assertThat(served).as("operations found behind the gateway").hasSizeGreaterThan(15);
        assertThat(missing).as("served but not in /q/openapi").isEmpty();
        assertThat(phantom).as("in /q/openapi but served by no service").isEmpty();
        assertThat(documented).as("the gateway's own routes").contains("POST /api/v1/generations",
                "GET /api/v1/generations/{p}/events", "POST /api/v1/admin/api-keys", "GET /api/v1/admin/audit");
    }
}
