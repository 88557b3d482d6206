package io.aide.validator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Limits of a validation run. */
@ConfigMapping(prefix = "aide.validator")
public interface ValidatorConfig {
    /** DuckDB memory_limit of each sandbox. */
    @WithDefault("512MB")
    String memoryLimit();

    /** DuckDB threads of each sandbox. */
    @WithDefault("2")
    int threads();

    /** A statement running longer on the sample is cancelled (sandbox:timeout). */
    @WithDefault("10s")
    Duration statementTimeout();

    /** Rows made up per source table when the data source has no sample. */
    @WithDefault("20")
    int synthesizedRows();

    /** Rows read per table from a registered database without sample files (document-service samples them). */
    @WithDefault("1000")
    int databaseSampleRows();

    /** Sample files larger than this together are refused (sample:too_large). */
    @WithDefault("268435456")
    long maxSampleBytes();

    /** Spark SQL and PySpark checks through the Spark runner JVM; when false they are reported as skipped. */
    @WithDefault("true")
    boolean sparkEnabled();

    /**
     * Spark master of the runner's application: local[*] (Spark inside the runner JVM), spark://host:port (a
     * standalone cluster; ./aide starts one per environment), k8s://https://... (AIDE_SPARK_MASTER).
     */
    @WithDefault("local[*]")
    String sparkMaster();

    /** Spark settings of the runner's application, {@code spark.key=value} separated by spaces (AIDE_SPARK_CONF). */
    Optional<String> sparkConf();

    /** A query on a sample run by Spark ({@code engine: spark}) running longer is cancelled. */
    @WithDefault("30s")
    Duration sparkQueryTimeout();

    /**
     * How long a query with {@code engine: spark} waits for a Spark runner that is still starting before it answers
     * 503 {@code unavailable:spark_starting} (the runner goes on starting). With the Spark query timeout it stays
     * under the callers' timeout (ai-hub: 60 s).
     */
    @WithDefault("20s")
    Duration sparkQueryStartWait();

    /** document-service, asked for the schema snapshot of a registered database that has no sample files. */
    @WithDefault("http://127.0.0.1:8081")
    String documentUrl();

    /** Start the Spark runner at service start so the first request finds it warm. */
    @WithDefault("false")
    boolean sparkWarmUp();

    /** Rows a query on a sample (POST /internal/v1/queries) returns when the caller names no limit. */
    @WithDefault("100")
    int queryDefaultRows();

    /** The most rows a query on a sample may return; a larger limit is refused (query:limit). */
    @WithDefault("1000")
    int queryMaxRows();

    /** A query on a sample running longer is cancelled (sandbox:timeout). */
    @WithDefault("5s")
    Duration queryTimeout();

    /** Queries on samples running at once; more wait up to the query timeout, then answer 503. */
    @WithDefault("2")
    int queryConcurrency();

    /**
     * JDBC URL of the sandbox database where {@code engine: postgres} queries run (the platform's PostgreSQL; the
     * scripts create database {@code aide_sandbox} and its role).
     */
    @WithDefault("jdbc:postgresql://127.0.0.1:55432/aide_sandbox")
    String postgresSandboxUrl();

    /** The sandbox's role: it may connect to the sandbox database and create temporary tables, nothing else. */
    @WithDefault("aide_sandbox")
    String postgresSandboxUser();

    /** The sandbox role's password. */
    @WithDefault("aide_sandbox")
    String postgresSandboxPassword();
}
