package io.aide.validator.service;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.ValidationReported;
import io.aide.events.v1.ValidationRequested;
import io.aide.validation.CheckResult;
import io.aide.validation.Checks;
import io.aide.validation.LayerValidator;
import io.aide.validation.PlannedCheck;
import io.aide.validation.SampleSynthesizer;
import io.aide.validation.SampleTable;
import io.aide.validation.SandboxLimits;
import io.aide.validation.SourceSchema;
import io.aide.validation.ValidationInput;
import io.aide.validator.client.DocumentClient;
import io.aide.validator.client.ObjectStore;
import io.aide.validator.config.ValidatorConfig;
import io.aide.validator.messaging.ValidationEvents;
import io.aide.validator.persistence.ValidationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs one validation: loads the layers, spec and samples named by a ValidationRequested, plans every check,
 * publishes one ValidationReported per check as it finishes and a final {@code summary}, and stores them.
 */
@ApplicationScoped
public class ValidationService {
    private static final Logger LOG = Logger.getLogger(ValidationService.class);

    private final ObjectStore store;
    private final DocumentClient documents;
    private final ValidationRepository repo;
    private final ValidationEvents events;
    private final SparkChecks spark;
    private final ValidatorConfig config;
    private final MeterRegistry metrics;
    private final ExecutorService reruns = Executors.newFixedThreadPool(1, r -> {
        Thread t = new Thread(r, "validation-rerun");
        t.setDaemon(true);
        return t;
    });

    public ValidationService(ObjectStore store, DocumentClient documents, ValidationRepository repo, ValidationEvents events, SparkChecks spark,
                             ValidatorConfig config, MeterRegistry metrics) {
        this.store = store;
        this.documents = documents;
        this.repo = repo;
        this.events = events;
        this.spark = spark;
        this.config = config;
        this.metrics = metrics;
    }

    /** Consumer path: idempotent on the envelope's eventId. */
    public void onRequested(Envelope envelope) {
        if (!repo.markProcessed(envelope.eventId())) {
            LOG.infof("validation request %s was handled before; skipped", envelope.eventId());
            return;
        }
        ValidationRequested request = envelope.payloadAs(ValidationRequested.class);
        run(newValidationId(), envelope.tenantId(), envelope.correlationId(), request);
    }

    /** Re-runs the latest request of a generation for the tenant, in the background; returns the new validationId. */
    public String rerun(String tenantId, String correlationId, String generationId) {
        String json = repo.latestRequest(tenantId, generationId).orElseThrow(() -> ValidatorException.notFound(
                "validation", "No validation of generation " + generationId + " exists; generate it first."));
        ValidationRequested request = EventJson.fromJson(json, ValidationRequested.class);
        String validationId = newValidationId();
        reruns.submit(() -> {
            try {
                run(validationId, tenantId, correlationId, request);
            } catch (RuntimeException e) {
                LOG.errorf(e, "re-run %s of %s failed", validationId, generationId);
            }
        });
        return validationId;
    }

    private static String newValidationId() {
        return "val_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Runs every check; never throws for a bad request, which is reported as an error summary instead. */
    public void run(String validationId, String tenantId, String correlationId, ValidationRequested request) {
        MDC.put("correlationId", correlationId);
        MDC.put("validationId", validationId);
        try {
            runChecked(validationId, tenantId, correlationId, request);
        } finally {
            MDC.remove("validationId");
        }
    }

    private void runChecked(String validationId, String tenantId, String correlationId, ValidationRequested request) {
        long started = System.nanoTime();
        String generationId = request.generationId();
        // generation ids are scoped per tenant: the run, its results and its reads are all the request's tenant's
        repo.startRun(validationId, tenantId, generationId, request.documentId(), request.checkpoint(),
                EventJson.toJson(request), correlationId);
        Path work = null;
        try {
            work = Files.createTempDirectory("aide-validate-");
            checkKey(tenantId, request.layerObjectKey(), "layer");
            if (request.specObjectKey() != null) {
                checkKey(tenantId, request.specObjectKey(), "spec");
            }
            GeneratedLayers layers = readJson(request.layerObjectKey(), GeneratedLayers.class, "layer:missing");
            if (!layers.generationId().equals(generationId)) {
                throw new RunRefused("layer:mismatch", "the layers at " + request.layerObjectKey() + " belong to generation "
                        + layers.generationId() + ", not " + generationId);
            }
            MappingSpec spec = request.specObjectKey() == null ? null
                    : readJson(request.specObjectKey(), MappingSpec.class, "spec:missing");
            SampleFiles.Loaded samples = SampleFiles.load(store, tenantId, request.dataSourceId(), work, config.maxSampleBytes());
            if (samples.tables().isEmpty() && request.dataSourceId() != null && !request.dataSourceId().isBlank()) {
                samples = fromDatabase(tenantId, request.dataSourceId(), layers, samples);
            }
            execute(validationId, tenantId, correlationId, request, layers, spec, samples, work);
        } catch (RunRefused e) {
            finishWithError(validationId, tenantId, correlationId, generationId, request.checkpoint(), e.code(), e.getMessage());
        } catch (RuntimeException | IOException e) {
            LOG.errorf(e, "validation %s of %s failed", validationId, generationId);
            finishWithError(validationId, tenantId, correlationId, generationId, request.checkpoint(), "validator:internal",
                    "The validation could not finish: " + e.getMessage() + ". Run it again; if it keeps failing, "
                            + "the validator's log names the cause.");
        } finally {
            deleteQuietly(work);
            metrics.timer("validator.run").record(java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void execute(String validationId, String tenantId, String correlationId, ValidationRequested request,
                         GeneratedLayers layers, MappingSpec spec, SampleFiles.Loaded samples, Path work) {
        ValidationInput input = new ValidationInput(layers, spec, samples.tables(), request.dialects(), samples.expected());
        LayerValidator validator = new LayerValidator(new SandboxLimits(config.memoryLimit(), config.threads(),
                config.statementTimeout(), 5), config.synthesizedRows());
        List<PlannedCheck> sparkPlan = new ArrayList<>();
        Map<PlannedCheck, GeneratedLayers.Layer> sparkLayers = new LinkedHashMap<>();
        for (GeneratedLayers.Layer layer : layers.layers()) {
            for (PlannedCheck p : spark.plan(layer, request.dialects())) {
                sparkPlan.add(p);
                sparkLayers.put(p, layer);
            }
        }
        int total = validator.plan(input).size() + sparkPlan.size() + 1;
        AtomicInteger index = new AtomicInteger();
        Map<String, Long> counts = new LinkedHashMap<>(Map.of(CheckResult.PASS, 0L, CheckResult.FAIL, 0L,
                CheckResult.ERROR, 0L, CheckResult.SKIPPED, 0L));
        Map<String, Map<String, Integer>> blockVersions = blockVersions(layers);
        java.util.function.Consumer<CheckResult> sink = r -> {
            ValidationReported event = toEvent(validationId, r, index.incrementAndGet(), total, request.checkpoint());
            counts.merge(r.status(), 1L, Long::sum);
            metrics.counter("validator.checks", "check", r.check(), "status", r.status()).increment();
            repo.addResult(validationId, tenantId, request.generationId(), request.checkpoint(), event, r.code(),
                    blockVersions.getOrDefault(r.target(), Map.of()), r.durationMs());
            events.publish(tenantId, correlationId, request.generationId(), event);
        };
        validator.run(input, sink);
        if (!sparkPlan.isEmpty()) {
            Map<String, Path> tables = sparkTables(layers, spec, samples, work);
            for (PlannedCheck p : sparkPlan) {
                CheckResult r;
                try {
                    r = spark.run(p, sparkLayers.get(p), tables);
                } catch (RuntimeException e) {
                    r = CheckResult.of(p, CheckResult.ERROR, "the Spark check could not run: " + e.getMessage())
                            .withCode("spark:runner");
                }
                sink.accept(r);
            }
        }
        long failed = counts.get(CheckResult.FAIL) + counts.get(CheckResult.ERROR);
        String status = failed == 0 ? CheckResult.PASS : CheckResult.FAIL;
        String message = (total - 1) + " checks: " + counts.get(CheckResult.PASS) + " pass, " + counts.get(CheckResult.FAIL)
                + " fail, " + counts.get(CheckResult.ERROR) + " error, " + counts.get(CheckResult.SKIPPED) + " skipped";
        ValidationReported summary = new ValidationReported(validationId, Checks.SUMMARY, status, null, null, null,
                List.of(), List.of(), message, failed, total - 1, List.of(), total, total,
                failed == 0 ? null : "validation:checks_failed", request.checkpoint());
        repo.addResult(validationId, tenantId, request.generationId(), request.checkpoint(), summary, null, Map.of(), 0);
        repo.finishRun(validationId, status, total, counts, message);
        events.publish(tenantId, correlationId, request.generationId(), summary);
        LOG.infof("validation %s of %s: %s", validationId, request.generationId(), message);
    }

    private void finishWithError(String validationId, String tenantId, String correlationId, String generationId,
                                 int checkpoint, String code, String message) {
        metrics.counter("validator.requests.refused", "code", code).increment();
        ValidationReported summary = summaryError(validationId, code, message, checkpoint);
        try {
            repo.addResult(validationId, tenantId, generationId, checkpoint, summary, code, Map.of(), 0);
            repo.finishRun(validationId, CheckResult.ERROR, 1, Map.of(CheckResult.ERROR, 1L), summary.message());
        } finally {
            events.publish(tenantId, correlationId, generationId, summary);
        }
    }

    /**
     * A registered database without sample files: rows sampled from its tables; when it cannot be read, rows shaped
     * like its tables from document-service's snapshot.
     */
    private SampleFiles.Loaded fromDatabase(String tenantId, String dataSourceId, GeneratedLayers layers,
                                            SampleFiles.Loaded none) {
        List<String> read = layers.layers().stream().flatMap(l -> l.sourceTables().stream()).distinct().toList();
        DocumentClient.Sampled sampled = documents.sample(tenantId, dataSourceId, read, config.databaseSampleRows());
        if (!sampled.tables().isEmpty()) {
            LOG.infof("data source %s: %d table(s) sampled from the database", dataSourceId, sampled.tables().size());
            return new SampleFiles.Loaded(List.copyOf(sampled.tables()), Map.of(), none.expected());
        }
        LOG.infof("data source %s: no rows sampled (%s); synthesizing rows from its schema", dataSourceId,
                sampled.problem());
        List<SampleTable> tables = new ArrayList<>();
        SampleSynthesizer synthesizer = new SampleSynthesizer(config.synthesizedRows());
        for (SourceSchema table : documents.schema(tenantId, dataSourceId)) {
            tables.add(synthesizer.synthesize(table));
        }
        return tables.isEmpty() ? none : new SampleFiles.Loaded(tables, Map.of(), none.expected());
    }

    private static ValidationReported summaryError(String validationId, String code, String message, int checkpoint) {
        return new ValidationReported(validationId, Checks.SUMMARY, CheckResult.ERROR, null, null, null, List.of(),
                List.of(), message, 1, 0, List.of(), 1, 1, code, checkpoint);
    }

    static ValidationReported toEvent(String validationId, CheckResult r, int index, int total, int checkpoint) {
        return new ValidationReported(validationId, r.check(), r.status(), r.target(), r.column(), r.dialect(),
                r.blocks(), r.mappingRefs(), r.message(), r.failingCount(), r.checkedCount(), r.examples(), index, total,
                r.failed() ? r.code() : null, checkpoint);
    }

    private static Map<String, Map<String, Integer>> blockVersions(GeneratedLayers layers) {
        Map<String, Map<String, Integer>> versions = new LinkedHashMap<>();
        for (GeneratedLayers.Layer layer : layers.layers()) {
            Map<String, Integer> v = new LinkedHashMap<>();
            layer.blocks().forEach(b -> v.put(b.name(), b.version()));
            versions.put(layer.target(), v);
        }
        return versions;
    }

    private static void checkKey(String tenantId, String key, String what) {
        if (key == null || key.isBlank()) {
            throw new RunRefused(what + ":missing", "the request names no " + what + " object");
        }
        if (!key.startsWith("tenants/" + tenantId + "/") || key.contains("..")) {
            throw new RunRefused("tenant:foreign_key", "the " + what + " object " + key + " is outside tenant "
                    + tenantId + "'s storage; the validator reads only tenants/" + tenantId + "/...");
        }
    }

    private <T> T readJson(String key, Class<T> type, String missingCode) {
        byte[] bytes = store.read(key);
        if (bytes == null) {
            throw new RunRefused(missingCode, "s3 object " + key + " does not exist");
        }
        try {
            return EventJson.mapper().readValue(bytes, type);
        } catch (IOException e) {
            throw new RunRefused(missingCode.replace(":missing", ":unreadable"), "s3 object " + key + " is not a valid "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Sample files plus CSVs of the synthesized tables, for the Spark runner, which reads files. */
    private Map<String, Path> sparkTables(GeneratedLayers layers, MappingSpec spec, SampleFiles.Loaded samples, Path work) {
        Map<String, Path> tables = new LinkedHashMap<>(samples.files());
        Set<String> existing = new LinkedHashSet<>(tables.keySet());
        List<SampleTable.Rows> made = new ArrayList<>(new SampleSynthesizer(config.synthesizedRows())
                .synthesize(layers, spec, existing, samples.tables().isEmpty()));
        if (spec != null) {
            spec.referenceTables().stream().filter(r -> existing.stream().noneMatch(e -> e.equalsIgnoreCase(r.name())))
                    .forEach(r -> made.add(new SampleTable.Rows(r.name(), r.columns(), List.of(),
                            r.rows().stream().map(row -> List.<Object>copyOf(row)).toList())));
        }
        for (SampleTable.Rows rows : made) {
            Path file = work.resolve("synth_" + rows.name().replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv");
            try (Writer w = Files.newBufferedWriter(file);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(rows.columns().toArray(String[]::new)).get())) {
                for (List<Object> row : rows.rows()) {
                    csv.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tables.put(rows.name(), file);
        }
        return tables;
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
    void stop() {
        reruns.shutdownNow();
    }
}
