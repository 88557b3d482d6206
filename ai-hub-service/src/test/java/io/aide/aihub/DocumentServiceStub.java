package io.aide.aihub;

import io.aide.internalauth.InternalTokenRefused;
import io.aide.internalauth.InternalTokens;
import io.aide.testsupport.InternalCalls;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aide.aihub.modeler.SalesSchema;
import io.aide.aihub.modeler.SampleRows;
import io.aide.events.EventJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * document-service's two data-source reads (schema snapshot, sample rows) answered for tenant {@code acme}'s data
 * source {@code ds_sales} (and of tenants named acme-...) with the classic sales schema; every other tenant or id
 * gets document-service's 404.
 */
public class DocumentServiceStub implements QuarkusTestResourceLifecycleManager {
    static final String TENANT = "acme";
    static final String DATA_SOURCE = "ds_sales";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/datasources/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String tenant = signedTenant(exchange.getRequestHeaders().getFirst(InternalCalls.HEADER));
            if (tenant == null || !tenant.startsWith(TENANT) || !path.startsWith("/internal/v1/datasources/" + DATA_SOURCE + "/")) {
                answer(exchange, 404, "{\"code\":\"datasource_not_found\",\"detail\":\"No data source '"
                        + path.split("/")[4] + "' in your tenant.\"}");
            } else if (path.endsWith("/schema")) {
                answer(exchange, 200, EventJson.toJson(Map.of("dataSourceId", DATA_SOURCE, "snapshotId", 1,
                        "schema", SalesSchema.snapshot())));
            } else {
                List<Map<String, Object>> tables = new ArrayList<>();
                for (SampleRows.Table t : SalesSchema.sample().tables()) {
                    tables.add(Map.of("schema", t.schema(), "name", t.name(), "columns", t.columns(), "rows", t.rows(),
                            "truncated", t.truncated()));
                }
                answer(exchange, 200, EventJson.toJson(Map.of("dataSourceId", DATA_SOURCE, "tables", tables,
                        "missing", List.of())));
            }
        });
        server.createContext("/internal/v1/documents/", this::documents);
        server.start();
        return Map.of("quarkus.rest-client.document.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Row edits received, as {@code tenant documentId row patchJson}. */
    static final List<String> ROW_EDITS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Document {@code doc_1} of tenants named refine-...: version 1 of its spec holds the row {@code Orders:5} whose
     * rule the compiler flagged; a row edit answers version 2, as document-service does.
     */
    private void documents(HttpExchange exchange) throws IOException {
        String tenant = signedTenant(exchange.getRequestHeaders().getFirst(InternalCalls.HEADER));
        String path = exchange.getRequestURI().getPath();
        if (tenant == null || !tenant.startsWith("refine") || !path.startsWith("/internal/v1/documents/doc_1/")) {
            answer(exchange, 404, "{\"code\":\"not_found:document\",\"detail\":\"No document in your tenant.\"}");
        } else if (path.endsWith("/spec")) {
            io.aide.events.spec.MappingRow row = new io.aide.events.spec.MappingRow(null, "Orders", 5, "order_facts",
                    "status_label", "VARCHAR(10)", null, "orders", List.of(), "orders.status",
                    "O means Open, C means Closed", null, null, false, null, null, null, null, Map.of());
            answer(exchange, 200, EventJson.toJson(new io.aide.events.spec.MappingSpec("doc_1", tenant, 1, "orders.xlsx",
                    "xlsx", Map.of(), List.of(), List.of(row), List.of(), List.of())));
        } else if ("PATCH".equals(exchange.getRequestMethod()) && path.contains("/rows/")) {
            String patch = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String row = java.net.URLDecoder.decode(path.substring(path.indexOf("/rows/") + 6), StandardCharsets.UTF_8);
            ROW_EDITS.add(tenant + " doc_1 " + row + " " + patch);
            answer(exchange, 200, "{\"documentId\":\"doc_1\",\"version\":2,\"changed\":true}");
        } else {
            answer(exchange, 404, "{\"code\":\"http:404\",\"detail\":\"No such resource.\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Like document-service, the stub believes only a signed internal token: no token or a forged one is no tenant. */
    private static String signedTenant(String token) {
        try {
            return new InternalTokens(InternalCalls.TEST_SECRET).verify(token).tenant();
        } catch (InternalTokenRefused e) {
            return null;
        }
    }
}
