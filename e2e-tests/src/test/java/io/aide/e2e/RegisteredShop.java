package io.aide.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The steps the suites on a registered database share: the database registered and introspected through the gateway,
 * and the mapping of its sales lines uploaded and parsed.
 */
final class RegisteredShop {
    private RegisteredShop() {
    }

    /** Registers the database under {@code name}, takes its schema snapshot, and answers the data source's id. */
    static String register(String token, String name, String jdbcUrl, String user, String password) {
        HttpResponse<String> created = Stack.postJson(token, "/api/v1/datasources", Map.of("name", name,
                "jdbcUrl", jdbcUrl, "username", user, "password", password));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Stack.json(created.body()).path("dataSourceId").asText();
        HttpResponse<String> snapshot = Stack.postJson(token, "/api/v1/datasources/" + id + "/introspect", Map.of());
        assertThat(snapshot.statusCode()).as(snapshot.body()).isEqualTo(200);
        return id;
    }

    /** Uploads mappings/sales_lines_mapping.csv and waits until document-service has parsed it; its document id. */
    static String uploadSalesLinesMapping(String token) throws IOException {
        byte[] csv;
        try (InputStream in = RegisteredShop.class.getResourceAsStream("/mappings/sales_lines_mapping.csv")) {
            csv = in.readAllBytes();
        }
        HttpResponse<String> accepted = Stack.upload(token, "sales_lines_mapping.csv", csv);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String documentId = Stack.json(accepted.body()).path("documentId").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Stack.json(Stack.get(token, "/api/v1/documents/" + documentId).body()).path("status").asText())
                        .isEqualTo("parsed"));
        return documentId;
    }
}
