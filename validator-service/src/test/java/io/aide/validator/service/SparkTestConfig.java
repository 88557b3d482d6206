package io.aide.validator.service;

import io.aide.validator.config.ValidatorConfig;

import java.time.Duration;
import java.util.Optional;

/** A validator configuration for tests that build the Spark checks by hand: Spark on, no warm-up, small limits. */
public final class SparkTestConfig {
    private SparkTestConfig() {
    }

    public static ValidatorConfig sparkOn() {
        return new ValidatorConfig() {
            public String memoryLimit() {
                return "256MB";
            }

            public int threads() {
                return 1;
            }

            public Duration statementTimeout() {
                return Duration.ofSeconds(10);
            }

            public int synthesizedRows() {
                return 20;
            }

            public int databaseSampleRows() {
                return 1000;
            }

            public long maxSampleBytes() {
                return 1 << 20;
            }

            public boolean sparkEnabled() {
                return true;
            }

            public String documentUrl() {
                return "http://127.0.0.1:8081";
            }

            public boolean sparkWarmUp() {
                return false;
            }

            public int queryDefaultRows() {
                return 100;
            }

            public int queryMaxRows() {
                return 1000;
            }

            public Duration queryTimeout() {
                return Duration.ofSeconds(5);
            }

            public int queryConcurrency() {
                return 1;
            }

            public String sparkMaster() {
                return "local[2]";
            }

            public Optional<String> sparkConf() {
                return Optional.empty();
            }

            public Duration sparkQueryTimeout() {
                return Duration.ofSeconds(30);
            }

            public Duration sparkQueryStartWait() {
                return Duration.ofSeconds(20);
            }

            public String postgresSandboxUrl() {
                return io.aide.testsupport.Infra.pgSandboxJdbcUrl();
            }

            public String postgresSandboxUser() {
                return "aide_sandbox";
            }

            public String postgresSandboxPassword() {
                return "aide_sandbox";
            }
        };
    }
}
