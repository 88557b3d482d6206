package io.aide.aihub;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OpenAI-compatible endpoint scripted by model name (the test double of a model server): {@code ok-model}
 * answers "OK" with token usage, {@code failing-model} answers 500 until {@link #RECOVERED} is set,
 * {@code slow-model} answers after 3 s, {@code broken-model} answers malformed JSON; a streamed request (other
 * than to the failing model) gets its answer as server-sent chunks. Each request is recorded with
 * its Authorization header. No global model is configured; tenants set theirs.
 */
public class ScriptedModelServer implements QuarkusTestResourceLifecycleManager {
    record Request(String authorization, String body) {
    }

    static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    static final AtomicBoolean RECOVERED = new AtomicBoolean();
    static volatile String baseUrl;
    private HttpServer server;
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return Map.of("aide.llm.base-url", "", "aide.llm.retries", "0", "aide.llm.circuit-breaker-requests", "2",
                "aide.llm.circuit-breaker-delay", "2s");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (body.contains("\"failing-model\"") && !RECOVERED.get()) {
            send(exchange, 500, "{\"error\":{\"message\":\"scripted outage\",\"type\":\"server_error\"}}");
        } else if (body.replace(" ", "").contains("\"stream\":true") && body.contains("\"refine-")) {
            stream(exchange, refinement(body));
        } else if (body.replace(" ", "").contains("\"stream\":true")) {
            stream(exchange, List.of("Star", " schema", " at order-line grain."));
        } else if (body.contains("\"rule-")) {
            send(exchange, 200, completion(body.contains("\"rule-good\"") ? GOOD_RULE : BAD_RULE));
        } else if (body.contains("\"nl2sql-")) {
            boolean good = body.contains("\"nl2sql-good\"")
                    || (body.contains("\"nl2sql-repair\"") && body.contains("failed on the sample"));
            send(exchange, 200, completion(good ? GOOD_NL2SQL : BAD_NL2SQL));
        } else if (body.contains("\"broken-model\"")) {
            send(exchange, 200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":");
        } else if (body.contains("\"slow-model\"")) {
            try {
                stopping.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, completion("OK"));
        } else {
            send(exchange, 200, completion("OK"));
        }
    }

    static final String GOOD_RULE = "CASE status WHEN 'O' THEN 'Open' WHEN 'C' THEN 'Closed' END";
    static final String BAD_RULE = "upper(state)";
    static final String GOOD_NL2SQL = "SELECT c.city, count(*) AS orders FROM sales.orders o JOIN sales.customers c "
            + "ON c.customer_id = o.customer_id GROUP BY c.city ORDER BY c.city";
    static final String BAD_NL2SQL = "SELECT c.town, count(*) AS orders FROM sales.orders o JOIN sales.customers c "
            + "ON c.customer_id = o.customer_id GROUP BY c.town";
    static final String GOOD_JOINS = "FROM orders o LEFT JOIN customers c ON c.id = o.customer_id";
    static final String BAD_JOINS = "FROM orders o LEFT JOIN customers c ON c.customer_key = o.customer_id";

    /**
     * A refinement of the joins block: {@code refine-good} answers a block that runs, {@code refine-bad} one that
     * names a column the sample lacks, {@code refine-repair} the bad one first and the good one once the request
     * carries the validator's error.
     */
    private static List<String> refinement(String body) {
        boolean good = body.contains("\"refine-good\"")
                || (body.contains("\"refine-repair\"") && body.contains("failed when the layer ran"));
        String sql = good ? GOOD_JOINS : BAD_JOINS;
        int cut = sql.indexOf(" LEFT");
        return List.of(sql.substring(0, cut), sql.substring(cut));
    }

    /** Server-sent chunks as OpenAI streams them: one delta per piece, a usage chunk, then [DONE]. */
    private static void stream(HttpExchange exchange, List<String> pieces) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : pieces) {
                out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                        + "\"model\":\"scripted\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece
                        + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                    + "\"model\":\"scripted\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":6,\"total_tokens\":18}}\n\n"
                    + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    static String completion(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"scripted\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                + "\"total_tokens\":15}}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        stopping.countDown();
        if (server != null) {
            server.stop(0);
        }
    }
}
