package io.aide.sqlgen.service;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileListener;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.EventPayload;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.BlockEdited;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.GenerationCompleted;
import io.aide.events.v1.GenerationFailed;
import io.aide.events.v1.GenerationRequested;
import io.aide.events.v1.HashmapSynced;
import io.aide.events.v1.MappingEdited;
import io.aide.events.v1.Progress;
import io.aide.events.v1.Thought;
import io.aide.events.v1.ValidationReported;
import io.aide.events.v1.ValidationRequested;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.sqlgen.config.SqlgenConfig;
import io.aide.sqlgen.messaging.Correlation;
import io.aide.sqlgen.messaging.EventPublisher;
import io.aide.sqlgen.persistence.BlockRecord;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.persistence.LayerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs generations: loads the spec, compiles target by target while streaming blocks and progress, stores blocks,
 * versions, layers and lineage, writes the layers and artifacts to S3, asks for validation and completes the
 * generation when the validator's summary (or the timeout) arrives. Also applies block edits and mapping edits;
 * cancels are {@link GenerationCancels}'.
 */
@ApplicationScoped
public class GenerationService {
    private static final Logger LOG = Logger.getLogger(GenerationService.class);
    /** Blocks every layer has; the seed hashmap shows them as pending before compiling starts. */
    static final Map<String, Integer> SEED_BLOCKS = Map.of("select_clause", 1, "joins", 2, "where_clause", 3);
    private static final List<String> SEED_ORDER = List.of("select_clause", "joins", "where_clause");
    /** Keeps GenerationCompleted well under Kafka's default 1 MB record limit. */
    static final int MAX_FINAL_SQL_BYTES = 768 * 1024;

    private final GenerationRepository repo;
    private final SpecLoader specs;
    private final LayerCompiler compiler;
    private final ObjectStore store;
    private final EventPublisher publisher;
    private final SqlgenConfig config;
    private final MeterRegistry metrics;
    private final SourceCatalogs catalogs;
    private final GenerationCancels cancels;
    private final Clock clock = Clock.systemUTC();

    public GenerationService(GenerationRepository repo, SpecLoader specs, LayerCompiler compiler, ObjectStore store,
                             EventPublisher publisher, SqlgenConfig config, MeterRegistry metrics,
                             SourceCatalogs catalogs, GenerationCancels cancels) {
        this.catalogs = catalogs;
        this.cancels = cancels;
        this.repo = repo;
        this.specs = specs;
        this.compiler = compiler;
        this.store = store;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    // ------------------------------------------------------------------ commands

    /** Same generationId twice is the same generation: a running or finished one is not compiled again. */
    public void request(Envelope envelope, GenerationRequested request) {
        Run run = new Run(envelope.tenantId(), envelope.correlationId(), request.generationId());
        List<String> dialects;
        try {
            dialects = Dialects.normalise(request.dialects());
        } catch (SqlgenException e) {
            run.publish(new GenerationFailed(e.getMessage(), "request", e.code()));
            return;
        }
        boolean created = repo.insert(request.generationId(), envelope.tenantId(), request.documentId(),
                request.specVersion(), request.specObjectKey(), dialects, request.targets(), request.requestedBy(),
                envelope.correlationId(), request.dataSourceId());
        GenerationRecord g = repo.find(request.generationId()).orElseThrow();
        if (!g.tenantId().equals(envelope.tenantId())) {
            LOG.warnf("generation %s belongs to another tenant; request of tenant %s ignored", g.id(),
                    envelope.tenantId());
            return;
        }
        if (created) {
            metrics.counter("sqlgen.generations.started").increment();
            if (repo.claim(g.id(), config.leaseDuration(), List.of(GenerationStatus.PENDING))) {
                execute(run, g, false);
            }
            return;
        }
        if (repo.claim(g.id(), config.leaseDuration(), List.of(GenerationStatus.PENDING, GenerationStatus.FAILED,
                GenerationStatus.CANCELLED))) {
            LOG.infof("generation %s requested again while %s: resuming", g.id(), g.status());
            execute(run, g, true);
            return;
        }
        LOG.infof("generation %s requested again while %s: nothing to do", g.id(), g.status());
        run.publish(new HashmapSynced(hashmap(g.id()), "recovery"));
    }

    /** Resumes a generation whose previous owner stopped (crash or restart); called by the sweeper. */
    public void resumeAbandoned(String generationId) {
        Optional<GenerationRecord> found = repo.find(generationId);
        if (found.isEmpty() || !repo.claim(generationId, config.leaseDuration(), List.of())) {
            return;
        }
        GenerationRecord g = found.get();
        try (Correlation ignored = Correlation.open(g.correlationId(), g.id(), null)) {
            LOG.infof("resuming abandoned generation %s", g.id());
            execute(new Run(g.tenantId(), g.correlationId(), g.id()), g, true);
        }
    }

    /** A hand-written block: a new version, the layer SQL re-assembled, artifacts rewritten, validated again. */
    public void editBlock(Envelope envelope, BlockEdited edit) {
        Optional<GenerationRecord> found = repo.find(envelope.tenantId(), edit.generationId());
        if (found.isEmpty()) {
            LOG.infof("edit of unknown generation %s ignored", edit.generationId());
            return;
        }
        GenerationRecord g = found.get();
        Run run = new Run(envelope.tenantId(), envelope.correlationId(), g.id());
        if (g.checkpoint() == 0 || GenerationStatus.GENERATING.equals(g.status())) {
            run.publish(new Thought("The edit of " + edit.blockName() + " arrived while the generation was still "
                    + "compiling and was not applied; edit the block again once the layer is complete."));
            return;
        }
        List<LayerRecord> layers = repo.layers(g.id());
        String target = edit.target() == null || edit.target().isBlank() ? layers.get(0).target()
                : layers.stream().map(LayerRecord::target).filter(t -> t.equalsIgnoreCase(edit.target())).findFirst()
                .orElse(null);
        String dialect = edit.dialect() == null || edit.dialect().isBlank() ? Dialects.primary(g.dialects())
                : Dialects.canonical(edit.dialect());
        if (target == null || !Dialects.SQL.contains(dialect)) {
            run.publish(new Thought("The edit of " + edit.blockName() + " was not applied: "
                    + (target == null ? "target '" + edit.target() + "' is not part of this generation ("
                    + layers.stream().map(LayerRecord::target).toList() + ")"
                    : "'" + edit.dialect() + "' is not a SQL dialect (" + Dialects.SQL + ")") + "."));
            return;
        }
        List<BlockRecord> blocks = repo.blocks(g.id()).stream().filter(b -> b.target().equals(target)).toList();
        BlockRecord current = blocks.stream().filter(b -> b.name().equals(edit.blockName())).findFirst().orElse(null);
        Map<String, String> sql = new LinkedHashMap<>(current == null ? Map.of() : current.sql());
        sql.put(dialect, edit.sql());
        int order = current != null ? current.order() : blocks.stream().mapToInt(BlockRecord::order).max().orElse(0) + 1;
        int checkpoint = g.checkpoint() + 1;
        int version = repo.saveBlockVersion(g.id(), target, edit.blockName(), order, sql,
                current == null ? List.of() : current.mappingRefs(), "completed", "edited", edit.editedBy(),
                checkpoint);
        run.publish(new BlockUpdated(edit.blockName(), target, dialect, "completed", edit.sql(), order, clock.instant(),
                version));

        List<GeneratedLayers.Block> contractBlocks = repo.blocks(g.id()).stream().filter(b -> b.target().equals(target))
                .map(GenerationService::contractBlock).toList();
        LayerRecord layer = layers.stream().filter(l -> l.target().equals(target)).findFirst().orElseThrow();
        Map<String, String> layerSql = new LinkedHashMap<>(layer.sql());
        layerSql.put(dialect, compiler.assemble(contractBlocks, dialect));
        repo.updateLayerSql(g.id(), target, layerSql);
        boolean otherDialects = Dialects.sqlOnly(g.dialects()).size() > 1;
        run.publish(new Thought("Saved version " + version + " of " + target + "." + edit.blockName() + " (" + dialect
                + "); the layer was re-assembled and goes to validation again"
                + (otherDialects ? ". The other dialects keep their compiled SQL for this block." : ".")));
        try {
            repo.claim(g.id(), config.leaseDuration(), List.of(GenerationStatus.COMPLETED, GenerationStatus.VALIDATING,
                    GenerationStatus.FAILED, GenerationStatus.CANCELLED));
            finish(run, repo.find(g.id()).orElseThrow(), () -> loadStored(run, repo.find(g.id()).orElseThrow()));
        } catch (SqlgenException e) {
            fail(run, e.code(), e.stage() == null ? Stages.EDITING : e.stage(), e.getMessage());
        }
    }

    /**
     * After a mapping edit the latest compiled generation of the document is refreshed automatically: only the
     * changed targets are recompiled, and only blocks whose SQL changed get a new version.
     */
    public void mappingEdited(Envelope envelope, MappingEdited edited) {
        Optional<GenerationRecord> found = repo.latestCompiled(envelope.tenantId(), edited.documentId());
        if (found.isEmpty()) {
            return;
        }
        GenerationRecord g = found.get();
        if (!repo.claim(g.id(), config.leaseDuration(), List.of(GenerationStatus.COMPLETED, GenerationStatus.VALIDATING,
                GenerationStatus.FAILED, GenerationStatus.CANCELLED))) {
            LOG.infof("generation %s is compiling; mapping edit of %s not applied to it", g.id(), edited.documentId());
            return;
        }
        Run run = new Run(envelope.tenantId(), envelope.correlationId(), g.id());
        try {
            SpecLoader.LoadedSpec loaded = specs.load(g.tenantId(), envelope.correlationId(), g.documentId(),
                    edited.specVersion(), edited.specObjectKey());
            MappingSpec spec = loaded.spec();
            Map<String, List<MappingRow>> byTarget = spec.rowsByTarget();
            List<String> targets = new ArrayList<>(g.targets());
            if (g.requestedTargets().isEmpty()) {
                byTarget.keySet().stream().filter(t -> !containsIgnoreCase(targets, t)).forEach(targets::add);
            }
            targets.removeIf(t -> !byTarget.containsKey(t));
            List<String> affected = affectedTargets(edited, spec, targets);
            String specKey = loaded.objectKey() != null ? loaded.objectKey() : storeSpecCopy(g, spec);
            repo.describe(g.id(), spec.version(), specKey, targets, g.semanticLayerName(), spec.fileName());
            for (int i = 0; i < targets.size(); i++) {
                repo.ensureLayer(g.id(), targets.get(i), i, byTarget.get(targets.get(i)).size());
            }
            List<String> unchanged = targets.stream().filter(t -> !affected.contains(t)).toList();
            run.publish(new Thought("The mapping changed (spec version " + spec.version()
                    + (edited.changedRows().isEmpty() ? "" : ", rows " + String.join(", ", edited.changedRows()))
                    + "): recompiling " + String.join(", ", affected)
                    + (unchanged.isEmpty() ? "" : "; " + String.join(", ", unchanged) + " unchanged") + "."));
            GenerationRecord current = repo.find(g.id()).orElseThrow();
            if (compileTargets(run, current, spec, affected, false, "recompiled")) {
                finish(run, repo.find(g.id()).orElseThrow(), () -> spec);
            }
        } catch (SqlgenException e) {
            fail(run, e.code(), e.stage() == null ? Stages.COMPILING : e.stage(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("recompiling generation %s failed: %s", g.id(), e);
            LOG.debug("recompile failure", e);
            fail(run, "internal_error", Stages.COMPILING, "Recompiling after the mapping edit failed: " + e.getMessage()
                    + ". Completed blocks are kept; request the generation again to resume.");
        }
    }

    /** The validator's last word on a checkpoint: complete the generation. */
    public void validationReported(Envelope envelope, ValidationReported report) {
        if (!"summary".equalsIgnoreCase(report.check())) {
            return;
        }
        Optional<GenerationRecord> g = repo.find(envelope.tenantId(), envelope.key());
        if (g.isEmpty() || !GenerationStatus.VALIDATING.equals(g.get().status())) {
            return;
        }
        if (report.checkpoint() > 0 && report.checkpoint() != g.get().checkpoint()) {
            LOG.infof("generation %s: ignoring the validation summary of checkpoint %d, the current one is %d",
                    g.get().id(), report.checkpoint(), g.get().checkpoint());
            return;
        }
        complete(new Run(envelope.tenantId(), envelope.correlationId(), g.get().id()), g.get(), report);
    }

    /** Completes generations whose validation did not answer in time; called by the sweeper. */
    public void completeOverdue(String generationId) {
        repo.find(generationId).ifPresent(g -> {
            try (Correlation ignored = Correlation.open(g.correlationId(), g.id(), null)) {
                complete(new Run(g.tenantId(), g.correlationId(), g.id()), g, null);
            }
        });
    }

    // ------------------------------------------------------------------ the run

    private void execute(Run run, GenerationRecord g, boolean resume) {
        Timer.Sample sample = Timer.start(metrics);
        try {
            SpecLoader.LoadedSpec loaded = specs.load(g.tenantId(), run.correlationId, g.documentId(), g.specVersion(),
                    g.specObjectKey());
            MappingSpec spec = loaded.spec();
            Map<String, List<MappingRow>> byTarget = spec.rowsByTarget();
            List<String> targets = resolveTargets(g.requestedTargets(), byTarget);
            String specKey = loaded.objectKey() != null ? loaded.objectKey() : storeSpecCopy(g, spec);
            repo.describe(g.id(), spec.version(), specKey, targets, layerName(spec, targets), spec.fileName());
            for (int i = 0; i < targets.size(); i++) {
                String target = targets.get(i);
                repo.ensureLayer(g.id(), target, i, byTarget.get(target).size());
                for (String block : SEED_ORDER) {
                    repo.ensurePendingBlock(g.id(), target, block, SEED_BLOCKS.get(block));
                }
            }
            GenerationRecord described = repo.find(g.id()).orElseThrow();
            LOG.infof("generation %s: %s %d mapping rows of %s into %s", g.id(), resume ? "resuming" : "compiling",
                    spec.rows().size(), targets, g.dialects());
            run.publish(new HashmapSynced(hashmap(g.id()), resume ? "recovery" : "initial_load"));
            if (resume) {
                List<String> done = repo.layers(g.id()).stream().filter(l -> "completed".equals(l.status()))
                        .map(LayerRecord::target).toList();
                List<String> left = targets.stream().filter(t -> !done.contains(t)).toList();
                run.publish(new Thought(done.isEmpty() ? "Resuming the generation from the start."
                        : "Resuming the generation: " + String.join(", ", done) + " already compiled and kept; "
                        + (left.isEmpty() ? "nothing left to compile." : "continuing with " + String.join(", ", left)
                        + ".")));
            } else {
                run.publish(new Thought("Compiling " + spec.rows().size() + " mapping rows of " + targets.size()
                        + " target table(s) (" + String.join(", ", targets) + ") into "
                        + String.join(", ", Dialects.sqlOnly(g.dialects())) + ", without a language model."));
            }
            if (compileTargets(run, described, spec, targets, true, "compiled")) {
                finish(run, repo.find(g.id()).orElseThrow(), () -> spec);
            }
        } catch (SqlgenException e) {
            fail(run, e.code(), e.stage() == null ? Stages.COMPILING : e.stage(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("generation %s failed: %s", g.id(), e);
            LOG.debug("generation failure", e);
            fail(run, "internal_error", Stages.COMPILING, "The generation stopped unexpectedly (" + e.getMessage()
                    + "). Completed blocks are kept; request the generation again to resume.");
        } finally {
            sample.stop(metrics.timer("sqlgen.generation.compile"));
        }
    }

    /**
     * Compiles targets one by one. Blocks identical to their stored current version are neither stored nor
     * streamed again, which is how a resumed generation continues from its first incomplete block.
     *
     * @return false when the generation was cancelled meanwhile
     */
    private boolean compileTargets(Run run, GenerationRecord g, MappingSpec spec, List<String> targets,
                                   boolean skipCompleted, String origin) {
        Map<String, List<MappingRow>> byTarget = spec.rowsByTarget();
        Map<String, LayerRecord> layers = repo.layers(g.id()).stream()
                .collect(Collectors.toMap(LayerRecord::target, l -> l));
        Map<String, BlockRecord> stored = new HashMap<>();
        repo.blocks(g.id()).forEach(b -> stored.put(b.target() + "/" + b.name(), b));
        List<String> todo = new ArrayList<>();
        int rowsDone = 0;
        for (String target : targets) {
            LayerRecord layer = layers.get(target);
            if (skipCompleted && layer != null && "completed".equals(layer.status())) {
                rowsDone += byTarget.get(target).size();
            } else {
                todo.add(target);
            }
        }
        int totalRows = targets.stream().mapToInt(t -> byTarget.get(t).size()).sum();
        ProgressTracker tracker = new ProgressTracker(clock, totalRows, rowsDone, targets.size(),
                targets.size() - todo.size(), config.progressInterval());
        String primary = Dialects.primary(g.dialects());
        List<String> sqlDialects = Dialects.sqlOnly(g.dialects());
        int checkpoint = g.checkpoint() + 1;
        SourceCatalogs.Loaded source = catalogs.load(g.tenantId(), run.correlationId, g.dataSourceId());
        if (source.problem() != null) {
            run.publish(new Thought("Binding to the mapping alone: " + source.problem() + "."));
        } else if (source.catalog() != null) {
            run.publish(new Thought("Binding to data source " + g.dataSourceId() + ": " + source.catalog().tables().size()
                    + " table(s) with their columns, keys and foreign keys."));
        }
        long stageStarted = System.nanoTime();
        long compileNanos = 0;

        for (String target : todo) {
            if (GenerationStatus.CANCELLED.equals(repo.status(g.id()))) {
                LOG.infof("generation %s cancelled before %s", g.id(), target);
                cancels.stopped(run.tenant, run.correlationId, run.generationId);
                return false;
            }
            repo.renewLease(g.id(), config.leaseDuration());
            repo.layerStatus(g.id(), target, "generating");
            int rows = byTarget.get(target).size();
            tracker.startTarget(target);
            run.publish(progress(Stages.COMPILING, "Compiling " + target + " (" + rows + " mapping rows)",
                    tracker.percentage(), tracker.stats(), tracker.estimatedCompletion()));
            tracker.emitted();

            Set<String> seen = new LinkedHashSet<>();
            // time spent storing and streaming inside the compiler's callbacks, kept out of compileMillis
            long[] listenerNanos = {0};
            CompileListener listener = new CompileListener() {
                @Override
                public void onBlock(String blockTarget, GeneratedLayers.Block block) {
                    long started = System.nanoTime();
                    if (target.equalsIgnoreCase(blockTarget) && seen.add(block.name())) {
                        storeBlock(run, g, target, block, stored, primary, origin, checkpoint);
                        tracker.blockCompleted();
                    }
                    listenerNanos[0] += System.nanoTime() - started;
                }

                @Override
                public void onProgress(int rowsCompiled, int totalRowsOfCall, int columnsFlagged, String currentTarget) {
                    long started = System.nanoTime();
                    tracker.update(rowsCompiled, columnsFlagged);
                    if (tracker.due()) {
                        Instant eta = tracker.estimatedCompletion();
                        run.publish(progress(Stages.COMPILING, "Compiling " + target + ": " + tracker.rowsCompiled()
                                + " of " + totalRows + " rows", tracker.percentage(), tracker.stats(), eta));
                        repo.estimate(g.id(), eta);
                    }
                    listenerNanos[0] += System.nanoTime() - started;
                }

                @Override
                public void onThought(String text) {
                    long started = System.nanoTime();
                    run.publish(new Thought(text));
                    listenerNanos[0] += System.nanoTime() - started;
                }
            };
            CompilationResult result;
            try {
                long started = System.nanoTime();
                result = compiler.compile(spec, sqlDialects, List.of(target), source.catalog(), listener);
                compileNanos += System.nanoTime() - started - listenerNanos[0];
            } catch (RuntimeException | StackOverflowError e) {
                repo.layerStatus(g.id(), target, "failed");
                LOG.errorf("compiling %s of generation %s failed: %s", target, g.id(), e);
                LOG.debug("compile failure", e);
                throw new SqlgenException("compile_failed", 500, "Compilation failed", Stages.COMPILING,
                        "Compiling target '" + target + "' failed: " + e.getMessage() + ". "
                                + (tracker.rowsCompiled() > 0 ? "Completed targets and blocks are kept; " : "")
                                + "request the generation again to resume from '" + target + "'.", e);
            }
            GeneratedLayers.Layer layer = result.layer(target);
            if (layer == null) {
                repo.layerStatus(g.id(), target, "failed");
                throw new SqlgenException("compile_failed", 500, "Compilation failed", Stages.COMPILING,
                        "The compiler produced no layer for target '" + target + "'; check its mapping rows.");
            }
            for (GeneratedLayers.Block block : layer.blocks()) {
                if (seen.add(block.name())) {
                    storeBlock(run, g, target, block, stored, primary, origin, checkpoint);
                    tracker.blockCompleted();
                }
            }
            dropVanishedBlocks(g.id(), target, seen, stored);
            int flagged = result.columnsNeedingAttention().getOrDefault(target,
                    (int) layer.columns().stream().filter(c -> "flagged".equals(c.status())).count());
            repo.saveLayer(g.id(), layer, flagged, spec.version());
            repo.replaceLineage(g.id(), target, layer.columns());
            tracker.targetCompleted(rows, flagged);
            Instant eta = tracker.estimatedCompletion();
            repo.estimate(g.id(), eta);
            run.publish(progress(Stages.COMPILING, "Compiled " + target + ": " + layer.columns().size() + " columns"
                            + (flagged > 0 ? ", " + flagged + " need attention" : ""), tracker.percentage(),
                    tracker.stats(), eta));
            tracker.emitted();
            if (flagged > 0) {
                run.publish(new Thought(attention(target, layer)));
            }
        }
        if (!todo.isEmpty()) {
            double stageMillis = (System.nanoTime() - stageStarted) / 1e6;
            repo.compileTimings(g.id(), compileNanos / 1e6, stageMillis);
            metrics.timer("sqlgen.compile.pass").record(java.time.Duration.ofNanos(compileNanos));
        }
        return true;
    }

    private void storeBlock(Run run, GenerationRecord g, String target, GeneratedLayers.Block block,
                            Map<String, BlockRecord> stored, String primary, String origin, int checkpoint) {
        BlockRecord current = stored.get(target + "/" + block.name());
        if (current != null && current.version() > 0 && current.sql().equals(block.sql())) {
            return;
        }
        int version = repo.saveBlockVersion(g.id(), target, block.name(), block.order(), block.sql(),
                block.mappingRefs(), "completed", origin, g.requestedBy(), checkpoint);
        run.publish(new BlockUpdated(block.name(), target, primary, "completed", block.sql().getOrDefault(primary, ""),
                block.order(), clock.instant(), version));
    }

    private void dropVanishedBlocks(String generationId, String target, Set<String> produced,
                                    Map<String, BlockRecord> stored) {
        repo.removePendingBlocks(generationId, target);
        stored.values().stream().filter(b -> b.target().equals(target) && b.version() > 0)
                .filter(b -> !produced.contains(b.name()))
                .forEach(b -> repo.markBlockRemoved(generationId, target, b.name()));
    }

    /** Writes layers and artifacts, then asks for validation; the generation waits for the summary. */
    private void finish(Run run, GenerationRecord g, SpecSupplier spec) {
        int checkpoint = g.checkpoint() + 1;
        GeneratedLayers generated = generatedLayers(g, checkpoint);
        run.publish(progress(Stages.WRITING_ARTIFACTS, "Writing the layers and artifacts", 88,
                Map.of("targets", generated.layers().size()), null));
        String prefix = prefix(g);
        String layerKey = prefix + "layers-v" + checkpoint + ".json";
        store.put(layerKey, EventJson.toBytes(generated), "application/json");

        Map<String, String> artifacts = new LinkedHashMap<>();
        for (String dialect : Dialects.sqlOnly(g.dialects())) {
            String key = prefix + "artifacts/" + Dialects.artifactFile(dialect);
            store.put(key, compiler.sqlFile(dialect, generated).getBytes(StandardCharsets.UTF_8),
                    Dialects.contentType(dialect));
            artifacts.put(dialect, key);
        }
        try {
            String key = prefix + "artifacts/" + Dialects.artifactFile(Dialects.PYSPARK);
            store.put(key, compiler.pyspark(generated).getBytes(StandardCharsets.UTF_8),
                    Dialects.contentType(Dialects.PYSPARK));
            artifacts.put(Dialects.PYSPARK, key);
        } catch (RuntimeException e) {
            LOG.warnf("PySpark rendering of %s failed: %s", g.id(), e);
            run.publish(new Thought("The PySpark job could not be rendered (" + e.getMessage() + "); the SQL is ready."));
        }
        try {
            String key = prefix + "artifacts/" + Dialects.artifactFile(Dialects.DBT);
            store.put(key, compiler.dbtProject(generated, spec.get()), Dialects.contentType(Dialects.DBT));
            artifacts.put(Dialects.DBT, key);
        } catch (RuntimeException e) {
            LOG.warnf("dbt rendering of %s failed: %s", g.id(), e);
            run.publish(new Thought("The dbt project could not be rendered (" + e.getMessage() + "); the SQL is ready."));
        }

        String primary = Dialects.primary(g.dialects());
        String filename = (g.semanticLayerName() == null ? g.id() : g.semanticLayerName()) + "_" + primary + ".sql";
        int flagged = repo.layers(g.id()).stream().mapToInt(LayerRecord::columnsNeedingAttention).sum();
        if (!repo.markValidating(g.id(), checkpoint, layerKey, artifacts, filename, flagged,
                clock.instant().plus(config.validationTimeout()))) {
            LOG.infof("generation %s was cancelled while its artifacts were written; no validation requested", g.id());
            cancels.stopped(run.tenant, run.correlationId, run.generationId);
            return;
        }
        run.publish(new HashmapSynced(hashmap(g.id()), "checkpoint"));
        run.awaitSent();
        LOG.infof("generation %s: checkpoint %d written (%s), validation requested", g.id(), checkpoint,
                artifacts.keySet());
        run.validation(new ValidationRequested(g.id(), g.documentId(), g.specVersion(), g.specObjectKey(), layerKey,
                g.dialects(), g.dataSourceId(), checkpoint));
        run.publish(progress(Stages.VALIDATING, "Validating the layers on sample data", 92,
                Map.of("checkpoint", checkpoint, "columns_flagged", flagged), null));
    }

    private void complete(Run run, GenerationRecord g, ValidationReported summary) {
        if (!repo.complete(g.id())) {
            return;
        }
        metrics.counter("sqlgen.generations.completed").increment();
        LOG.infof("generation %s completed at checkpoint %d (validation %s)", g.id(), g.checkpoint(),
                summary == null ? "timed out" : summary.status());
        if (summary == null) {
            run.publish(new Thought("Validation did not answer within " + config.validationTimeout().toSeconds()
                    + " s; the semantic layer is complete without validation results. Run the validation again from "
                    + "the editor."));
        } else if (!"pass".equalsIgnoreCase(summary.status())) {
            run.publish(new Thought("Validation reported " + summary.status()
                    + (summary.message() == null ? "" : ": " + summary.message())
                    + ". The layer is complete; the validation results name the blocks and mapping rows to look at."));
        }
        String primary = Dialects.primary(g.dialects());
        String key = g.artifacts().get(primary);
        byte[] sql = key == null ? null : store.read(key);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("checkpoint", g.checkpoint());
        stats.put("columns_flagged", g.columnsNeedingAttention());
        stats.put("validation", summary == null ? "timeout" : summary.status());
        run.publish(progress(Stages.COMPLETED, "The semantic layer is ready", 100, stats, null));
        run.publish(new GenerationCompleted(finalSql(sql, g.id(), primary), g.filename(), g.artifacts(),
                g.columnsNeedingAttention()));
    }

    /** The layer file, cut short when it would not fit a Kafka record; the artifact always has all of it. */
    static String finalSql(byte[] sql, String generationId, String dialect) {
        if (sql == null) {
            return "";
        }
        if (sql.length <= MAX_FINAL_SQL_BYTES) {
            return new String(sql, StandardCharsets.UTF_8);
        }
        String head = new String(sql, 0, MAX_FINAL_SQL_BYTES, StandardCharsets.UTF_8);
        return head.substring(0, Math.max(0, head.lastIndexOf('\n'))) + "\n-- truncated: the whole file is at "
                + "/api/v1/generations/" + generationId + "/artifacts/" + dialect + "\n";
    }

    private void fail(Run run, String code, String stage, String message) {
        metrics.counter("sqlgen.generations.failed", "code", code).increment();
        repo.fail(run.generationId, code, stage, message);
        if (GenerationStatus.CANCELLED.equals(repo.status(run.generationId))) {
            // cancelled while this run held it: the cancel left the stream's end to the run
            cancels.stopped(run.tenant, run.correlationId, run.generationId);
            return;
        }
        LOG.warnf("generation %s failed at %s: %s", run.generationId, stage, message);
        run.publish(new GenerationFailed(message, stage, code));
    }

    // ------------------------------------------------------------------ helpers

    public GeneratedLayers generatedLayers(GenerationRecord g, int checkpoint) {
        List<BlockRecord> blocks = repo.blocks(g.id());
        List<GeneratedLayers.Layer> layers = new ArrayList<>();
        for (LayerRecord l : repo.layers(g.id())) {
            if (!"completed".equals(l.status())) {
                continue;
            }
            List<GeneratedLayers.Block> layerBlocks = blocks.stream().filter(b -> b.target().equals(l.target()))
                    .filter(b -> b.version() > 0).map(GenerationService::contractBlock).toList();
            layers.add(new GeneratedLayers.Layer(l.target(), l.sql(), l.pyspark(), layerBlocks, l.columns(),
                    l.sourceTables(), l.keyColumns()));
        }
        return new GeneratedLayers(g.id(), g.documentId(), g.specVersion(), checkpoint, layers);
    }

    public com.fasterxml.jackson.databind.node.ObjectNode hashmap(String generationId) {
        GenerationRecord g = repo.find(generationId).orElseThrow();
        return HashmapBuilder.build(g, repo.layers(generationId), repo.blocks(generationId));
    }

    private static GeneratedLayers.Block contractBlock(BlockRecord b) {
        return new GeneratedLayers.Block(b.name(), b.order(), b.version(), b.sql(), b.mappingRefs());
    }

    private MappingSpec loadStored(Run run, GenerationRecord g) {
        return specs.load(g.tenantId(), run.correlationId, g.documentId(), g.specVersion(), g.specObjectKey()).spec();
    }

    private String storeSpecCopy(GenerationRecord g, MappingSpec spec) {
        String key = prefix(g) + "spec-v" + spec.version() + ".json";
        store.put(key, EventJson.toBytes(spec), "application/json");
        return key;
    }

    static String prefix(GenerationRecord g) {
        return "tenants/" + g.tenantId() + "/generations/" + g.id() + "/";
    }

    static List<String> resolveTargets(List<String> requested, Map<String, List<MappingRow>> byTarget) {
        if (requested.isEmpty()) {
            return List.copyOf(byTarget.keySet());
        }
        List<String> resolved = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String r : requested) {
            byTarget.keySet().stream().filter(t -> t.equalsIgnoreCase(r.trim())).findFirst()
                    .ifPresentOrElse(t -> {
                        if (!resolved.contains(t)) {
                            resolved.add(t);
                        }
                    }, () -> unknown.add(r));
        }
        if (!unknown.isEmpty()) {
            throw new SqlgenException("unknown_target", 422, "Unknown target", Stages.LOADING_SPEC,
                    "Target table(s) " + unknown + " are not in the mapping document; it maps "
                            + byTarget.keySet() + ".");
        }
        return resolved;
    }

    static List<String> affectedTargets(MappingEdited edited, MappingSpec spec, List<String> targets) {
        Set<String> affected = new LinkedHashSet<>();
        for (String t : edited.changedTargets()) {
            targets.stream().filter(x -> x.equalsIgnoreCase(t)).forEach(affected::add);
        }
        if (affected.isEmpty() && !edited.changedRows().isEmpty()) {
            Set<String> refs = new HashSet<>(edited.changedRows());
            spec.rows().stream().filter(r -> refs.contains(r.ref())).map(MappingRow::targetTable)
                    .filter(t -> t != null && targets.contains(t)).forEach(affected::add);
        }
        if (affected.isEmpty()) {
            affected.addAll(targets);
        }
        return targets.stream().filter(affected::contains).toList();
    }

    static String layerName(MappingSpec spec, List<String> targets) {
        if (targets.size() == 1) {
            return targets.get(0);
        }
        String file = spec.fileName() == null ? "semantic_layer" : spec.fileName();
        int dot = file.lastIndexOf('.');
        String base = (dot > 0 ? file.substring(0, dot) : file).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return base.isEmpty() ? "semantic_layer" : base;
    }

    private static String attention(String target, GeneratedLayers.Layer layer) {
        List<String> items = layer.columns().stream().filter(c -> "flagged".equals(c.status())).limit(5)
                .map(c -> c.name() + (c.mappingRef() == null ? "" : " " + c.mappingRef())
                        + (c.reason() == null ? "" : ": " + c.reason())).toList();
        long count = layer.columns().stream().filter(c -> "flagged".equals(c.status())).count();
        return count + " column(s) of " + target + " need attention and were emitted as typed NULL with a TODO: "
                + String.join("; ", items) + (count > items.size() ? "; ..." : "") + ".";
    }

    private static boolean containsIgnoreCase(List<String> list, String value) {
        return list.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    private static Progress progress(String stage, String message, int percentage, Map<String, Object> stats,
                                     Instant eta) {
        return new Progress(stage, message, Math.max(0, Math.min(100, percentage)), stats, eta);
    }

    @FunctionalInterface
    private interface SpecSupplier {
        MappingSpec get();
    }

    /** One generation's publishing context: tenant, correlation and the sends still in flight. */
    private final class Run {
        final String tenant;
        final String correlationId;
        final String generationId;
        final List<CompletableFuture<Void>> inFlight = new ArrayList<>();

        Run(String tenant, String correlationId, String generationId) {
            this.tenant = tenant;
            this.correlationId = correlationId;
            this.generationId = generationId;
        }

        void publish(EventPayload payload) {
            inFlight.add(publisher.event(tenant, correlationId, generationId, payload));
        }

        void validation(EventPayload payload) {
            inFlight.add(publisher.validation(tenant, correlationId, generationId, payload));
        }

        /**
         * Waits until Kafka has the events sent so far, so validation never starts on unannounced blocks. While the
         * broker is away the producer keeps retrying: the wait lasts up to the publish timeout, renewing this replica's
         * lease meanwhile so the run is not taken for abandoned and resumed twice.
         */
        void awaitSent() {
            CompletableFuture<Void> all = CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new));
            long deadline = System.nanoTime() + config.publishTimeout().toNanos();
            while (true) {
                try {
                    all.get(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                            TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (System.nanoTime() >= deadline) {
                        throw publishFailed("Kafka did not acknowledge them within "
                                + config.publishTimeout().toSeconds() + " s", e);
                    }
                    LOG.infof("generation %s: waiting for Kafka to acknowledge its events", generationId);
                    repo.renewLease(generationId, config.leaseDuration());
                } catch (ExecutionException e) {
                    throw publishFailed(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw publishFailed("interrupted", e);
                }
            }
            inFlight.clear();
        }

        private SqlgenException publishFailed(String why, Exception cause) {
            return new SqlgenException("publish_failed", 503, "Kafka unavailable", Stages.WRITING_ARTIFACTS,
                    "The generation's events could not be published (" + why + "); request the generation again to "
                            + "resume it.", cause);
        }
    }
}
