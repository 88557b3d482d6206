package io.aide.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real test environment, starting it when it is not running.
 * <pre>
 * &#64;QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
 *         initArgs = &#64;ResourceArg(name = "schema", value = "documents"))
 * </pre>
 * The init arg {@code schema} sets the current schema of the datasource URL.
 */
public class AideInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String SCHEMA_ARG = "schema";

    private String schema;

    @Override
    public void init(Map<String, String> initArgs) {
        schema = initArgs.get(SCHEMA_ARG);
    }

    @Override
    public Map<String, String> start() {
        AideTestEnvironment.ensureRunning();
        return overrides(schema);
    }

    /** The Quarkus configuration that points a service at the test environment. */
    public static Map<String, String> overrides(String schema) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", Infra.pgJdbcUrl(schema));
        config.put("quarkus.datasource.username", Infra.pgUser());
        config.put("quarkus.datasource.password", Infra.pgPassword());
        // outside the "aide" root, which document-service maps whole: only the validator's test profile reads it
        config.put("aide-test.pg-sandbox-url", Infra.pgSandboxJdbcUrl());
        config.put("quarkus.redis.hosts", Infra.redisUrl());
        config.put("kafka.bootstrap.servers", Infra.kafkaBootstrap());
        config.put("aide.s3.endpoint", Infra.s3Endpoint());
        config.put("aide.s3.access-key", Infra.s3AccessKey());
        config.put("aide.s3.secret-key", Infra.s3SecretKey());
        config.put("aide.s3.bucket", Infra.s3Bucket());
        config.put("aide.s3.region", Infra.s3Region());
        config.put("quarkus.oidc.auth-server-url", Infra.oidcUrl());
        return config;
    }

    @Override
    public void stop() {
        // the environment outlives the test: other JVMs share it and ./aide infra down stops it
    }
}
