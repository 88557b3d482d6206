package io.aide.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB server (Debian package mariadb-server) run as a plain process on a free port with its own datadir,
 * set up with the {@code mariadb} client over its socket, so the suite needs no MariaDB driver of its own.
 */
final class MariaDbProcess implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    private MariaDbProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static MariaDbProcess start() throws Exception {
        for (String binary : List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/bin/mariadb")) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: install the Debian package mariadb-server");
            }
        }
        Path dir = Files.createTempDirectory("aide-e2e-mariadb-");
        Path data = dir.resolve("data");
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"), null);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("mariadbd", "--no-defaults", "--datadir=" + data,
                "--socket=" + dir.resolve("mysqld.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--user=root", "--skip-log-bin", "--pid-file=" + dir.resolve("mysqld.pid"),
                "--innodb-buffer-pool-size=32M")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        MariaDbProcess server = new MariaDbProcess(dir, port, process);
        server.awaitReady();
        return server;
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs SQL as root through the server's socket. */
    void sql(String statements) throws IOException, InterruptedException {
        run(List.of("mariadb", "--no-defaults", "--socket=" + dir.resolve("mysqld.sock"), "--user=root"),
                dir.resolve("client.log"), statements);
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                sql("SELECT 1;");
                return;
            } catch (IllegalStateException notYet) {
                // the server opens its socket a moment after start; ask it again
                process.waitFor(300, TimeUnit.MILLISECONDS);
            }
        }
        close();
        throw new IllegalStateException("mariadbd did not accept connections on port " + port);
    }

    private static void run(List<String> command, Path log, String input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p = builder.start();
        try (var in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
