package io.aide.validator.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to launch and talk to the Spark runner JVM.
 *
 * @param runnerHome     the spark-runner module directory (holds target/classes and target/classpath.txt)
 * @param master         Spark master URL: local[*], local[2], spark://host:7077, k8s://https://...
 * @param javaCommand    the java binary that starts the runner
 * @param heap           runner JVM -Xmx, e.g. 1g
 * @param startTimeout   how long a (re)start may take before it counts as failed
 * @param requestTimeout how long one check may run; the runner cancels the Spark job after this
 * @param extraJvmArgs   more runner JVM flags (e.g. -Dspark.driver.memory=2g)
 */
public record SparkRunnerSettings(Path runnerHome, String master, String javaCommand, String heap,
                                  Duration startTimeout, Duration requestTimeout, List<String> extraJvmArgs) {

    /** Spark on Java 17 reflects into these JDK packages. */
    public static final List<String> SPARK_JVM_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    public SparkRunnerSettings {
        extraJvmArgs = extraJvmArgs == null ? List.of() : List.copyOf(extraJvmArgs);
    }

    /**
     * Settings from AIDE_SPARK_RUNNER_HOME, AIDE_SPARK_MASTER, AIDE_SPARK_CONF, AIDE_SPARK_RUNNER_HEAP and
     * AIDE_SPARK_TIMEOUT_SECONDS; without AIDE_SPARK_RUNNER_HOME the spark-runner module is looked
     * for in the working directory and its parents.
     */
    public static SparkRunnerSettings fromEnvironment(Map<String, String> env) {
        String home = env.get("AIDE_SPARK_RUNNER_HOME");
        Path runnerHome = home == null || home.isBlank() ? findRunnerHome(Path.of("").toAbsolutePath()) : Path.of(home);
        return new SparkRunnerSettings(runnerHome,
                orDefault(env.get("AIDE_SPARK_MASTER"), "local[*]"),
                ProcessHandle.current().info().command().orElse("java"),
                orDefault(env.get("AIDE_SPARK_RUNNER_HEAP"), "1g"),
                Duration.ofSeconds(120),
                Duration.ofSeconds(Long.parseLong(orDefault(env.get("AIDE_SPARK_TIMEOUT_SECONDS"), "120"))),
                sparkConfFlags(env.get("AIDE_SPARK_CONF")));
    }

    /**
     * Spark settings of the runner's application as JVM flags (Spark reads {@code -Dspark.*} system properties):
     * {@code "spark.cores.max=1 spark.executor.memory=512m"} becomes {@code -Dspark.cores.max=1 -Dspark.executor.memory=512m}.
     */
    public static List<String> sparkConfFlags(String conf) {
        if (conf == null || conf.isBlank()) {
            return List.of();
        }
        List<String> flags = new java.util.ArrayList<>();
        for (String pair : conf.strip().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (!pair.startsWith("spark.") || eq < 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("AIDE_SPARK_CONF holds '" + pair + "'; write Spark settings as "
                        + "spark.key=value separated by spaces, e.g. spark.cores.max=1 spark.executor.memory=512m");
            }
            flags.add("-D" + pair);
        }
        return List.copyOf(flags);
    }

    /** The same settings with these Spark settings ({@link #sparkConfFlags}) added to the runner's JVM flags. */
    public SparkRunnerSettings withSparkConf(String conf) {
        List<String> flags = new java.util.ArrayList<>(extraJvmArgs);
        for (String flag : sparkConfFlags(conf)) {
            String key = flag.substring(0, flag.indexOf('=') + 1);
            flags.removeIf(f -> f.startsWith(key));
            flags.add(flag);
        }
        return new SparkRunnerSettings(runnerHome, master, javaCommand, heap, startTimeout, requestTimeout, flags);
    }

    /** Whether the runner's executors run in other JVMs (a cluster) rather than inside the runner (local[n]). */
    public boolean clusterMaster() {
        return !master.startsWith("local");
    }

    /** The runner's own jar (target/spark-runner-*.jar), shipped to a cluster's executors; empty when not packaged. */
    public java.util.Optional<Path> runnerJar() {
        Path target = runnerHome.resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith("spark-runner-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                        && !name.endsWith("-tests.jar");
            }).sorted().findFirst();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    public SparkRunnerSettings withMaster(String newMaster) {
        return new SparkRunnerSettings(runnerHome, newMaster, javaCommand, heap, startTimeout, requestTimeout,
                extraJvmArgs);
    }

    public SparkRunnerSettings withRequestTimeout(Duration timeout) {
        return new SparkRunnerSettings(runnerHome, master, javaCommand, heap, startTimeout, timeout, extraJvmArgs);
    }

    public Path classpathFile() {
        return runnerHome.resolve("target/classpath.txt");
    }

    public Path classesDir() {
        return runnerHome.resolve("target/classes");
    }

    /** Null when the runner is built, otherwise what the operator should do. */
    public String missingBuild() {
        if (!Files.isRegularFile(classpathFile()) || !Files.isDirectory(classesDir())) {
            return "The Spark runner is not built (" + classpathFile() + " is missing): run "
                    + "`mvn -f spark-runner/pom.xml install` or set AIDE_SPARK_RUNNER_HOME to the spark-runner directory.";
        }
        return null;
    }

    static Path findRunnerHome(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("spark-runner");
            if (Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        return start.resolve("spark-runner");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
