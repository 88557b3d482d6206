package io.aide.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Parses, analyzes and runs one Spark SQL query against sample tables in an isolated session
 * (own temp views and SQL conf) that shares the warm SparkContext.
 */
public final class SparkSqlChecker {

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");
    /** Functions that call arbitrary static Java methods (System.exit included). */
    private static final List<String> BLOCKED_FUNCTIONS = List.of("reflect", "java_method", "try_reflect");

    private final SparkSession root;
    private final RunnerConfig config;
    private final ExecutorService workers;
    private final AtomicInteger sequence = new AtomicInteger();
    /** Qualified sample tables (db.table) live in the shared catalog, so those requests take turns. */
    private final ReentrantLock catalogLock = new ReentrantLock();
    private final Map<String, String> catalogTables = new java.util.concurrent.ConcurrentHashMap<>();
    private final SampleCache samples = new SampleCache(16);
    /** Job groups whose request timed out: a job they start later (planning was still running) is cancelled. */
    private final Set<String> timedOutGroups = ConcurrentHashMap.newKeySet();

    public SparkSqlChecker(SparkSession root, RunnerConfig config) {
        this.root = root;
        this.config = config;
        root.sparkContext().addSparkListener(new CancelLateJobs(root.sparkContext(), timedOutGroups));
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "spark-check-" + sequence.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static SparkSession createSession(RunnerConfig config) {
        var builder = org.apache.spark.sql.SparkSession.builder()
                .appName("aide-spark-runner")
                .master(config.master())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                // samples are small: adaptive re-planning costs more than it saves
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.sql.catalogImplementation", "in-memory")
                // generated code may read the sample tables only, never other files by path
                .config("spark.sql.runSQLOnFiles", "false")
                .config("spark.sql.session.timeZone", "UTC");
        // executors of a cluster on this machine (or the local scheduler) reach the driver on loopback; elsewhere
        // spark.driver.host comes from the runner's -Dspark.* flags (AIDE_SPARK_CONF) or Spark's own default
        if (config.drivesOnLoopback() && System.getProperty("spark.driver.host") == null) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return (SparkSession) builder.getOrCreate();
    }

    public String sparkVersion() {
        return root.version();
    }

    public CheckResult check(CheckRequest request) {
        long started = System.nanoTime();
        CheckResult result = checkTimed(request);
        return result.withDuration(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private CheckResult checkTimed(CheckRequest request) {
        if (request.sql() == null || request.sql().isBlank()) {
            return CheckResult.failed("parse", "The request has no SQL to check.");
        }
        int timeout = request.timeoutSeconds() == null || request.timeoutSeconds() <= 0
                ? config.defaultTimeout() : request.timeoutSeconds();
        int sampleRows = Math.min(request.sampleRows() == null ? 20 : Math.max(0, request.sampleRows()),
                config.maxSampleRows());
        String jobGroup = "aide-check-" + UUID.randomUUID();
        boolean qualified = request.tables().keySet().stream().anyMatch(n -> n.contains("."));
        Future<CheckResult> future = workers.submit(() -> {
            if (qualified) {
                catalogLock.lockInterruptibly();
            }
            try {
                return run(request.sql(), request.tables(), request.readsText(), sampleRows, jobGroup);
            } finally {
                if (qualified) {
                    catalogLock.unlock();
                }
            }
        });
        try {
            return future.get(timeout, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            if (timedOutGroups.size() > 10_000) {
                timedOutGroups.clear();
            }
            timedOutGroups.add(jobGroup);
            root.sparkContext().cancelJobGroup(jobGroup);
            future.cancel(true);
            return CheckResult.failed("execute", "The query did not finish within " + timeout
                    + " s on the sample and was cancelled; look for a join without a condition or a runaway cross join.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            root.sparkContext().cancelJobGroup(jobGroup);
            return CheckResult.error("execute", "The runner was interrupted while checking the query.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return CheckResult.error("execute", "The runner failed unexpectedly: " + describe(cause));
        }
    }

    private CheckResult run(String sql, Map<String, String> tables, boolean text, int sampleRows, String jobGroup) {
        SparkSession session = root.newSession();
        SparkContext sc = session.sparkContext();
        sc.setJobGroup(jobGroup, "aide validation", true);
        try {
            ParserInterface parser = session.sessionState().sqlParser();
            try {
                for (String name : BLOCKED_FUNCTIONS) {
                    session.sessionState().functionRegistry().dropFunction(parser.parseFunctionIdentifier(name));
                }
                parser.parsePlan(sql);
            } catch (ParseException e) {
                return CheckResult.failed("parse", clean(e.getMessage()));
            }
            try {
                parser.parseQuery(sql);
            } catch (ParseException e) {
                return CheckResult.failed("parse", "Only a query (SELECT, WITH or VALUES) is validated; "
                        + "this statement would change tables or settings.");
            }
            CheckResult loadFailure = register(session, tables, text);
            if (loadFailure != null) {
                return loadFailure;
            }
            Dataset<Row> df;
            try {
                df = session.sql(sql);
                df.queryExecution().assertAnalyzed();
            } catch (Exception e) {
                return CheckResult.failed("analyze", e instanceof AnalysisException ae ? clean(ae.getSimpleMessage()) : describe(e));
            }
            List<CheckResult.Column> columns = new ArrayList<>();
            for (StructField field : df.schema().fields()) {
                columns.add(new CheckResult.Column(field.name(), field.dataType().simpleString(), field.nullable()));
            }
            try {
                // one stage over the planned query instead of count()'s aggregate and shuffle
                long count = df.queryExecution().toRdd().count();
                List<List<Object>> rows = new ArrayList<>();
                if (sampleRows > 0) {
                    for (Row row : df.limit(sampleRows).collectAsList()) {
                        List<Object> values = new ArrayList<>(row.length());
                        for (int i = 0; i < row.length(); i++) {
                            values.add(jsonValue(row.get(i)));
                        }
                        rows.add(values);
                    }
                }
                return new CheckResult(CheckResult.PASS, "execute",
                        "Ran on the sample: " + count + " rows.", count, columns, rows, 0);
            } catch (RuntimeException e) {
                return new CheckResult(CheckResult.FAIL, "execute", describe(e), null, columns, List.of(), 0);
            }
        } finally {
            sc.clearJobGroup();
        }
    }

    private CheckResult register(SparkSession session, Map<String, String> tables, boolean text) {
        for (Map.Entry<String, String> table : tables.entrySet()) {
            String name = table.getKey();
            String location = table.getValue();
            if (!SIMPLE_NAME.matcher(name).matches() && !QUALIFIED_NAME.matcher(name).matches()) {
                return CheckResult.error("load", "Sample table name '" + name
                        + "' is not a table or schema.table name Spark can register.");
            }
            if (location == null || location.isBlank()) {
                return CheckResult.error("load", "Sample table '" + name + "' has no file.");
            }
            boolean local = !location.contains("://") || location.startsWith("file:");
            if (local && !Files.exists(Path.of(location.replaceFirst("^file:(//)?", "")))) {
                return CheckResult.error("load", "Sample file for table '" + name + "' not found: " + location);
            }
            String format = formatOf(location);
            try {
                // the cache tells a text reading of a file from a typed one by the format it is given
                SampleCache.Sample sample = samples.sample(location, text ? format + "-text" : format,
                        () -> inferSchema(session, location, format, text));
                if (name.contains(".")) {
                    registerQualified(session, name, location, format, sample);
                } else {
                    Dataset<Row> df = read(session, location, format, sample.schema());
                    df.createOrReplaceTempView(name);
                    samples.cache(sample, df);
                }
            } catch (RuntimeException e) {
                return CheckResult.error("load", "Sample file for table '" + name + "' could not be read as "
                        + format + ": " + describe(e));
            }
        }
        return null;
    }

    /** schema.table names live in the shared catalog and stay there until a request points them elsewhere. */
    private void registerQualified(SparkSession session, String name, String location, String format,
                                   SampleCache.Sample sample) {
        String db = name.substring(0, name.indexOf('.'));
        String quoted = "`" + db + "`.`" + name.substring(name.indexOf('.') + 1) + "`";
        if (sample.key().equals(catalogTables.get(name))) {
            return;
        }
        session.sql("CREATE DATABASE IF NOT EXISTS `" + db + "`");
        session.sql("DROP TABLE IF EXISTS " + quoted);
        String options = format.equals("csv")
                ? "OPTIONS (path '" + escape(location) + "', header 'true')"
                : "OPTIONS (path '" + escape(location) + "')";
        session.sql("CREATE TABLE " + quoted + " (" + sample.schema().toDDL() + ") USING " + format + " " + options);
        catalogTables.put(name, sample.key());
        samples.cache(sample, session.table(quoted));
    }

    private static StructType inferSchema(SparkSession session, String location, String format, boolean text) {
        var reader = session.read().format(format);
        if (format.equals("csv")) {
            // without inferSchema every CSV column is a string
            reader = reader.option("header", "true").option("inferSchema", String.valueOf(!text));
        }
        return reader.load(location).schema();
    }

    private static Dataset<Row> read(SparkSession session, String location, String format, StructType schema) {
        var reader = session.read().format(format).schema(schema);
        if (format.equals("csv")) {
            reader = reader.option("header", "true");
        }
        return reader.load(location);
    }

    private static String formatOf(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet") || lower.endsWith(".parq")) {
            return "parquet";
        }
        if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return "json";
        }
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".txt")) {
            return "csv";
        }
        // a directory of part files: the format is in its name or, by convention here, parquet
        return lower.contains("csv") ? "csv" : "parquet";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    static Object jsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : d;
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : f;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return clean(message);
    }

    /** Spark messages end with the plan tree; the user needs the first lines. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.strip().split("\\R");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length && i < 12; i++) {
            if (lines[i].startsWith("== ") || lines[i].startsWith("+-") || lines[i].startsWith("   +-")) {
                break;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(lines[i]);
        }
        return out.length() > 2000 ? out.substring(0, 2000) : out.toString();
    }

    public void close() {
        workers.shutdownNow();
    }

    private static final class CancelLateJobs extends SparkListener {
        private final SparkContext sc;
        private final Set<String> groups;

        CancelLateJobs(SparkContext sc, Set<String> groups) {
            this.sc = sc;
            this.groups = groups;
        }

        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            String group = jobStart.properties() == null ? null
                    : jobStart.properties().getProperty("spark.jobGroup.id");
            if (group != null && groups.contains(group)) {
                sc.cancelJob(jobStart.jobId());
            }
        }
    }
}
