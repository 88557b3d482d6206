package io.aide.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * HTTP front of the warm runner: {@code GET /health}, {@code POST /v1/sql}, {@code POST /v1/pyspark},
 * {@code POST /v1/shutdown}. Bodies are JSON ({@link CheckRequest} in, {@link CheckResult} out).
 */
public final class SparkRunnerServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ObjectMapper json;
    private final SparkSqlChecker sql;
    private final PysparkChecker pyspark;
    private final RunnerConfig config;
    private final Runnable onShutdown;

    public SparkRunnerServer(RunnerConfig config, SparkSqlChecker sql, PysparkChecker pyspark, ObjectMapper json,
                             Runnable onShutdown) throws IOException {
        this.config = config;
        this.sql = sql;
        this.pyspark = pyspark;
        this.json = json;
        this.onShutdown = onShutdown;
        this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 16);
        this.handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.createContext("/health", this::health);
        server.createContext("/v1/sql", exchange -> check(exchange, sql::check));
        server.createContext("/v1/pyspark", exchange -> check(exchange, pyspark::check));
        server.createContext("/v1/shutdown", this::shutdown);
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("sparkVersion", sql.sparkVersion());
        body.put("master", config.master());
        PysparkChecker.Probe probe = pyspark.probe();
        body.put("pyspark", probe.available() ? "available" : "unavailable");
        body.put("pysparkDetail", probe.detail());
        respond(exchange, 200, body);
    }

    private void check(HttpExchange exchange, Function<CheckRequest, CheckResult> checker) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("status", "error", "message", "POST a JSON check request"));
                return;
            }
            CheckRequest request;
            try {
                request = json.readValue(exchange.getRequestBody(), CheckRequest.class);
            } catch (IOException e) {
                respond(exchange, 400, CheckResult.error("parse", "The request is not valid JSON: "
                        + SparkSqlChecker.clean(e.getMessage())));
                return;
            }
            respond(exchange, 200, checker.apply(request));
        } catch (RuntimeException e) {
            respond(exchange, 500, CheckResult.error("execute", "The runner failed: " + SparkSqlChecker.describe(e)));
        }
    }

    private void shutdown(HttpExchange exchange) throws IOException {
        respond(exchange, 202, Map.of("status", "stopping"));
        Thread stopper = new Thread(onShutdown, "spark-runner-shutdown");
        stopper.start();
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
