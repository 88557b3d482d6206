package io.aide.spark;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runner settings from command-line flags ({@code --port 0}) falling back to environment variables.
 *
 * @param port           HTTP port; 0 picks a free one, printed on stdout in the ready line
 * @param bindAddress    127.0.0.1 unless the runner serves other hosts (a pod in a cluster)
 * @param master         Spark master URL: local[*], local[2], spark://host:7077, k8s://https://...
 * @param maxSampleRows  cap on result rows returned per request
 * @param defaultTimeout seconds a request may run when it names no timeout
 * @param python         the Python used for PySpark checks
 * @param exitOnStdinEof stop when the launching process goes away (its pipe to our stdin closes)
 */
public record RunnerConfig(int port, String bindAddress, String master, int maxSampleRows, int defaultTimeout,
                           String python, boolean exitOnStdinEof) {

    public static final String READY_PREFIX = "AIDE_SPARK_RUNNER_READY port=";

    public static RunnerConfig from(String[] args, Map<String, String> env) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'; flags look like --port 0");
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                flags.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                flags.put(name, args[++i]);
            } else {
                flags.put(name, "true");
            }
        }
        return new RunnerConfig(
                Integer.parseInt(pick(flags, "port", env, "AIDE_SPARK_RUNNER_PORT", "8089")),
                pick(flags, "bind", env, "AIDE_SPARK_RUNNER_BIND", "127.0.0.1"),
                pick(flags, "master", env, "AIDE_SPARK_MASTER", "local[*]"),
                Integer.parseInt(pick(flags, "max-sample-rows", env, "AIDE_SPARK_MAX_SAMPLE_ROWS", "1000")),
                Integer.parseInt(pick(flags, "timeout", env, "AIDE_SPARK_TIMEOUT_SECONDS", "120")),
                pick(flags, "python", env, "AIDE_SPARK_PYTHON", "python3"),
                Boolean.parseBoolean(pick(flags, "exit-on-stdin-eof", env, "AIDE_SPARK_EXIT_ON_STDIN_EOF", "false")));
    }

    /** The Spark standalone masters of a spark:// URL (several for a high-availability setup), else empty. */
    public List<InetSocketAddress> standaloneMasters() {
        if (!master.startsWith("spark://")) {
            return List.of();
        }
        List<InetSocketAddress> masters = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            String trimmed = hostPort.strip();
            int colon = trimmed.lastIndexOf(':');
            String host = colon < 0 ? trimmed : trimmed.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(trimmed.substring(colon + 1));
            masters.add(InetSocketAddress.createUnresolved(host, port));
        }
        return masters;
    }

    /** local[n], or a standalone master on this machine: the driver listens on 127.0.0.1 only. */
    public boolean drivesOnLoopback() {
        if (master.startsWith("local")) {
            return true;
        }
        List<InetSocketAddress> masters = standaloneMasters();
        return !masters.isEmpty() && masters.stream().map(InetSocketAddress::getHostString)
                .allMatch(h -> h.equals("127.0.0.1") || h.equals("localhost") || h.equals("::1"));
    }

    private static String pick(Map<String, String> flags, String flag, Map<String, String> env, String var,
                               String fallback) {
        String value = flags.get(flag);
        if (value == null || value.isBlank()) {
            value = env.get(var);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
