package io.aide.cli.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@code bench generate}. {@code runs} and {@code warmup} are null when not given: the service and the
 * in-process measurement each have their own defaults.
 */
record GenerateOptions(int rows, Integer runs, Integer warmup, String dialect, Path out, boolean inProcess,
                       String gatewayUrl, String oidcUrl, String sqlgenUrl, String user, String password,
                       int timeoutSeconds) {

    static final String DEFAULT_GATEWAY = "http://127.0.0.1:8080";
    static final String DEFAULT_OIDC = "http://127.0.0.1:58180/realms/aide";
    static final String DEFAULT_SQLGEN = "http://127.0.0.1:9082";
    private static final Set<String> VALUED = Set.of("--rows", "--runs", "--warmup", "--dialect", "--out", "--timeout",
            "--gateway", "--oidc", "--sqlgen", "--user", "--password");
    static final String USAGE = """
            usage: bench generate [--rows N] [--runs N] [--warmup N] [--dialect D] [--out FILE] [--timeout SECONDS]
                                  [--gateway URL] [--oidc URL] [--sqlgen URL] [--user U --password P] [--in-process]
              measures the compile pass inside the running sqlgen-service (./aide up), then the compiler in-process
              as a reference; --in-process measures only the latter. Gateway, Keycloak realm and sqlgen-service
              (its management interface's /q/metrics, for the process CPU per generation) default to AIDE_GATEWAY_URL /
              AIDE_OIDC_URL / AIDE_SQLGEN_MANAGEMENT_URL, else %s, %s and %s.""".formatted(DEFAULT_GATEWAY, DEFAULT_OIDC, DEFAULT_SQLGEN);

    int serviceRuns() {
        return runs == null ? 15 : runs;
    }

    int serviceWarmup() {
        return warmup == null ? 10 : warmup;
    }

    int inProcessRuns() {
        return runs == null ? 15 : runs;
    }

    int inProcessWarmup() {
        return warmup == null ? 10 : warmup;
    }

    /** @throws IllegalArgumentException with the reason, when an option is unknown, lacks its value or is out of range */
    static GenerateOptions parse(String[] args, Map<String, String> env) {
        int rows = 1000;
        Integer runs = null;
        Integer warmup = null;
        String dialect = "duckdb";
        Path out = null;
        boolean inProcess = false;
        String gateway = nonBlank(env.get("AIDE_GATEWAY_URL"), DEFAULT_GATEWAY);
        String oidc = nonBlank(env.get("AIDE_OIDC_URL"), DEFAULT_OIDC);
        String sqlgen = nonBlank(env.get("AIDE_SQLGEN_MANAGEMENT_URL"), DEFAULT_SQLGEN);
        String user = "alice";
        String password = "alice";
        int timeout = 180;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--in-process")) {
                inProcess = true;
                continue;
            }
            if (!VALUED.contains(flag)) {
                throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--rows" -> rows = positive(flag, value);
                case "--runs" -> runs = positive(flag, value);
                case "--warmup" -> warmup = atLeastZero(flag, value);
                case "--dialect" -> dialect = value;
                case "--out" -> out = Path.of(value);
                case "--timeout" -> timeout = positive(flag, value);
                case "--gateway" -> gateway = value;
                case "--oidc" -> oidc = value;
                case "--sqlgen" -> sqlgen = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                default -> throw new IllegalStateException(flag);
            }
        }
        return new GenerateOptions(rows, runs, warmup, dialect, out, inProcess, strip(gateway), strip(oidc),
                strip(sqlgen), user, password, timeout);
    }

    private static int positive(String flag, String value) {
        int n = number(flag, value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
        }
        return n;
    }

    private static int atLeastZero(String flag, String value) {
        int n = number(flag, value);
        if (n < 0) {
            throw new IllegalArgumentException(flag + " must not be negative, got " + value);
        }
        return n;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
