package io.aide.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.classic.SparkSession;

import java.io.IOException;
import java.io.InputStream;

/**
 * Starts one warm SparkSession and serves checks over HTTP until told to stop. Prints
 * {@value RunnerConfig#READY_PREFIX}{@code <port>} on stdout once the session answers.
 */
public final class SparkRunnerMain {

    private SparkRunnerMain() {
    }

    public static void main(String[] args) throws IOException {
        RunnerConfig config = RunnerConfig.from(args, System.getenv());
        String unreachable = MasterProbe.unreachable(config, 5_000);
        if (unreachable != null) {
            // without this Spark retries the registration for a minute before giving up
            System.err.println(unreachable);
            System.exit(3);
        }
        SparkSession session = SparkSqlChecker.createSession(config);
        // the first query pays for code generation and class loading, not the user's first request
        session.sql("SELECT 1 AS warm").collectAsList();
        ObjectMapper json = SparkRunnerServer.mapper();
        SparkSqlChecker sql = new SparkSqlChecker(session, config);
        PysparkChecker pyspark = new PysparkChecker(config, session.version(), json,
                PysparkChecker.defaultIndexUrl(System.getenv()));
        Runnable stop = () -> {
            sql.close();
            session.stop();
            System.exit(0);
        };
        SparkRunnerServer server = new SparkRunnerServer(config, sql, pyspark, json, stop);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "spark-runner-close"));
        if (config.exitOnStdinEof()) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() >= 0) {
                        // the launcher never writes; EOF means it is gone
                    }
                } catch (IOException ignored) {
                    // same as EOF
                }
                stop.run();
            }, "spark-runner-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        System.out.println(RunnerConfig.READY_PREFIX + server.port() + " spark=" + session.version()
                + " master=" + config.master());
        System.out.flush();
    }
}
