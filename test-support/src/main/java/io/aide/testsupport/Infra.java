package io.aide.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Endpoints of the running test environment ({@code ./aide infra up --env test}).
 * Each value comes from the system property or environment variable of the same name
 * (AIDE_PG_PORT, AIDE_KAFKA_BOOTSTRAP, ...), system property first, and defaults to the test ports,
 * shifted by AIDE_PORT_OFFSET as {@code ./aide} shifts them (so a second checkout's tests never reach the first's).
 */
public final class Infra {

    public static final String TEST_CLIENT_ID = "aide-cli";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Infra() {
    }

    /** The configured value of an AIDE_* setting: system property, then environment variable, then the default. */
    public static String setting(String name, String testDefault) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? testDefault : value.trim();
    }

    /** A test-environment port shifted by AIDE_PORT_OFFSET (0 when unset). */
    static int testPort(int port) {
        String offset = setting("AIDE_PORT_OFFSET", "0");
        try {
            return port + Integer.parseInt(offset);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("AIDE_PORT_OFFSET must be a number, got '" + offset + "'", e);
        }
    }

    public static String pgHost() {
        return setting("AIDE_PG_HOST", "127.0.0.1");
    }

    public static int pgPort() {
        return Integer.parseInt(setting("AIDE_PG_PORT", String.valueOf(testPort(55532))));
    }

    public static String pgDatabase() {
        return setting("AIDE_PG_DB", "aide");
    }

    public static String pgUser() {
        return setting("AIDE_PG_USER", "aide");
    }

    public static String pgPassword() {
        return setting("AIDE_PG_PASSWORD", "aide");
    }

    /** JDBC URL of the aide database without a schema (the role's default search path). */
    public static String pgJdbcUrl() {
        return "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + pgDatabase();
    }

    /** JDBC URL whose connections use {@code schema} as the current schema. */
    public static String pgJdbcUrl(String schema) {
        if (schema == null || schema.isBlank()) {
            return pgJdbcUrl();
        }
        return pgJdbcUrl() + "?currentSchema=" + URLEncoder.encode(schema, StandardCharsets.UTF_8);
    }

    /** JDBC URL of the sandbox database the validator runs {@code engine: postgres} queries in ({@code ./aide} creates it). */
    public static String pgSandboxJdbcUrl() {
        return "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + setting("AIDE_PG_SANDBOX_DB", "aide_sandbox");
    }

    public static String redisUrl() {
        return setting("AIDE_REDIS_URL", "redis://127.0.0.1:" + testPort(56479));
    }

    public static String kafkaBootstrap() {
        return setting("AIDE_KAFKA_BOOTSTRAP", "127.0.0.1:" + testPort(59192));
    }

    public static String s3Endpoint() {
        return setting("AIDE_S3_ENDPOINT", "http://127.0.0.1:" + testPort(59100));
    }

    public static String s3AccessKey() {
        return setting("AIDE_S3_ACCESS_KEY", "aide");
    }

    public static String s3SecretKey() {
        return setting("AIDE_S3_SECRET_KEY", "aide-secret-key");
    }

    public static String s3Bucket() {
        return setting("AIDE_S3_BUCKET", "aide");
    }

    public static String s3Region() {
        return setting("AIDE_S3_REGION", "us-east-1");
    }

    /** The test environment's Spark standalone master ({@code ./aide infra up --env test} starts it with one worker). */
    public static String sparkMaster() {
        String master = setting("AIDE_SPARK_MASTER", "");
        return master.startsWith("spark://") ? master : "spark://127.0.0.1:" + testPort(57177);
    }

    /** The master's web UI, whose {@code /json/} lists its workers and applications. */
    public static String sparkMasterWebUrl() {
        return setting("AIDE_SPARK_MASTER_WEB_URL", "http://127.0.0.1:" + testPort(57180));
    }

    /** Spark settings of one application on that cluster (one core, 512 MB executors), as ./aide exports them. */
    public static String sparkConf() {
        return setting("AIDE_SPARK_CONF", "spark.cores.max=1 spark.executor.memory=512m spark.executor.cores=1 "
                + "spark.task.maxFailures=1");
    }

    /** Issuer URL of the realm aide, e.g. http://127.0.0.1:58280/realms/aide. */
    public static String oidcUrl() {
        return setting("AIDE_OIDC_URL", "http://127.0.0.1:" + testPort(58280) + "/realms/aide");
    }

    public static String tokenUrl() {
        return oidcUrl() + "/protocol/openid-connect/token";
    }

    /** The gateway of the test stack started by {@code ./aide test}. */
    public static String gatewayUrl() {
        return setting("AIDE_GATEWAY_URL", "http://127.0.0.1:" + testPort(18080));
    }

    /**
     * An access token of a realm user (password grant, client aide-cli), e.g. {@code token("alice", "alice")}
     * for tenant acme or {@code token("bob", "bob")} for tenant globex.
     */
    public static String token(String user, String password) {
        String form = "grant_type=password&client_id=" + TEST_CLIENT_ID
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl()))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + tokenUrl() + " is not reachable (" + e.getMessage()
                    + "); start it with ./aide infra up --env test", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token for " + user, e);
        }
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("Keycloak refused a token for user '" + user + "' at " + tokenUrl()
                    + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }

    /** The JSON payload of a JWT (no signature check), for asserting on claims such as {@code tenant}. */
    public static String tokenPayload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT: " + jwt);
        }
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    /** A string claim of a JWT, or null when absent. */
    public static String tokenClaim(String jwt, String claim) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(claim) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(tokenPayload(jwt));
        return matcher.find() ? matcher.group(1) : null;
    }
}
