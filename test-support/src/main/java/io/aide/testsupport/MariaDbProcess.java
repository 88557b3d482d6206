package io.aide.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB server (Debian package mariadb-server) run as a plain process on a free port with its own
 * datadir in a temporary directory, set up with the {@code mariadb} client over its socket, so a test needs no
 * MariaDB driver of its own. {@link #close()} stops it and deletes the directory.
 */
public final class MariaDbProcess implements AutoCloseable {
    private static final List<String> BINARIES = List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db",
            "/usr/bin/mariadb");

    private final Path dir;
    private final int port;
    private final Process process;

    private MariaDbProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** A fresh server with an empty datadir and a root user without password; returns once it answers. */
    public static MariaDbProcess start() throws Exception {
        for (String binary : BINARIES) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: install the Debian package mariadb-server"
                        + " (apt-get install mariadb-server) to run the tests on a MariaDB database");
            }
        }
        Path dir = Files.createTempDirectory("aide-mariadb-");
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

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A JDBC URL of {@code database} in the MariaDB driver's own form, {@code jdbc:mariadb://...}. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** The same database as MySQL clients name it, {@code jdbc:mysql://...}. */
    public String mysqlJdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs SQL statements as root through the server's socket; a failing statement throws. */
    public void sql(String statements) throws IOException, InterruptedException {
        run(List.of("mariadb", "--no-defaults", "--socket=" + dir.resolve("mysqld.sock"), "--user=root"),
                dir.resolve("client.log"), statements);
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        IllegalStateException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                sql("SELECT 1;");
                return;
            } catch (IllegalStateException notYet) {
                last = notYet;
                // the server opens its socket a moment after start; ask it again
                process.waitFor(300, TimeUnit.MILLISECONDS);
            }
        }
        close();
        throw new IllegalStateException("mariadbd did not accept connections on port " + port, last);
    }

    private static void run(List<String> command, Path log, String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
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
