package io.aide.aihub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aide.events.EventJson;
import io.aide.internalauth.InternalTokenRefused;
import io.aide.internalauth.InternalTokens;
import io.aide.aihub.modeler.SalesSchema;
import io.aide.aihub.modeler.SampleRows;
import io.aide.testsupport.InternalCalls;
import io.aide.validation.DuckDbSandbox;
import io.aide.validation.SampleTable;
import io.aide.validation.SandboxException;
import io.aide.validation.SandboxLimits;
import io.aide.validation.TypedRows;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sqlgen's generation read and the validator's sample query for generation {@link #GENERATION} of tenants named
 * {@code refine-...} (a two-block layer over orders and customers) and for data source {@code ds_sales} of tenants
 * named {@code acme...} (the sales sample). The queries run for real in the validator's
 * DuckDB sandbox (validation-core) on a small sample, so a candidate block passes or fails as it would in the
 * validator. Other tenants get sqlgen's 404; calls without a signed internal token are no tenant.
 */
public class GenerationServicesStub implements QuarkusTestResourceLifecycleManager {
    static final String GENERATION = "gen_1700000000000_refine";
    static final String TARGET = "order_facts";
    static final String SELECT = "SELECT o.id AS order_id, c.name AS customer_name";
    static final String JOINS = "FROM orders o JOIN customers c ON c.id = o.customer_id";
    /** The mapping row of the column the compiler flagged (served by DocumentServiceStub's spec of doc_1). */
    static final String FLAGGED_ROW = "@mapping[Orders:5]";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/generations/", this::generation);
        server.createContext("/internal/v1/validations/", exchange -> answer(exchange, 404,
                "{\"code\":\"not_found:validation\",\"detail\":\"No validation of this generation exists.\"}"));
        server.createContext("/internal/v1/queries", this::query);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.sqlgen.url", url, "quarkus.rest-client.validator.url", url);
    }

    private void generation(HttpExchange exchange) throws IOException {
        String tenant = signedTenant(exchange);
        String path = exchange.getRequestURI().getPath();
        if (tenant == null || !tenant.startsWith("refine") || !path.startsWith("/internal/v1/generations/" + GENERATION)) {
            answer(exchange, 404, "{\"code\":\"not_found:generation\",\"detail\":\"No such generation.\"}");
            return;
        }
        if (path.endsWith("/lineage")) {
            answer(exchange, 200, EventJson.toJson(Map.of("generationId", GENERATION, "targets", List.of(Map.of(
                    "target", TARGET, "columns", List.of(
                            Map.of("column", "order_id", "type", "INTEGER", "mappingRef", "@mapping[Orders:4]",
                                    "status", "compiled", "sources", List.of("orders.id")),
                            Map.of("column", "status_label", "type", "VARCHAR(10)", "mappingRef", FLAGGED_ROW,
                                    "status", "flagged", "reason", "rule not understood: O means Open, C means Closed",
                                    "sources", List.of("orders.status"))))))));
            return;
        }
        Map<String, Object> blocks = new LinkedHashMap<>();
        blocks.put("select_clause", block("select_clause", 1, SELECT));
        blocks.put("joins", block("joins", 2, JOINS));
        answer(exchange, 200, EventJson.toJson(Map.of("generation_id", GENERATION, "status", "completed",
                "document_id", "doc_1", "spec_version", 1, "checkpoint", 1, "blocks", blocks)));
    }

    private static Map<String, Object> block(String name, int order, String sql) {
        return Map.of("target", TARGET, "block_name", name, "order", order, "version", 1, "dialect", "duckdb",
                "sql", sql, "sql_by_dialect", Map.of("duckdb", sql));
    }

    private void query(HttpExchange exchange) throws IOException {
        String tenant = signedTenant(exchange);
        var body = EventJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
        boolean generation = tenant != null && tenant.startsWith("refine")
                && GENERATION.equals(body.path("generationId").asText());
        boolean sales = tenant != null && tenant.startsWith(DocumentServiceStub.TENANT)
                && DocumentServiceStub.DATA_SOURCE.equals(body.path("dataSourceId").asText());
        if (!generation && !sales) {
            answer(exchange, 404, "{\"code\":\"not_found:sample\",\"detail\":\"No sample for your tenant.\"}");
            return;
        }
        try (DuckDbSandbox sandbox = DuckDbSandbox.open(SandboxLimits.defaults())) {
            if (generation) {
                sandbox.load(new SampleTable.Rows("orders", List.of("id", "customer_id", "status"),
                        List.of("INTEGER", "INTEGER", "VARCHAR"), List.of(List.of(10, 1, "O"), List.of(11, 2, "C"))));
                sandbox.load(new SampleTable.Rows("customers", List.of("id", "name"), List.of("INTEGER", "VARCHAR"),
                        List.of(List.of(1, "Ann"), List.of(2, "Bob"))));
            } else {
                for (SampleRows.Table t : SalesSchema.sample().tables()) {
                    sandbox.load(new SampleTable.Rows(t.schema() + "." + t.name(), t.columns().stream()
                            .map(SampleRows.Column::name).toList(), List.of(),
                            t.rows().stream().map(r -> new java.util.ArrayList<Object>(r)).map(r -> (List<Object>) r).toList()));
                }
            }
            sandbox.lock();
            TypedRows rows = sandbox.queryTyped(body.path("sql").asText(), body.path("limit").asInt(100));
            answer(exchange, 200, EventJson.toJson(Map.of("columns", rows.columns(), "rows", rows.rows(),
                    "truncated", rows.truncated(), "elapsedMs", 1, "sample", Map.of("kind", "files",
                            "tables", List.of("orders", "customers")))));
        } catch (SandboxException e) {
            answer(exchange, 422, EventJson.toJson(Map.of("code", e.code(), "detail", e.getMessage())));
        }
    }

    private static String signedTenant(HttpExchange exchange) {
        try {
            return new InternalTokens(InternalCalls.TEST_SECRET).verify(exchange.getRequestHeaders()
                    .getFirst(InternalCalls.HEADER)).tenant();
        } catch (InternalTokenRefused e) {
            return null;
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
