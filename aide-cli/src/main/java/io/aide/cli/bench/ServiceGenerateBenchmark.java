package io.aide.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.cli.bench.GatewayClient.FilePart;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The compile pass measured inside the running sqlgen-service: the synthetic mapping uploaded as a CSV document with
 * its lookup, sample files of its source tables registered as a data source, then generations of one dialect bound
 * to that data source, each read back from the generation hashmap ({@code timings.compileMillis}).
 */
final class ServiceGenerateBenchmark {
    private static final Duration POLL = Duration.ofMillis(150);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    /**
     * One measured generation: compiler time and compile stage as the service timed them, wall time as seen here, and
     * the sqlgen-service process CPU spent meanwhile (null when its metrics cannot be read).
     */
    record Generation(String generationId, double compileMillis, double compileStageMillis, double wallMillis,
                      Double sqlgenCpuMillis, int mappingRows, int targets, int blocks, int flagged, String dataSourceId) {
    }

    /** What the table reports; the load averages are the machine's 1-minute load before and after the measured runs. */
    record Result(String gatewayUrl, String documentId, String dataSourceId, int rowsParsed, Generation last,
                  int runs, int warmup, String dialect, Stats compile, Stats stage, Stats wall, Stats sqlgenCpu,
                  double loadBefore, double loadAfter) {
        boolean bound() {
            return dataSourceId.equals(last.dataSourceId());
        }
    }

    private final GenerateOptions options;
    private final GatewayClient client;
    private final PrintStream progress;

    ServiceGenerateBenchmark(GenerateOptions options, PrintStream progress) {
        this.options = options;
        this.client = new GatewayClient(options.gatewayUrl(), options.oidcUrl(), options.user(), options.password());
        this.progress = progress;
    }

    /** @throws BenchException when the stack does not answer (exit 2) or a document or generation fails (exit 1) */
    Result measure() {
        client.checkReachable();
        MappingSpec spec = GenerateBenchmark.syntheticSpec(options.rows());
        String dataSourceId = uploadSamples();
        String documentId = uploadMapping(spec);
        int rowsParsed = awaitParsed(documentId);
        if (rowsParsed != spec.rows().size()) {
            throw new BenchException(BenchException.FAILED, "document " + documentId + " parsed into " + rowsParsed
                    + " mapping rows, " + spec.rows().size() + " were written; the CSV headers are not all recognised.");
        }
        progress.printf(Locale.ROOT, "document %s: %d mapping rows; data source %s; %d warm-up + %d measured "
                + "generations (%s) through %s%n", documentId, rowsParsed, dataSourceId, options.serviceWarmup(),
                options.serviceRuns(), options.dialect(), client.gatewayUrl());
        for (int i = 0; i < options.serviceWarmup(); i++) {
            Generation g = generate(documentId, dataSourceId);
            progress.printf(Locale.ROOT, "  warm-up %d/%d %s%n", i + 1, options.serviceWarmup(), describe(g));
        }
        double loadBefore = load();
        int runs = options.serviceRuns();
        double[] compile = new double[runs];
        double[] stage = new double[runs];
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        boolean cpuKnown = true;
        Generation last = null;
        for (int i = 0; i < runs; i++) {
            last = generate(documentId, dataSourceId);
            compile[i] = last.compileMillis();
            stage[i] = last.compileStageMillis();
            wall[i] = last.wallMillis();
            cpuKnown &= last.sqlgenCpuMillis() != null;
            cpu[i] = cpuKnown ? last.sqlgenCpuMillis() : 0;
            progress.printf(Locale.ROOT, "  run %d/%d %s%n", i + 1, runs, describe(last));
        }
        return new Result(client.gatewayUrl(), documentId, dataSourceId, rowsParsed, last, runs,
                options.serviceWarmup(), options.dialect(), Stats.of(compile), Stats.of(stage), Stats.of(wall),
                cpuKnown ? Stats.of(cpu) : null, loadBefore, load());
    }

    private String uploadSamples() {
        List<FilePart> parts = new ArrayList<>();
        for (String table : GenerateBenchmark.SOURCE_TABLES) {
            parts.add(FilePart.csv("file", table + ".csv", BenchFiles.sampleCsv(GenerateBenchmark.SOURCE_COLUMNS)));
        }
        parts.add(FilePart.field("name", "bench generate samples"));
        JsonNode answer = client.upload("/api/v1/datasources/upload", parts, 201);
        return required(answer, "dataSourceId", "POST /api/v1/datasources/upload");
    }

    private String uploadMapping(MappingSpec spec) {
        List<FilePart> parts = new ArrayList<>();
        parts.add(FilePart.csv("file", "bench-generate-" + spec.rows().size() + ".csv", BenchFiles.mappingCsv(spec)));
        for (ReferenceTable table : spec.referenceTables()) {
            parts.add(FilePart.csv("reference", BenchFiles.referenceFileName(table), BenchFiles.referenceCsv(table)));
        }
        JsonNode answer = client.upload("/api/v1/documents", parts, 202);
        return required(answer, "documentId", "POST /api/v1/documents");
    }

    private int awaitParsed(String documentId) {
        long deadline = deadline();
        while (true) {
            JsonNode document = client.get("/api/v1/documents/" + documentId);
            String status = document == null ? "" : document.path("status").asText();
            if (status.equals("parsed")) {
                return document.path("rowsFound").asInt();
            }
            if (status.equals("failed")) {
                throw new BenchException(BenchException.FAILED, "document " + documentId + " failed to parse: "
                        + document.path("error"));
            }
            waitOrGiveUp(deadline, "document " + documentId + " to be parsed (status '" + status + "')");
        }
    }

    private Generation generate(String documentId, String dataSourceId) {
        String id = "gen_" + System.currentTimeMillis() + "_bench" + Long.toString(ThreadLocalRandom.current()
                .nextLong(1L << 40), 36);
        // opened before the request so the moment the generation is done is seen, not polled for
        InputStream events = client.events(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generationId", id);
        body.put("documentId", documentId);
        body.put("dialects", List.of(options.dialect()));
        body.put("dataSourceId", dataSourceId);
        long deadline = deadline();
        Double cpuBefore = client.processCpuMillis(options.sqlgenUrl());
        long start = System.nanoTime();
        try {
            client.postJson("/api/v1/generations", body, 202);
        } catch (RuntimeException e) {
            if (events != null) {
                closeQuietly(events);
            }
            throw e;
        }
        Long done = events == null ? null : awaitDone(events, deadline, id);
        JsonNode hashmap = awaitTerminal(id, deadline);
        long end = done == null ? System.nanoTime() : done;
        Double cpuAfter = client.processCpuMillis(options.sqlgenUrl());
        Double cpu = cpuBefore == null || cpuAfter == null ? null : cpuAfter - cpuBefore;
        return read(id, hashmap, (end - start) / 1e6, cpu);
    }

    /** Reads the event stream until {@code done}; null when it ended without one. */
    private static Long awaitDone(InputStream events, long deadline, String id) {
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sse-" + id);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Long> done = reader.submit(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:") && line.substring(6).trim().equals("done")) {
                            return System.nanoTime();
                        }
                    }
                    return null;
                }
            });
            return done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new BenchException(BenchException.FAILED, "generation " + id + " sent no 'done' event within "
                    + "the timeout; see ./aide logs sqlgen");
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(BenchException.FAILED, "interrupted");
        } finally {
            closeQuietly(events);
            reader.shutdownNow();
        }
    }

    private JsonNode awaitTerminal(String id, long deadline) {
        while (true) {
            JsonNode hashmap = client.get("/api/v1/generations/" + id);
            String status = hashmap == null ? "" : hashmap.path("status").asText();
            if (TERMINAL.contains(status)) {
                return hashmap;
            }
            waitOrGiveUp(deadline, "generation " + id + " to complete (status '" + status + "')");
        }
    }

    private static Generation read(String id, JsonNode hashmap, double wallMillis, Double sqlgenCpuMillis) {
        String status = hashmap.path("status").asText();
        if (!status.equals("completed")) {
            throw new BenchException(BenchException.FAILED, "generation " + id + " ended " + status + ": "
                    + hashmap.path("error"));
        }
        JsonNode timings = hashmap.path("timings");
        if (!timings.has("compileMillis")) {
            throw new BenchException(BenchException.STACK_DOWN, "generation " + id + " completed but its hashmap has no "
                    + "timings.compileMillis: the running sqlgen-service predates the timings; rebuild and restart it "
                    + "(./aide down && ./aide up).");
        }
        int rows = 0;
        for (JsonNode layer : hashmap.path("layers")) {
            rows += layer.path("mapping_rows").asInt();
        }
        JsonNode metadata = hashmap.path("metadata");
        return new Generation(id, timings.path("compileMillis").asDouble(), timings.path("compileStageMillis").asDouble(),
                wallMillis, sqlgenCpuMillis, rows, metadata.path("targets").size(), metadata.path("total_blocks").asInt(),
                hashmap.path("columnsNeedingAttention").asInt(), hashmap.path("dataSourceId").asText(null));
    }

    private static String describe(Generation g) {
        return String.format(Locale.ROOT, "%s: compile %.1f ms, compile stage %.1f ms, request -> completed %.0f ms, "
                        + "sqlgen-service CPU %s", g.generationId(), g.compileMillis(), g.compileStageMillis(), g.wallMillis(),
                g.sqlgenCpuMillis() == null ? "unknown" : String.format(Locale.ROOT, "%.0f ms", g.sqlgenCpuMillis()));
    }

    private long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
    }

    private void waitOrGiveUp(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new BenchException(BenchException.FAILED, "gave up after " + options.timeoutSeconds()
                    + " s waiting for " + what + " (--timeout SECONDS to wait longer)");
        }
        GatewayClient.pause(POLL);
    }

    private static String required(JsonNode answer, String field, String call) {
        String value = answer.path(field).asText("");
        if (value.isEmpty()) {
            throw new BenchException(BenchException.FAILED, call + " answered without '" + field + "': " + answer);
        }
        return value;
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the stream is abandoned either way
        }
    }
}
