package io.aide.spark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aide.spark.CheckResult;
import io.aide.spark.PysparkChecker;
import io.aide.spark.RunnerConfig;
import io.aide.spark.SparkRunnerServer;
import io.aide.spark.SparkSqlChecker;
import org.apache.spark.sql.classic.SparkSession;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Warm-runner latency: a 20-column layer over a generated CSV sample, sent over HTTP the way the
 * validator sends it. Args: {@code [rows=100000] [runs=10] [master=local[*]]}.
 */
public final class SparkRunnerBench {

    private SparkRunnerBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String master = args.length > 2 ? args[2] : "local[*]";
        Path dir = Files.createTempDirectory("aide-spark-bench");
        Path csv = writeSample(dir.resolve("orders.csv"), rows);

        long startBegin = System.nanoTime();
        RunnerConfig config = RunnerConfig.from(new String[]{"--port", "0", "--master", master}, Map.of());
        SparkSession session = SparkSqlChecker.createSession(config);
        session.sql("SELECT 1").collectAsList();
        ObjectMapper json = SparkRunnerServer.mapper();
        SparkSqlChecker sql = new SparkSqlChecker(session, config);
        SparkRunnerServer server = new SparkRunnerServer(config, sql,
                new PysparkChecker(config, session.version(), json, "http://127.0.0.1:9/"), json, () -> { });
        server.start();
        long startMillis = (System.nanoTime() - startBegin) / 1_000_000;

        StringJoiner select = new StringJoiner(", ");
        select.add("o.order_id").add("upper(o.customer) AS customer_name").add("o.amount * 1.2 AS amount_gross");
        for (int c = 1; c <= 17; c++) {
            select.add("coalesce(o.attr_" + c + ", 'n/a') AS attribute_" + c);
        }
        String query = "SELECT " + select + " FROM sales.orders o WHERE o.amount > 0";
        String body = json.writeValueAsString(Map.of("sql", query, "tables", Map.of("sales.orders", csv.toString()),
                "sampleRows", 20));

        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/sql");
        List<Long> millis = new ArrayList<>();
        List<Long> cpuMillis = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        CheckResult last = null;
        for (int i = 0; i <= runs; i++) {
            long cpuBegin = os.getProcessCpuTime();
            long begin = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long took = (System.nanoTime() - begin) / 1_000_000;
            last = json.readValue(response.body(), CheckResult.class);
            if (i > 0) {
                millis.add(took);
                cpuMillis.add((os.getProcessCpuTime() - cpuBegin) / 1_000_000);
            } else {
                System.out.printf("first request (cold caches): %d ms, status %s%n", took, last.status());
            }
        }
        Collections.sort(millis);
        Collections.sort(cpuMillis);
        System.out.printf("spark %s master %s, %d rows x 20 columns, runner start %d ms%n",
                session.version(), master, rows, startMillis);
        System.out.printf("warm requests: %d, median %d ms, p90 %d ms, max %d ms, last status %s (%d rows)%n",
                millis.size(), millis.get(millis.size() / 2), millis.get((int) Math.floor(millis.size() * 0.9) - 1),
                millis.get(millis.size() - 1), last.status(), last.rowCount());
        // CPU time is what a warm check costs regardless of how busy the machine is
        System.out.printf("cpu per warm request (whole JVM, all threads): median %d ms, max %d ms; load average %.1f on %d cpus%n",
                cpuMillis.get(cpuMillis.size() / 2), cpuMillis.get(cpuMillis.size() - 1), os.getSystemLoadAverage(),
                os.getAvailableProcessors());
        server.close();
        sql.close();
        session.stop();
        System.exit(0);
    }

    private static Path writeSample(Path file, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            StringJoiner header = new StringJoiner(",");
            header.add("order_id").add("customer").add("amount");
            for (int c = 1; c <= 17; c++) {
                header.add("attr_" + c);
            }
            out.write(header + "\n");
            for (int r = 1; r <= rows; r++) {
                StringBuilder line = new StringBuilder();
                line.append(r).append(",customer_").append(r % 997).append(',').append((r % 500) + 0.5);
                for (int c = 1; c <= 17; c++) {
                    line.append(',');
                    if ((r + c) % 13 != 0) {
                        line.append("v").append((r * c) % 101);
                    }
                }
                out.write(line.append('\n').toString());
            }
        }
        return file;
    }
}
