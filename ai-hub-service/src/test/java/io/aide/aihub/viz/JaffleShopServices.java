package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aide.internalauth.InternalTokenRefused;
import io.aide.internalauth.InternalTokens;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The two services a visualization run reads outside ai-hub-service, for data source {@code ds_jaffle} of tenants
 * named acme-...: document-service's schema snapshot, and validator-service's {@code POST /internal/v1/queries},
 * which here runs the SQL on a real DuckDB holding the jaffle-shop sample (the evaluation case's CSV files) and
 * answers in the validator's shape. Every other tenant or id gets the validator's 404.
 */
public class JaffleShopServices implements QuarkusTestResourceLifecycleManager {
    static final String DATA_SOURCE = "ds_jaffle";
    static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private Connection duckdb;

    @Override
    public Map<String, String> start() {
        try {
            duckdb = DriverManager.getConnection("jdbc:duckdb:");
            for (String table : List.of("raw_customers", "raw_orders", "raw_payments")) {
                Path csv = Files.createTempFile(table, ".csv");
                try (var in = JaffleShopServices.class.getResourceAsStream("/modeler/jaffle-shop/" + table + ".csv")) {
                    Files.write(csv, in.readAllBytes());
                }
                try (Statement s = duckdb.createStatement()) {
                    s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv_auto('" + csv + "')");
                }
                Files.delete(csv);
            }
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/datasources/", this::schema);
        server.createContext("/internal/v1/queries", this::query);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.document.url", url, "quarkus.rest-client.validator.url", url);
    }

    private void schema(HttpExchange exchange) throws IOException {
        if (!acme(exchange) || !exchange.getRequestURI().getPath().equals("/internal/v1/datasources/" + DATA_SOURCE
                + "/schema")) {
            answer(exchange, 404, Map.of("code", "datasource_not_found", "detail", "No such data source."));
            return;
        }
        List<Map<String, Object>> tables = new ArrayList<>();
        for (String table : List.of("raw_customers", "raw_orders", "raw_payments")) {
            List<Map<String, Object>> columns = new ArrayList<>();
            try (Statement s = duckdb.createStatement();
                 ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
                         + "WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(Map.of("name", rs.getString(1), "type", rs.getString(2)));
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
            tables.add(Map.of("name", table, "columns", columns));
        }
        answer(exchange, 200, Map.of("dataSourceId", DATA_SOURCE, "schema", Map.of("kind", "files", "tables", tables)));
    }

    private synchronized void query(HttpExchange exchange) throws IOException {
        var body = JSON.readTree(exchange.getRequestBody());
        if (!acme(exchange) || !DATA_SOURCE.equals(body.path("dataSourceId").asText())) {
            answer(exchange, 404, Map.of("code", "not_found:sample", "detail", "No data source '"
                    + body.path("dataSourceId").asText() + "' with a sample in your tenant."));
            return;
        }
        String sql = body.path("sql").asText();
        int limit = body.path("limit").asInt(100);
        QUERIES.add(sql);
        try (Statement s = duckdb.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(Map.of("name", meta.getColumnLabel(i), "type", meta.getColumnTypeName(i)));
            }
            List<List<Object>> rows = new ArrayList<>();
            boolean truncated = false;
            while (rs.next()) {
                if (rows.size() == limit) {
                    truncated = true;
                    break;
                }
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
                }
                rows.add(row);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("columns", columns);
            answer.put("rows", rows);
            answer.put("truncated", truncated);
            answer.put("elapsedMs", 1);
            answer.put("sample", Map.of("kind", "files", "dataSourceId", DATA_SOURCE));
            answer(exchange, 200, answer);
        } catch (SQLException e) {
            answer(exchange, 422, Map.of("code", "sql:binding", "detail", e.getMessage()));
        }
    }

    private static boolean acme(HttpExchange exchange) {
        try {
            String tenant = new InternalTokens(InternalCalls.TEST_SECRET)
                    .verify(exchange.getRequestHeaders().getFirst(InternalTokens.HEADER)).tenant();
            return tenant != null && tenant.startsWith("acme");
        } catch (InternalTokenRefused e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                : "application/problem+json");
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
        try {
            if (duckdb != null) {
                duckdb.close();
            }
        } catch (SQLException ignored) {
            // closing an in-memory database
        }
    }
}
