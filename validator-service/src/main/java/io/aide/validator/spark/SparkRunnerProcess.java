package io.aide.validator.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The Spark runner JVM, started on first use and kept warm. When it dies or stops answering it is
 * replaced by a fresh one and the crash is handed to the registered listeners.
 */
public final class SparkRunnerProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SparkRunnerProcess.class.getName());
    private static final String READY_PREFIX = "AIDE_SPARK_RUNNER_READY port=";
    private static final int STDERR_LINES_KEPT = 40;

    private final SparkRunnerSettings settings;
    private final List<Consumer<RunnerCrash>> crashListeners = new CopyOnWriteArrayList<>();
    private Instance current;
    private boolean closed;

    /** A crash or hang of the runner JVM, as reported to the validation that hit it. */
    public record RunnerCrash(long pid, Integer exitCode, String reason, List<String> lastStderr) {
        public String describe() {
            String last = lastStderr.isEmpty() ? "" : " Last output: " + lastStderr.get(lastStderr.size() - 1);
            return "The Spark runner (pid " + pid + ") " + reason
                    + (exitCode == null ? "" : " with exit code " + exitCode)
                    + "; a new runner is starting, run the check again." + last;
        }
    }

    /** The address of a started runner; the instance tells a stale endpoint from the current one. */
    public record Endpoint(URI baseUri, long pid) {
    }

    /** The runner could not be started (not built, or it died during start-up). */
    public static final class RunnerUnavailableException extends Exception {
        public RunnerUnavailableException(String message) {
            super(message);
        }
    }

    private static final class Instance {
        final Process process;
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Deque<String> stderr = new ArrayDeque<>();
        final long launchedNanos = System.nanoTime();

        Instance(Process process) {
            this.process = process;
        }

        synchronized void remember(String line) {
            if (stderr.size() == STDERR_LINES_KEPT) {
                stderr.removeFirst();
            }
            stderr.addLast(line);
        }

        synchronized List<String> lastLines() {
            return List.copyOf(stderr);
        }
    }

    public SparkRunnerProcess(SparkRunnerSettings settings) {
        this.settings = settings;
    }

    public SparkRunnerSettings settings() {
        return settings;
    }

    public void onCrash(Consumer<RunnerCrash> listener) {
        crashListeners.add(listener);
    }

    /** Starts the runner now instead of on the first check (so the first check is warm). */
    public CompletableFuture<Endpoint> warmUp() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return endpoint();
            } catch (RunnerUnavailableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** The current runner process, launched (not waited for) if none runs. */
    private synchronized Instance running() throws RunnerUnavailableException {
        if (closed) {
            throw new RunnerUnavailableException("The Spark runner is shut down.");
        }
        if (current == null) {
            current = launch();
        }
        return current;
    }

    /** The running runner, started (and waited for) if none runs. */
    public Endpoint endpoint() throws RunnerUnavailableException {
        Instance instance = running();
        try {
            int port = instance.port.get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Endpoint(URI.create("http://127.0.0.1:" + port), instance.process.pid());
        } catch (TimeoutException e) {
            discard(instance);
            throw new RunnerUnavailableException("The Spark runner did not start within "
                    + settings.startTimeout().toSeconds() + " s." + tail(instance));
        } catch (ExecutionException e) {
            discard(instance);
            throw new RunnerUnavailableException(e.getCause().getMessage() + tail(instance));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerUnavailableException("Interrupted while waiting for the Spark runner.");
        }
    }

    /**
     * Whether the runner is up within {@code wait}, starting it if none runs. False while it is still starting: it
     * goes on starting in the background (a caller that cannot wait answers "starting" and is asked again later).
     * A start that failed, or that is past the start timeout, throws as {@link #endpoint()} does.
     */
    public boolean awaitStarted(java.time.Duration wait) throws RunnerUnavailableException {
        Instance instance = running();
        long startingMillis = (System.nanoTime() - instance.launchedNanos) / 1_000_000;
        long left = settings.startTimeout().toMillis() - startingMillis;
        if (!instance.port.isDone()) {
            try {
                instance.port.get(Math.max(0, Math.min(wait.toMillis(), left)), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (wait.toMillis() < left) {
                    return false;
                }
                discard(instance);
                throw new RunnerUnavailableException("The Spark runner did not start within "
                        + settings.startTimeout().toSeconds() + " s." + tail(instance));
            } catch (ExecutionException e) {
                // endpoint() below reports the failed start
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunnerUnavailableException("Interrupted while waiting for the Spark runner.");
            }
        }
        endpoint();
        return true;
    }

    /** How long the current runner has been starting or running, zero when none runs. */
    public synchronized java.time.Duration age() {
        return current == null ? java.time.Duration.ZERO
                : java.time.Duration.ofNanos(System.nanoTime() - current.launchedNanos);
    }

    /** The runner process that is current right now, if any (for health reports and tests). */
    public synchronized Optional<ProcessHandle> currentProcess() {
        return current == null ? Optional.empty() : Optional.of(current.process.toHandle());
    }

    /**
     * Called when a request to {@code endpoint} failed at the transport level. Returns the crash
     * when the runner died or must be replaced, empty when a newer runner already took over.
     */
    public Optional<RunnerCrash> reportFailure(Endpoint endpoint, boolean stoppedAnswering) {
        Instance failed;
        synchronized (this) {
            if (current == null || current.process.pid() != endpoint.pid()) {
                return Optional.empty();
            }
            failed = current;
            current = null;
        }
        Process process = failed.process;
        boolean exited = waitForExit(process, stoppedAnswering ? 0 : 2);
        String reason;
        Integer exitCode = null;
        if (exited) {
            exitCode = process.exitValue();
            reason = "crashed";
        } else {
            reason = stoppedAnswering ? "stopped answering and was killed" : "dropped the connection and was killed";
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        RunnerCrash crash = new RunnerCrash(process.pid(), exitCode, reason, failed.lastLines());
        LOG.log(System.Logger.Level.WARNING, crash.describe());
        for (Consumer<RunnerCrash> listener : crashListeners) {
            try {
                listener.accept(crash);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A runner crash listener failed: " + e);
            }
        }
        restartInBackground();
        return Optional.of(crash);
    }

    private void restartInBackground() {
        synchronized (this) {
            if (closed || current != null) {
                return;
            }
            try {
                current = launch();
            } catch (RunnerUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "The Spark runner could not be restarted: " + e.getMessage());
            }
        }
    }

    private Instance launch() throws RunnerUnavailableException {
        String missing = settings.missingBuild();
        if (missing != null) {
            throw new RunnerUnavailableException(missing);
        }
        String classpath;
        try {
            classpath = settings.classesDir().toAbsolutePath() + java.io.File.pathSeparator
                    + Files.readString(settings.classpathFile()).strip();
        } catch (IOException e) {
            throw new RunnerUnavailableException("Cannot read " + settings.classpathFile() + ": " + e.getMessage());
        }
        List<String> command = new ArrayList<>();
        command.add(settings.javaCommand());
        command.add("-Xmx" + settings.heap());
        command.addAll(SparkRunnerSettings.SPARK_JVM_OPENS);
        command.addAll(settings.extraJvmArgs());
        if (settings.clusterMaster() && settings.extraJvmArgs().stream().noneMatch(f -> f.startsWith("-Dspark.jars="))) {
            // the driver serves the runner's classes to the cluster's executors, wherever they run
            settings.runnerJar().ifPresent(jar -> command.add("-Dspark.jars=" + jar.toAbsolutePath()));
        }
        command.add("-cp");
        command.add(classpath);
        command.add("io.aide.spark.SparkRunnerMain");
        command.addAll(List.of("--port", "0", "--master", settings.master(), "--exit-on-stdin-eof", "true",
                "--timeout", Long.toString(settings.requestTimeout().toSeconds())));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new RunnerUnavailableException("Cannot start the Spark runner with " + settings.javaCommand()
                    + ": " + e.getMessage());
        }
        LOG.log(System.Logger.Level.INFO, "Starting Spark runner pid " + process.pid() + " master " + settings.master());
        Instance instance = new Instance(process);
        follow(process.getInputStream(), "spark-runner-out-" + process.pid(), line -> {
            if (line.startsWith(READY_PREFIX)) {
                String port = line.substring(READY_PREFIX.length()).split("\\s+")[0];
                instance.port.complete(Integer.parseInt(port));
                LOG.log(System.Logger.Level.INFO, "Spark runner pid " + process.pid() + " ready on port " + port);
            }
        });
        follow(process.getErrorStream(), "spark-runner-err-" + process.pid(), instance::remember);
        process.onExit().thenAccept(p -> instance.port.completeExceptionally(new IllegalStateException(
                "The Spark runner exited during start-up with code " + p.exitValue() + ".")));
        return instance;
    }

    private static void follow(InputStream stream, String threadName, Consumer<String> onLine) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException ignored) {
                // the process is gone; its exit is handled elsewhere
            }
        }, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void discard(Instance instance) {
        synchronized (this) {
            if (current == instance) {
                current = null;
            }
        }
        instance.process.destroyForcibly();
    }

    private static boolean waitForExit(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static String tail(Instance instance) {
        List<String> lines = instance.lastLines();
        return lines.isEmpty() ? "" : " Last output: " + String.join(" | ",
                lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    @Override
    public void close() {
        Instance instance;
        synchronized (this) {
            closed = true;
            instance = current;
            current = null;
        }
        if (instance != null) {
            Process process = instance.process;
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // closing our end of stdin is how the runner learns to stop
            }
            if (!waitForExit(process, 10)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
