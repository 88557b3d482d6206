package io.aide.validator.service;

import io.aide.validator.config.ValidatorConfig;
import io.aide.validator.spark.SparkRunnerClient;
import io.aide.validator.spark.SparkRunnerProcess;
import io.aide.validator.spark.SparkRunnerSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.ManagementInterface;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The validator's one warm Spark runner JVM, shared by the Spark checks of a validation and by queries on a sample run
 * with {@code engine: spark}. It starts on first use (or at service start with spark-warm-up) as the driver of one
 * application on the configured master: local[*], or a cluster such as the environment's standalone one.
 */
@ApplicationScoped
public class SparkRunner {
    private static final Logger LOG = Logger.getLogger(SparkRunner.class);

    private final ValidatorConfig config;
    private final SparkRunnerSettings settings;
    private SparkRunnerClient client;

    @Inject
    public SparkRunner(ValidatorConfig config) {
        this(config, SparkRunnerSettings.fromEnvironment(System.getenv()).withMaster(config.sparkMaster())
                .withSparkConf(config.sparkConf().orElse(null)));
    }

    public SparkRunner(ValidatorConfig config, SparkRunnerSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.sparkEnabled() && config.sparkWarmUp()) {
            client().runner().warmUp();
        }
    }

    /**
     * {@code POST /q/spark/warm-up} on the management interface (loopback, no token: it only starts now what the first
     * Spark request would start): 202 {@code {"runner": "starting" | "running"}}, 409 when Spark is off. {@code ./aide
     * up} calls it once the services are ready, so the first Spark query of a session does not meet a cold runner.
     */
    void onManagement(@Observes ManagementInterface management) {
        management.router().post("/q/spark/warm-up").handler(rc -> {
            rc.response().putHeader("Content-Type", "application/json");
            if (!config.sparkEnabled()) {
                rc.response().setStatusCode(409).end("{\"runner\": \"disabled\", \"detail\": \"Spark is turned off on "
                        + "this validator (AIDE_VALIDATOR_SPARK_ENABLED=false).\"}");
                return;
            }
            boolean running = client().runner().currentProcess().isPresent();
            if (!running) {
                LOG.info("Spark runner warm-up requested");
                client().runner().warmUp();
            }
            rc.response().setStatusCode(202).end("{\"runner\": \"" + (running ? "running" : "starting") + "\"}");
        });
    }

    public boolean enabled() {
        return config.sparkEnabled();
    }

    public SparkRunnerSettings settings() {
        return settings;
    }

    /** The client of the runner; the runner JVM itself starts with the first request. */
    public synchronized SparkRunnerClient client() {
        if (client == null) {
            SparkRunnerProcess process = new SparkRunnerProcess(settings);
            process.onCrash(crash -> LOG.warnf("Spark runner crashed and will be restarted: %s", crash.describe()));
            client = new SparkRunnerClient(process);
        }
        return client;
    }

    /** Whether a runner was asked for yet; never starts one. */
    public synchronized boolean started() {
        return client != null;
    }

    @PreDestroy
    public synchronized void stop() {
        if (client != null) {
            client.close();
        }
    }
}
