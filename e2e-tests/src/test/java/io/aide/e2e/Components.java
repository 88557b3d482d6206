package io.aide.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One component of the stack under test taken away and brought back through ./aide (stop, kill, start), exactly as an
 * operator would: the resilience tier crashes the gateway and stops the broker with these.
 */
final class Components {
    static final Path ROOT = Path.of(System.getProperty("aide.root", ".."));
    static final String ENV = System.getProperty("aide.env", "test");

    /** SIGKILL to the component's processes: no shutdown hook, nothing flushed or committed. */
    static void kill(String component) {
        aide("kill", component);
    }

    /** A graceful stop (TERM). */
    static void stop(String component) {
        aide("stop", component);
    }

    /** Starts the component and returns once it is ready; a component already running is left as it is. */
    static void start(String component) {
        aide("start", component);
    }

    private static void aide(String verb, String component) {
        Path log;
        try {
            log = Files.createTempFile("aide-" + verb + "-" + component, ".log");
            Process process = new ProcessBuilder(List.of(ROOT.resolve("aide").toString(), verb, component, "--env", ENV))
                    .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./aide " + verb + " " + component + " did not finish in 5 minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./aide " + verb + " " + component + " --env " + ENV + " failed ("
                        + process.exitValue() + "):\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./aide in " + ROOT + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Components() {
    }
}
