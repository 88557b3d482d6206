package io.aide.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the test environment runs: probes every endpoint of {@link Infra} and, when one does not answer,
 * runs {@code <repo>/aide infra up --env test} once per JVM (the script is idempotent and locks against
 * concurrent callers, so several test JVMs may race safely).
 */
public final class AideTestEnvironment {

    private static final int PROBE_TIMEOUT_MS = 700;
    private static final long START_TIMEOUT_MINUTES = 10;

    private static boolean verified;

    private AideTestEnvironment() {
    }

    /** Returns once every endpoint answers; starts the local test environment when needed. */
    public static synchronized void ensureRunning() {
        if (verified) {
            return;
        }
        List<String> down = unreachableEndpoints();
        if (!down.isEmpty()) {
            List<String> remote = down.stream().filter(e -> !isLocal(e)).toList();
            if (!remote.isEmpty()) {
                throw new IllegalStateException("test infrastructure not reachable: " + remote
                        + " (AIDE_* variables point to another host, so ./aide cannot start it)");
            }
            startWithScript(down);
            List<String> stillDown = unreachableEndpoints();
            if (!stillDown.isEmpty()) {
                throw new IllegalStateException("./aide infra up --env test finished but these endpoints do not answer: "
                        + stillDown + "; see " + logDir());
            }
        }
        verified = true;
    }

    /** The checkout root: the nearest directory above user.dir (or AIDE_ROOT) holding the ./aide script. */
    public static Path repositoryRoot() {
        String configured = Infra.setting("AIDE_ROOT", "");
        if (!configured.isEmpty() && Files.isRegularFile(Paths.get(configured, "aide"))) {
            return Paths.get(configured).toAbsolutePath();
        }
        return findRoot(Paths.get(System.getProperty("user.dir")));
    }

    static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("aide")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no ./aide script found in " + start.toAbsolutePath()
                + " or above; run the tests inside the AIDE checkout or set AIDE_ROOT");
    }

    static List<String> unreachableEndpoints() {
        List<String> down = new ArrayList<>();
        URI redis = URI.create(Infra.redisUrl());
        String kafka = Infra.kafkaBootstrap().split(",")[0].trim();
        URI s3 = URI.create(Infra.s3Endpoint());
        probeTcp(down, "postgres", Infra.pgHost(), Infra.pgPort());
        probeTcp(down, "redis", redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
        probeTcp(down, "kafka", kafka.substring(0, kafka.lastIndexOf(':')), Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1)));
        probeTcp(down, "s3", s3.getHost(), s3.getPort() < 0 ? 80 : s3.getPort());
        if (!"0".equals(Infra.setting("AIDE_SPARK_CLUSTER", "1"))) {
            URI spark = URI.create(Infra.sparkMaster().replaceFirst("^spark://([^,]+).*$", "http://$1"));
            probeTcp(down, "spark", spark.getHost(), spark.getPort());
        }
        if (!httpOk(Infra.oidcUrl() + "/.well-known/openid-configuration")) {
            URI oidc = URI.create(Infra.oidcUrl());
            down.add("keycloak " + oidc.getHost() + ":" + oidc.getPort());
        }
        return down;
    }

    private static void probeTcp(List<String> down, String name, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MS);
        } catch (IOException e) {
            down.add(name + " " + host + ":" + port);
        }
    }

    private static boolean httpOk(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(PROBE_TIMEOUT_MS);
            connection.setReadTimeout(3000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLocal(String endpoint) {
        String host = endpoint.substring(endpoint.indexOf(' ') + 1, endpoint.lastIndexOf(':'));
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    private static Path logDir() {
        return repositoryRoot().resolve(".aide/test/logs");
    }

    private static void startWithScript(List<String> down) {
        Path root = repositoryRoot();
        Path log = root.resolve(".aide/test-infra-up.log");
        System.err.println("[aide] test infrastructure not running (" + String.join(", ", down)
                + "); starting it with ./aide infra up --env test, output in " + log);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(root.resolve("aide").toString(), "infra", "up", "--env", "test")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(START_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./aide infra up --env test did not finish within "
                        + START_TIMEOUT_MINUTES + " min; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./aide infra up --env test failed (exit " + process.exitValue()
                        + "); see " + log + " and the component logs in " + logDir() + "\n" + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + root.resolve("aide") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test infrastructure", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
