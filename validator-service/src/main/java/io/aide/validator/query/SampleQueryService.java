package io.aide.validator.query;

import io.aide.events.EventJson;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.ValidationRequested;
import io.aide.validation.DuckDbSandbox;
import io.aide.validation.SampleSynthesizer;
import io.aide.validation.SampleTable;
import io.aide.validation.SandboxException;
import io.aide.validation.SandboxLimits;
import io.aide.validation.SourceSchema;
import io.aide.validation.SyntaxChecker;
import io.aide.validation.TypedRows;
import io.aide.validator.client.DocumentClient;
import io.aide.validator.client.ObjectStore;
import io.aide.validator.config.ValidatorConfig;
import io.aide.validator.persistence.ValidationRepository;
import io.aide.validator.service.RunRefused;
import io.aide.validator.service.SampleFiles;
import io.aide.validator.service.ValidatorException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one read-only query on a sample in a private, locked DuckDB sandbox: the SQL must parse as exactly one SELECT
 * (or WITH ... SELECT), returns at most the limit's rows and is stopped after the query timeout. The sample is a data
 * source's files, else rows document-service reads from the registered database, else rows shaped like its schema.
 * With {@code engine: spark} the same sample runs through the validator's Spark runner instead ({@link SparkSampleQuery}).
 */
@ApplicationScoped
public class SampleQueryService {
    private static final Logger LOG = Logger.getLogger(SampleQueryService.class);

    private final ObjectStore store;
    private final DocumentClient documents;
    private final ValidationRepository runs;
    private final ValidatorConfig config;
    private final MeterRegistry metrics;
    private final SyntaxChecker parser = new SyntaxChecker();
    private final Semaphore running;
    private final SparkSampleQuery spark;
    private final PostgresSampleQuery postgres;

    public SampleQueryService(ObjectStore store, DocumentClient documents, ValidationRepository runs,
                              ValidatorConfig config, MeterRegistry metrics, SparkSampleQuery spark,
                              PostgresSampleQuery postgres) {
        this.spark = spark;
        this.postgres = postgres;
        this.store = store;
        this.documents = documents;
        this.runs = runs;
        this.config = config;
        this.metrics = metrics;
        this.running = new Semaphore(Math.max(1, config.queryConcurrency()), true);
    }

    /** Runs the query for the tenant; every refusal is a {@link ValidatorException} naming what is wrong. */
    public QueryResponse run(String tenantId, QueryRequest request) {
        long started = System.nanoTime();
        int limit = limitOf(request);
        String engine = engineOf(request);
        boolean onSpark = engine.equals(QueryRequest.SPARK);
        String sql = engine.equals(QueryRequest.DUCKDB) ? checkedSql(request) : engineSql(request);
        Source source = sourceOf(tenantId, request);
        acquire();
        Path work = null;
        try {
            work = Files.createTempDirectory("aide-query-");
            Loaded loaded = load(tenantId, source, sql, work);
            if (onSpark) {
                TypedRows result = spark.run(sql, loaded.tables(), work, limit);
                metrics.counter("validator.queries", "status", "ok", "engine", QueryRequest.SPARK).increment();
                return response(result, started, loaded, source);
            }
            if (engine.equals(QueryRequest.POSTGRES)) {
                TypedRows result = postgres.run(sql, loaded.tables(), limit);
                metrics.counter("validator.queries", "status", "ok", "engine", QueryRequest.POSTGRES).increment();
                return response(result, started, loaded, source);
            }
            SandboxLimits limits = new SandboxLimits(config.memoryLimit(), config.threads(), config.queryTimeout(), 5);
            try (DuckDbSandbox sandbox = DuckDbSandbox.open(limits)) {
                loaded.tables().forEach(sandbox::load);
                sandbox.lock();
                TypedRows result = sandbox.queryTyped(sql, limit);
                metrics.counter("validator.queries", "status", "ok", "engine", QueryRequest.DUCKDB).increment();
                return response(result, started, loaded, source);
            }
        } catch (SandboxException e) {
            metrics.counter("validator.queries", "status", e.code(), "engine", engine).increment();
            throw new ValidatorException(422, e.code(), "Query failed on the sample", e.getMessage() + whatToDo(e.code()), e);
        } catch (RunRefused e) {
            throw new ValidatorException(422, e.code(), "Sample not usable", e.getMessage(), e);
        } catch (IOException e) {
            throw ValidatorException.unavailable("query_workspace", "No temporary space to load the sample: "
                    + e.getMessage(), e);
        } finally {
            running.release();
            deleteQuietly(work);
        }
    }

    private static QueryResponse response(TypedRows result, long started, Loaded loaded, Source source) {
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        return new QueryResponse(result.columns(), result.rows(), result.truncated(), elapsed,
                new QueryResponse.Sample(loaded.kind(), source.dataSourceId(),
                        loaded.tables().stream().map(SampleTable::name).toList()));
    }

    private String engineOf(QueryRequest request) {
        String engine = request.engine() == null || request.engine().isBlank() ? QueryRequest.DUCKDB
                : request.engine().strip().toLowerCase(java.util.Locale.ROOT);
        if (!engine.equals(QueryRequest.DUCKDB) && !engine.equals(QueryRequest.SPARK)
                && !engine.equals(QueryRequest.POSTGRES)) {
            throw ValidatorException.badRequest("query:engine", "engine must be 'duckdb' (the DuckDB sandbox), "
                    + "'spark' (the validator's Spark runner) or 'postgres' (the PostgreSQL sandbox database), got '"
                    + request.engine() + "'.");
        }
        if (engine.equals(QueryRequest.SPARK)) {
            spark.checkAvailable();
        }
        return engine;
    }

    /**
     * Spark SQL and PostgreSQL's SQL are checked by their engines (Spark's runner runs only a query; PostgreSQL runs
     * it wrapped as one SELECT in a read-only transaction); here only that there is some.
     */
    private static String engineSql(QueryRequest request) {
        if (request.sql() == null || request.sql().isBlank()) {
            throw ValidatorException.badRequest("query:missing_sql", "Send the query in the field 'sql'.");
        }
        String sql = request.sql().strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        return sql;
    }

    private int limitOf(QueryRequest request) {
        int limit = request.limit() == null ? config.queryDefaultRows() : request.limit();
        if (limit < 1 || limit > config.queryMaxRows()) {
            throw ValidatorException.badRequest("query:limit", "limit must be between 1 and " + config.queryMaxRows()
                    + ", got " + limit + ".");
        }
        return limit;
    }

    /** Exactly one SELECT or WITH ... SELECT, parsed by DuckDB's own parser. */
    private String checkedSql(QueryRequest request) {
        if (request.sql() == null || request.sql().isBlank()) {
            throw ValidatorException.badRequest("query:missing_sql", "Send the query in the field 'sql'.");
        }
        String sql = request.sql().strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        Optional<SyntaxChecker.SyntaxError> error = parser.duckdb(sql);
        if (error.isPresent()) {
            String message = error.get().message();
            if (message.startsWith("only a single SELECT")) {
                java.util.regex.Matcher found = java.util.regex.Pattern.compile("found (\\d+)").matcher(message);
                throw new ValidatorException(422, "query:not_select", "Not a read-only query",
                        "Only one SELECT (or WITH ... SELECT) query runs on a sample; "
                                + (found.find() ? "the SQL holds " + found.group(1) + " statements" : "this SQL is another kind of statement")
                                + ". Send a single SELECT, without INSERT, UPDATE, DELETE, DDL, SET, PRAGMA, ATTACH or COPY.",
                        null);
            }
            int at = error.get().offset();
            throw new ValidatorException(422, "query:syntax", "SQL does not parse", "The query does not parse"
                    + (at >= 0 ? " at character " + at : "") + ": " + message, null);
        }
        return sql;
    }

    /** Which data source's sample: named directly, or the one the generation's latest validation ran on. */
    private Source sourceOf(String tenantId, QueryRequest request) {
        boolean hasSource = request.dataSourceId() != null && !request.dataSourceId().isBlank();
        boolean hasGeneration = request.generationId() != null && !request.generationId().isBlank();
        if (hasSource == hasGeneration) {
            throw ValidatorException.badRequest("query:sample", "Name exactly one sample: 'dataSourceId' (a data "
                    + "source's sample) or 'generationId' (the sample the generation was validated on).");
        }
        if (hasSource) {
            return new Source(request.dataSourceId(), null);
        }
        String json = runs.latestRequest(tenantId, request.generationId()).orElseThrow(() -> ValidatorException.notFound(
                "generation", "Generation " + request.generationId() + " has no validation for your tenant, so it has "
                        + "no sample; generate it first or name a dataSourceId."));
        ValidationRequested validated = EventJson.fromJson(json, ValidationRequested.class);
        return new Source(validated.dataSourceId(), validated.specObjectKey());
    }

    private Loaded load(String tenantId, Source source, String sql, Path work) {
        List<SampleTable> references = referenceTables(tenantId, source.specObjectKey());
        if (source.dataSourceId() == null || source.dataSourceId().isBlank()) {
            if (references.isEmpty()) {
                throw ValidatorException.notFound("sample", "The generation was validated without a data source, so "
                        + "there is no sample to query; register a data source and generate again.");
            }
            return new Loaded("reference", references);
        }
        SampleFiles.Loaded files = SampleFiles.load(store, tenantId, source.dataSourceId(), work, config.maxSampleBytes());
        if (!files.tables().isEmpty()) {
            return new Loaded("files", concat(files.tables(), references));
        }
        DocumentClient.Sampled sampled = documents.sample(tenantId, source.dataSourceId(), tablesOf(sql),
                config.databaseSampleRows());
        if (!sampled.tables().isEmpty()) {
            return new Loaded("database", concat(sampled.tables(), references));
        }
        List<SourceSchema> schema = documents.schema(tenantId, source.dataSourceId());
        if (schema.isEmpty()) {
            throw ValidatorException.notFound("sample", "Data source " + source.dataSourceId() + " has no sample files, "
                    + "no readable database and no schema snapshot for your tenant"
                    + (sampled.problem() == null ? "" : " (" + sampled.problem() + ")")
                    + "; upload a sample or check the data source's connection.");
        }
        LOG.infof("data source %s: no rows to read (%s); querying rows made up from its schema", source.dataSourceId(),
                sampled.problem());
        SampleSynthesizer synthesizer = new SampleSynthesizer(config.synthesizedRows());
        List<SampleTable> made = new ArrayList<>(schema.stream().map(synthesizer::synthesize).toList());
        return new Loaded("schema", concat(made, references));
    }

    private List<SampleTable> referenceTables(String tenantId, String specKey) {
        if (specKey == null || !specKey.startsWith("tenants/" + tenantId + "/") || specKey.contains("..")) {
            return List.of();
        }
        byte[] bytes = store.read(specKey);
        if (bytes == null) {
            return List.of();
        }
        try {
            MappingSpec spec = EventJson.mapper().readValue(bytes, MappingSpec.class);
            return spec.referenceTables().stream().<SampleTable>map(r -> new SampleTable.Rows(r.name(), r.columns(),
                    List.of(), r.rows().stream().map(row -> List.<Object>copyOf(row)).toList())).toList();
        } catch (IOException e) {
            LOG.warnf("spec %s is unreadable; its reference tables are not loaded: %s", specKey, e.getMessage());
            return List.of();
        }
    }

    private static List<SampleTable> concat(List<? extends SampleTable> tables, List<SampleTable> references) {
        List<SampleTable> all = new ArrayList<>(tables);
        Set<String> names = new java.util.HashSet<>();
        tables.forEach(t -> names.add(t.name().toLowerCase(java.util.Locale.ROOT)));
        references.stream().filter(r -> names.add(r.name().toLowerCase(java.util.Locale.ROOT))).forEach(all::add);
        return all;
    }

    /** The tables the query reads, so a database sample reads only those; every table when the parser cannot tell. */
    static List<String> tablesOf(String sql) {
        try {
            Set<String> names = TablesNamesFinder.findTables(sql);
            return List.copyOf(new java.util.TreeSet<>(names.stream().map(n -> n.replace("\"", "")).toList()));
        } catch (Exception | StackOverflowError e) {
            return List.of();
        }
    }

    private void acquire() {
        try {
            if (!running.tryAcquire(config.queryTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw ValidatorException.unavailable("query_capacity", "Every query slot is busy; try again in a few "
                        + "seconds.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ValidatorException.unavailable("query_capacity", "Interrupted while waiting for a query slot.", e);
        }
    }

    private String whatToDo(String code) {
        return switch (code) {
            case "sql:binding" -> " Use only the sample's tables and columns (the response of a successful query "
                    + "names them under sample.tables).";
            case "sandbox:timeout" -> " The limit is " + config.queryTimeout().toMillis() + " ms.";
            default -> "";
        };
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is cleaned by the OS
        }
    }

    @PreDestroy
    void close() {
        parser.close();
    }

    private record Source(String dataSourceId, String specObjectKey) {
    }

    private record Loaded(String kind, List<SampleTable> tables) {
    }
}
