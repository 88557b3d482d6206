package io.aide.spark;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs PySpark code with a Python that has pyspark. Where none has it, installs the matching
 * pyspark only when pip's index answers; otherwise every request answers "unavailable" at once.
 */
public final class PysparkChecker {

    public static final String NEEDS_PYSPARK =
            "PySpark needs a Python with pyspark installed; Spark SQL still runs.";
    private static final String RESULT_MARKER = "AIDE_RESULT ";

    private final RunnerConfig config;
    private final String sparkVersion;
    private final ObjectMapper json;
    private final String indexUrl;
    private final AtomicReference<Probe> probe = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Void>> install = new AtomicReference<>();

    /** What the configured Python offers; {@code detail} says why pyspark is missing. */
    public record Probe(boolean available, String version, String detail) {
    }

    public PysparkChecker(RunnerConfig config, String sparkVersion, ObjectMapper json, String indexUrl) {
        this.config = config;
        this.sparkVersion = sparkVersion;
        this.json = json;
        this.indexUrl = indexUrl;
    }

    public static String defaultIndexUrl(Map<String, String> env) {
        String configured = env.get("PIP_INDEX_URL");
        return configured == null || configured.isBlank() ? "https://pypi.org/simple/pyspark/" : configured;
    }

    public Probe probe() {
        Probe known = probe.get();
        if (known != null) {
            return known;
        }
        Probe fresh = detect();
        probe.set(fresh);
        return fresh;
    }

    private Probe detect() {
        try {
            ProcessResult result = run(List.of(config.python(), "-c",
                    "import pyspark; print(pyspark.__version__)"), null, 20);
            if (result.exitCode == 0) {
                return new Probe(true, result.stdout.strip(), "pyspark " + result.stdout.strip());
            }
            return new Probe(false, null, config.python() + " has no pyspark module");
        } catch (IOException e) {
            return new Probe(false, null, "no Python found as '" + config.python() + "'");
        } catch (TimeoutException e) {
            return new Probe(false, null, config.python() + " did not answer within 20 s");
        }
    }

    public CheckResult check(CheckRequest request) {
        long started = System.nanoTime();
        CheckResult result = checkTimed(request);
        return result.withDuration(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private CheckResult checkTimed(CheckRequest request) {
        if (request.pyspark() == null || request.pyspark().isBlank()) {
            return CheckResult.failed("parse", "The request has no PySpark code to check.");
        }
        Probe current = probe();
        if (!current.available()) {
            return CheckResult.unavailable(NEEDS_PYSPARK + " (" + current.detail() + "; " + installState() + ")");
        }
        int timeout = request.timeoutSeconds() == null || request.timeoutSeconds() <= 0
                ? config.defaultTimeout() : request.timeoutSeconds();
        int sampleRows = Math.min(request.sampleRows() == null ? 20 : Math.max(0, request.sampleRows()),
                config.maxSampleRows());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("code", request.pyspark());
        input.put("tables", request.tables());
        input.put("sampleRows", sampleRows);
        input.put("master", config.master().startsWith("local") ? "local[2]" : config.master());
        Path script = null;
        try {
            script = Files.createTempFile("aide-pyspark-check", ".py");
            try (InputStream in = PysparkChecker.class.getResourceAsStream("/pyspark_check.py")) {
                Files.write(script, in.readAllBytes());
            }
            ProcessResult result = run(List.of(config.python(), script.toString()),
                    json.writeValueAsString(input), timeout);
            for (String line : result.stdout.split("\\R")) {
                if (line.startsWith(RESULT_MARKER)) {
                    return json.readValue(line.substring(RESULT_MARKER.length()), CheckResult.class);
                }
            }
            return CheckResult.error("execute", "PySpark exited with code " + result.exitCode
                    + " without a result: " + SparkSqlChecker.clean(tail(result.stderr)));
        } catch (TimeoutException e) {
            return CheckResult.failed("execute", "The PySpark code did not finish within " + timeout
                    + " s on the sample and was stopped.");
        } catch (IOException e) {
            return CheckResult.error("execute", "Could not run PySpark: " + e.getMessage());
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** Starts a background pip install when the index answers; never blocks a request on it. */
    private String installState() {
        CompletableFuture<Void> running = install.get();
        if (running != null) {
            return running.isDone() ? "installing pyspark " + sparkVersion + " with pip did not succeed"
                    : "pyspark " + sparkVersion + " is being installed with pip; try again in a few minutes";
        }
        if (!indexReachable()) {
            return "pip cannot reach " + indexUrl + " to install pyspark " + sparkVersion;
        }
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                ProcessResult result = run(List.of(config.python(), "-m", "pip", "install", "--quiet",
                        "pyspark==" + sparkVersion), null, 900);
                if (result.exitCode == 0) {
                    probe.set(null);
                }
            } catch (IOException | TimeoutException e) {
                // reported through installState on the next request
            }
        });
        return install.compareAndSet(null, started)
                ? "installing pyspark " + sparkVersion + " with pip in the background; try again in a few minutes"
                : "pyspark " + sparkVersion + " is being installed with pip; try again in a few minutes";
    }

    boolean indexReachable() {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(indexUrl))
                    .timeout(Duration.ofSeconds(5)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(String text) {
        String[] lines = text.strip().split("\\R");
        int from = Math.max(0, lines.length - 5);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private record ProcessResult(int exitCode, String stdout, String stderr) {
    }

    private static final class TimeoutException extends Exception {
    }

    private static ProcessResult run(List<String> command, String stdin, int timeoutSeconds)
            throws IOException, TimeoutException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the process may exit before reading its input; its exit code tells the story
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new TimeoutException();
            }
            return new ProcessResult(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
