package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted OpenAI-compatible model for visualization runs. A plain completion is the tool call: model
 * {@code viz-model} calls run_sql with orders per status; {@code repair-model} first names a column that does not
 * exist and corrects it once told the error. A streamed completion is the component, in fenced chunks.
 */
public class VizModelServer implements QuarkusTestResourceLifecycleManager {
    static final String GOOD_SQL = "SELECT status, count(*) AS orders FROM raw_orders GROUP BY status ORDER BY status";
    static final String BAD_SQL = "SELECT state, count(*) AS orders FROM raw_orders GROUP BY state";
    static final List<String> COMPONENT = List.of("```jsx\n", "export default function Viz({ data, params }) {\n",
            "  return <p data-kpi>{params.title}: {data.rows.length}</p>;\n", "}\n", "```");
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static volatile String baseUrl;
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return Map.of("aide.llm.base-url", "", "aide.llm.retries", "0");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(body);
        if (body.replace(" ", "").contains("\"stream\":true")) {
            stream(exchange);
            return;
        }
        boolean repaired = body.contains("failed:");
        String sql = body.contains("\"repair-model\"") && !repaired ? BAD_SQL : GOOD_SQL;
        String call = JSON.writeValueAsString(Map.of("thought", "Counting orders per status.", "tool", "run_sql",
                "sql", sql));
        send(exchange, JSON.writeValueAsString(Map.of("id", "c1", "object", "chat.completion", "created", 1700000000,
                "model", "scripted", "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant",
                        "content", call), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15))));
    }

    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : COMPONENT) {
                String chunk = JSON.writeValueAsString(Map.of("id", "c1", "object", "chat.completion.chunk",
                        "created", 1700000000, "model", "scripted", "choices", List.of(Map.of("index", 0,
                                "delta", Map.of("content", piece)))));
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                    + "\"model\":\"scripted\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":6,\"total_tokens\":18}}\n\n"
                    + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
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
