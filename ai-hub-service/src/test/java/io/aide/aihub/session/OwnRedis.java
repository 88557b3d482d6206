package io.aide.aihub.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Redis server of one test's own (the redis-server binary the project's scripts install), on a free port with a
 * data directory of its own, so the test can stop it and start it again without touching the test environment's
 * Redis. Stopped with SHUTDOWN SAVE, it comes back with the keys it held (read from its dump file).
 */
final class OwnRedis {
    private OwnRedis() {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void start(int port, Path dir) {
        try {
            Files.createDirectories(dir);
            run("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--dir", dir.toString(), "--dbfilename", "dump.rdb", "--daemonize", "yes",
                    "--pidfile", dir.resolve("redis.pid").toString(), "--logfile", dir.resolve("redis.log").toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server on port " + port + ": " + e.getMessage()
                    + " (./aide infra up installs it)", e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> listening(port));
    }

    /** Stops the server; with {@code save} its keys are written to the dump file it reads when started again. */
    static void stop(int port, boolean save) {
        try {
            run("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port), "shutdown", save ? "save" : "nosave");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !listening(port));
    }

    /** Changes a setting of the running server ({@code CONFIG SET}). */
    static void config(int port, String name, String value) {
        try {
            run("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port), "config", "set", name, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command[0] + " did not finish in 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
