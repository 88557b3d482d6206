package io.aide.sqlgen.service;

import io.aide.events.Envelope;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.BlockEdited;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.GenerationCompleted;
import io.aide.events.v1.GenerationFailed;
import io.aide.events.v1.GenerationRequested;
import io.aide.events.v1.MappingEdited;
import io.aide.events.v1.Thought;
import io.aide.events.v1.ValidationReported;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.sqlgen.config.SqlgenConfig;
import io.aide.sqlgen.messaging.Correlation;
import io.aide.sqlgen.messaging.EventPublisher;
import io.aide.sqlgen.persistence.BlockRecord;
import io.aide.sqlgen.persistence.GenerationKey;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.persistence.LayerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs generations: claims one (idempotent by generationId, resuming a failed, cancelled or abandoned one), loads
 * its spec, has {@link TargetCompiler} compile it and {@link CheckpointWriter} write the checkpoint and ask for
 * validation, and completes the generation when the validator's summary (or the timeout) arrives. Also applies
 * block edits and mapping edits; cancels are {@link GenerationCancels}'.
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
    private final TargetCompiler targetCompiler;
    private final CheckpointWriter checkpoints;
    private final ObjectStore store;
    private final EventPublisher publisher;
    private final SqlgenConfig config;
    private final MeterRegistry metrics;
    private final GenerationCancels cancels;
    private final Clock clock = Clock.systemUTC();

    public GenerationService(GenerationRepository repo, SpecLoader specs, LayerCompiler compiler,
                             TargetCompiler targetCompiler, CheckpointWriter checkpoints, ObjectStore store,
                             EventPublisher publisher, SqlgenConfig config, MeterRegistry metrics,
                             GenerationCancels cancels) {
        this.cancels = cancels;
        this.repo = repo;
        this.specs = specs;
        this.compiler = compiler;
        this.targetCompiler = targetCompiler;
        this.checkpoints = checkpoints;
        this.store = store;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    // ------------------------------------------------------------------ commands

    /** Same generationId twice is the same generation: a running or finished one is not compiled again. */
    public void request(Envelope envelope, GenerationRequested request) {
        GenerationRun run = openRun(envelope.tenantId(), envelope.correlationId(), request.generationId());
        List<String> dialects;
        try {
            dialects = Dialects.normalise(request.dialects());
        } catch (SqlgenException e) {
            run.publish(new GenerationFailed(e.getMessage(), "request", e.code()));
            return;
        }
        boolean created = repo.insert(run.key, request.documentId(), request.specVersion(), request.specObjectKey(),
                dialects, request.targets(), request.requestedBy(), envelope.correlationId(), request.dataSourceId());
        GenerationRecord g = repo.find(run.key).orElseThrow();
        if (created) {
            metrics.counter("sqlgen.generations.started").increment();
            if (cancels.takeEarly(envelope.tenantId(), envelope.correlationId(), g.id())) {
                return;
            }
            if (repo.claim(g.key(), config.leaseDuration(), List.of(GenerationStatus.PENDING))) {
                execute(run, g, false);
            }
            return;
        }
        if (repo.claim(g.key(), config.leaseDuration(), List.of(GenerationStatus.PENDING, GenerationStatus.FAILED,
                GenerationStatus.CANCELLED))) {
            LOG.infof("generation %s requested again while %s: resuming", g.id(), g.status());
            execute(run, g, true);
            return;
        }
        LOG.infof("generation %s requested again while %s: nothing to do", g.id(), g.status());
        run.publishHashmap(HashmapBuilder.published(repo, g.key()), "recovery");
    }

    /** Resumes a generation whose previous owner stopped (crash or restart); called by the sweeper. */
    public void resumeAbandoned(GenerationKey key) {
        Optional<GenerationRecord> found = repo.find(key);
        if (found.isEmpty() || !repo.claim(key, config.leaseDuration(), List.of())) {
            return;
        }
        GenerationRecord g = found.get();
        try (Correlation ignored = Correlation.open(g.correlationId(), g.id(), null)) {
            LOG.infof("resuming abandoned generation %s", g.id());
            execute(openRun(g.tenantId(), g.correlationId(), g.id()), g, true);
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
        GenerationRun run = openRun(envelope.tenantId(), envelope.correlationId(), g.id());
        if (g.checkpoint() == 0 || GenerationStatus.GENERATING.equals(g.status())) {
            run.publish(new Thought("The edit of " + edit.blockName() + " arrived while the generation was still "
                    + "compiling and was not applied; edit the block again once the layer is complete."));
            return;
        }
        List<LayerRecord> layers = repo.layers(g.key());
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
        List<BlockRecord> blocks = repo.blocks(g.key()).stream().filter(b -> b.target().equals(target)).toList();
        BlockRecord current = blocks.stream().filter(b -> b.name().equals(edit.blockName())).findFirst().orElse(null);
        Map<String, String> sql = new LinkedHashMap<>(current == null ? Map.of() : current.sql());
        sql.put(dialect, edit.sql());
        int order = current != null ? current.order() : blocks.stream().mapToInt(BlockRecord::order).max().orElse(0) + 1;
        int checkpoint = g.checkpoint() + 1;
        int version = repo.saveBlockVersion(g.key(), target, edit.blockName(), order, sql,
                current == null ? List.of() : current.mappingRefs(), "completed", "edited", edit.editedBy(),
                checkpoint);
        run.publish(new BlockUpdated(edit.blockName(), target, dialect, "completed", edit.sql(), order, clock.instant(),
                version));

        List<GeneratedLayers.Block> contractBlocks = repo.blocks(g.key()).stream().filter(b -> b.target().equals(target))
                .map(CheckpointWriter::contractBlock).toList();
        LayerRecord layer = layers.stream().filter(l -> l.target().equals(target)).findFirst().orElseThrow();
        Map<String, String> layerSql = new LinkedHashMap<>(layer.sql());
        layerSql.put(dialect, compiler.assemble(contractBlocks, dialect));
        repo.updateLayerSql(g.key(), target, layerSql);
        boolean otherDialects = Dialects.sqlOnly(g.dialects()).size() > 1;
        run.publish(new Thought("Saved version " + version + " of " + target + "." + edit.blockName() + " (" + dialect
                + "); the layer was re-assembled and goes to validation again"
                + (otherDialects ? ". The other dialects keep their compiled SQL for this block." : ".")));
        try {
            repo.claim(g.key(), config.leaseDuration(), List.of(GenerationStatus.COMPLETED, GenerationStatus.VALIDATING,
                    GenerationStatus.FAILED, GenerationStatus.CANCELLED));
            checkpoints.finish(run, repo.find(g.key()).orElseThrow(),
                    () -> loadStored(run, repo.find(g.key()).orElseThrow()));
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
        if (!repo.claim(g.key(), config.leaseDuration(), List.of(GenerationStatus.COMPLETED, GenerationStatus.VALIDATING,
                GenerationStatus.FAILED, GenerationStatus.CANCELLED))) {
            LOG.infof("generation %s is compiling; mapping edit of %s not applied to it", g.id(), edited.documentId());
            return;
        }
        GenerationRun run = openRun(envelope.tenantId(), envelope.correlationId(), g.id());
        try {
            SpecLoader.LoadedSpec loaded = specs.load(g.tenantId(), envelope.correlationId(), g.documentId(),
                    edited.specVersion(), edited.specObjectKey());
            MappingSpec spec = loaded.spec();
            Map<String, List<MappingRow>> byTarget = spec.rowsByTarget();
            List<String> targets = TargetSelection.refreshedTargets(g.targets(), g.requestedTargets(), byTarget);
            List<String> affected = TargetSelection.affectedTargets(edited, spec, targets);
            String specKey = loaded.objectKey() != null ? loaded.objectKey() : checkpoints.storeSpecCopy(g, spec);
            repo.describe(g.key(), spec.version(), specKey, targets, g.semanticLayerName(), spec.fileName());
            for (int i = 0; i < targets.size(); i++) {
                repo.ensureLayer(g.key(), targets.get(i), i, byTarget.get(targets.get(i)).size());
            }
            List<String> unchanged = targets.stream().filter(t -> !affected.contains(t)).toList();
            run.publish(new Thought("The mapping changed (spec version " + spec.version()
                    + (edited.changedRows().isEmpty() ? "" : ", rows " + String.join(", ", edited.changedRows()))
                    + "): recompiling " + String.join(", ", affected)
                    + (unchanged.isEmpty() ? "" : "; " + String.join(", ", unchanged) + " unchanged") + "."));
            GenerationRecord current = repo.find(g.key()).orElseThrow();
            if (targetCompiler.compileTargets(run, current, spec, affected, false, "recompiled")) {
                checkpoints.finish(run, repo.find(g.key()).orElseThrow(), () -> spec);
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
        complete(openRun(envelope.tenantId(), envelope.correlationId(), g.get().id()), g.get(), report);
    }

    /** Completes generations whose validation did not answer in time; called by the sweeper. */
    public void completeOverdue(GenerationKey key) {
        repo.find(key).ifPresent(g -> {
            try (Correlation ignored = Correlation.open(g.correlationId(), g.id(), null)) {
                complete(openRun(g.tenantId(), g.correlationId(), g.id()), g, null);
            }
        });
    }

    // ------------------------------------------------------------------ the run

    private void execute(GenerationRun run, GenerationRecord g, boolean resume) {
        Timer.Sample sample = Timer.start(metrics);
        try {
            SpecLoader.LoadedSpec loaded = specs.load(g.tenantId(), run.correlationId, g.documentId(), g.specVersion(),
                    g.specObjectKey());
            MappingSpec spec = loaded.spec();
            Map<String, List<MappingRow>> byTarget = spec.rowsByTarget();
            List<String> targets = TargetSelection.resolveTargets(g.requestedTargets(), byTarget);
            String specKey = loaded.objectKey() != null ? loaded.objectKey() : checkpoints.storeSpecCopy(g, spec);
            repo.describe(g.key(), spec.version(), specKey, targets, TargetSelection.layerName(spec, targets),
                    spec.fileName());
            for (int i = 0; i < targets.size(); i++) {
                String target = targets.get(i);
                repo.ensureLayer(g.key(), target, i, byTarget.get(target).size());
                for (String block : SEED_ORDER) {
                    repo.ensurePendingBlock(g.key(), target, block, SEED_BLOCKS.get(block));
                }
            }
            GenerationRecord described = repo.find(g.key()).orElseThrow();
            LOG.infof("generation %s: %s %d mapping rows of %s into %s", g.id(), resume ? "resuming" : "compiling",
                    spec.rows().size(), targets, g.dialects());
            run.publishHashmap(HashmapBuilder.published(repo, g.key()), resume ? "recovery" : "initial_load");
            if (resume) {
                List<String> done = repo.layers(g.key()).stream().filter(l -> "completed".equals(l.status()))
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
            if (targetCompiler.compileTargets(run, described, spec, targets, true, "compiled")) {
                checkpoints.finish(run, repo.find(g.key()).orElseThrow(), () -> spec);
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

    private void complete(GenerationRun run, GenerationRecord g, ValidationReported summary) {
        if (!repo.complete(g.key())) {
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
        run.publish(ProgressTracker.event(Stages.COMPLETED, "The semantic layer is ready", 100, stats, null));
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

    private void fail(GenerationRun run, String code, String stage, String message) {
        metrics.counter("sqlgen.generations.failed", "code", code).increment();
        repo.fail(run.key, code, stage, message);
        if (GenerationStatus.CANCELLED.equals(repo.status(run.key))) {
            // cancelled while this run held it: the cancel left the stream's end to the run
            cancels.stopped(run.tenant, run.correlationId, run.generationId);
            return;
        }
        LOG.warnf("generation %s failed at %s: %s", run.generationId, stage, message);
        run.publish(new GenerationFailed(message, stage, code));
    }

    private GenerationRun openRun(String tenant, String correlationId, String generationId) {
        return new GenerationRun(publisher, config.publishTimeout(),
                () -> repo.renewLease(new GenerationKey(tenant, generationId), config.leaseDuration()), tenant,
                correlationId, generationId);
    }

    private MappingSpec loadStored(GenerationRun run, GenerationRecord g) {
        return specs.load(g.tenantId(), run.correlationId, g.documentId(), g.specVersion(), g.specObjectKey()).spec();
    }
}
