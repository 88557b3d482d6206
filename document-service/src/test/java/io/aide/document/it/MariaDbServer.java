package io.aide.document.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real MariaDB server (Debian package mariadb-server) run as a plain process on a free port with its own datadir. */
final class MariaDbServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    private MariaDbServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static MariaDbServer start() throws Exception {
        requireBinary("/usr/sbin/mariadbd");
        requireBinary("/usr/bin/mariadb-install-db");
        Path dir = Files.createTempDirectory("aide-mariadb-");
        Path data = dir.resolve("data");
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("mariadbd", "--no-defaults", "--datadir=" + data,
                "--socket=" + dir.resolve("mysqld.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--user=root", "--skip-log-bin", "--pid-file=" + dir.resolve("mysqld.pid"),
                "--innodb-buffer-pool-size=32M")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        MariaDbServer server = new MariaDbServer(dir, port, process);
        server.awaitReady();
        return server;
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    Connection root() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", "root");
        props.setProperty("password", "");
        return new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://127.0.0.1:" + port + "/", props);
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited: " + Files.readString(dir.resolve("server.log")));
            }
            try (Connection c = root()) {
                return;
            } catch (SQLException e) {
                last = e;
                // the server opens its port a moment after start; poll the real endpoint
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
        close();
        throw new IllegalStateException("mariadbd did not accept connections on port " + port, last);
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    private static void requireBinary(String path) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install the Debian package mariadb-server"
                    + " (apt-get install mariadb-server) to run the MariaDB introspection test");
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
