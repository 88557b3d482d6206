package io.aide.sqlgen.service;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileListener;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.Thought;
import io.aide.sqlgen.config.SqlgenConfig;
import io.aide.sqlgen.persistence.BlockRecord;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.persistence.LayerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compile stage of a run: target by target, streaming progress and every block as it completes, storing
 * blocks, layers and lineage. Blocks identical to their stored current version are neither stored nor streamed
 * again, which is how a resumed generation continues from its first incomplete block.
 */
@ApplicationScoped
public class TargetCompiler {
    private static final Logger LOG = Logger.getLogger(TargetCompiler.class);

    private final GenerationRepository repo;
    private final LayerCompiler compiler;
    private final SqlgenConfig config;
    private final MeterRegistry metrics;
    private final SourceCatalogs catalogs;
    private final GenerationCancels cancels;
    private final CompletionEstimates estimates;
    private final Clock clock = Clock.systemUTC();

    public TargetCompiler(GenerationRepository repo, LayerCompiler compiler, SqlgenConfig config, MeterRegistry metrics,
                          SourceCatalogs catalogs, GenerationCancels cancels, CompletionEstimates estimates) {
        this.cancels = cancels;
        this.estimates = estimates;
        this.repo = repo;
        this.compiler = compiler;
        this.config = config;
        this.metrics = metrics;
        this.catalogs = catalogs;
    }

    /**
     * Compiles targets one by one.
     *
     * @param skipCompleted leave out targets whose layer is already completed (a resume)
     * @param origin        the origin of new block versions: compiled, recompiled
     * @return false when the generation was cancelled meanwhile
     */
    boolean compileTargets(GenerationRun run, GenerationRecord g, MappingSpec spec, List<String> targets,
                           boolean skipCompleted, String origin) {
        Map<String, List<MappingRow>> byTarget = spec.rowsByTarget();
        Map<String, LayerRecord> layers = repo.layers(g.key()).stream()
                .collect(Collectors.toMap(LayerRecord::target, l -> l));
        Map<String, BlockRecord> stored = new HashMap<>();
        repo.blocks(g.key()).forEach(b -> stored.put(b.target() + "/" + b.name(), b));
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
                targets.size() - todo.size(), config.progressInterval(),
                estimates.afterCompile(g.tenantId(), Math.max(targets.size(), layers.size())));
        Pass pass = new Pass(run, g, spec, stored, tracker, totalRows, origin);
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
            if (GenerationStatus.CANCELLED.equals(repo.status(g.key()))) {
                LOG.infof("generation %s cancelled before %s", g.id(), target);
                cancels.stopped(run.tenant, run.correlationId, run.generationId);
                return false;
            }
            compileNanos += pass.compileTarget(target, byTarget.get(target).size(), source);
        }
        if (!todo.isEmpty()) {
            double stageMillis = (System.nanoTime() - stageStarted) / 1e6;
            repo.compileTimings(g.key(), compileNanos / 1e6, stageMillis);
            metrics.timer("sqlgen.compile.pass").record(Duration.ofNanos(compileNanos));
        }
        return true;
    }

    /** One compile pass over a generation's targets. */
    private final class Pass {
        private final GenerationRun run;
        private final GenerationRecord g;
        private final MappingSpec spec;
        private final Map<String, BlockRecord> stored;
        private final ProgressTracker tracker;
        private final int totalRows;
        private final String origin;
        private final String primary;
        private final List<String> sqlDialects;
        private final int checkpoint;

        Pass(GenerationRun run, GenerationRecord g, MappingSpec spec, Map<String, BlockRecord> stored,
             ProgressTracker tracker, int totalRows, String origin) {
            this.run = run;
            this.g = g;
            this.spec = spec;
            this.stored = stored;
            this.tracker = tracker;
            this.totalRows = totalRows;
            this.origin = origin;
            this.primary = Dialects.primary(g.dialects());
            this.sqlDialects = Dialects.sqlOnly(g.dialects());
            this.checkpoint = g.checkpoint() + 1;
        }

        /** Compiles, stores and streams one target; returns the nanoseconds spent in the compiler itself. */
        long compileTarget(String target, int rows, SourceCatalogs.Loaded source) {
            repo.renewLease(g.key(), config.leaseDuration());
            repo.layerStatus(g.key(), target, "generating");
            tracker.startTarget(target);
            run.publish(ProgressTracker.event(Stages.COMPILING, "Compiling " + target + " (" + rows + " mapping rows)",
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
                        storeBlock(target, block);
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
                        run.publish(ProgressTracker.event(Stages.COMPILING, "Compiling " + target + ": "
                                + tracker.rowsCompiled() + " of " + totalRows + " rows", tracker.percentage(),
                                tracker.stats(), eta));
                        repo.estimate(g.key(), eta);
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
            long compileNanos;
            try {
                long started = System.nanoTime();
                result = compiler.compile(spec, sqlDialects, List.of(target), source.catalog(), listener);
                compileNanos = System.nanoTime() - started - listenerNanos[0];
            } catch (SqlgenException e) {
                // raised while publishing what was compiled (event_too_large): the reason stands as it is
                repo.layerStatus(g.key(), target, "failed");
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                repo.layerStatus(g.key(), target, "failed");
                LOG.errorf("compiling %s of generation %s failed: %s", target, g.id(), e);
                LOG.debug("compile failure", e);
                throw new SqlgenException("compile_failed", 500, "Compilation failed", Stages.COMPILING,
                        "Compiling target '" + target + "' failed: " + e.getMessage() + ". "
                                + (tracker.rowsCompiled() > 0 ? "Completed targets and blocks are kept; " : "")
                                + "request the generation again to resume from '" + target + "'.", e);
            }
            GeneratedLayers.Layer layer = result.layer(target);
            if (layer == null) {
                repo.layerStatus(g.key(), target, "failed");
                throw new SqlgenException("compile_failed", 500, "Compilation failed", Stages.COMPILING,
                        "The compiler produced no layer for target '" + target + "'; check its mapping rows.");
            }
            for (GeneratedLayers.Block block : layer.blocks()) {
                if (seen.add(block.name())) {
                    storeBlock(target, block);
                    tracker.blockCompleted();
                }
            }
            dropVanishedBlocks(target, seen);
            int flagged = result.columnsNeedingAttention().getOrDefault(target,
                    (int) layer.columns().stream().filter(c -> "flagged".equals(c.status())).count());
            repo.saveLayer(g.key(), layer, flagged, spec.version());
            repo.replaceLineage(g.key(), target, layer.columns());
            tracker.targetCompleted(rows, flagged);
            Instant eta = tracker.estimatedCompletion();
            repo.estimate(g.key(), eta);
            run.publish(ProgressTracker.event(Stages.COMPILING, "Compiled " + target + ": " + layer.columns().size()
                            + " columns" + (flagged > 0 ? ", " + flagged + " need attention" : ""),
                    tracker.percentage(), tracker.stats(), eta));
            tracker.emitted();
            if (flagged > 0) {
                run.publish(new Thought(attention(target, layer)));
            }
            return compileNanos;
        }

        private void storeBlock(String target, GeneratedLayers.Block block) {
            BlockRecord current = stored.get(target + "/" + block.name());
            if (current != null && current.version() > 0 && current.sql().equals(block.sql())) {
                return;
            }
            int version = repo.saveBlockVersion(g.key(), target, block.name(), block.order(), block.sql(),
                    block.mappingRefs(), "completed", origin, g.requestedBy(), checkpoint);
            run.publish(new BlockUpdated(block.name(), target, primary, "completed",
                    block.sql().getOrDefault(primary, ""), block.order(), clock.instant(), version));
        }

        private void dropVanishedBlocks(String target, Set<String> produced) {
            repo.removePendingBlocks(g.key(), target);
            stored.values().stream().filter(b -> b.target().equals(target) && b.version() > 0)
                    .filter(b -> !produced.contains(b.name()))
                    .forEach(b -> repo.markBlockRemoved(g.key(), target, b.name()));
        }
    }

    /** The Thought naming the flagged columns of a target (at most five). */
    static String attention(String target, GeneratedLayers.Layer layer) {
        List<String> items = layer.columns().stream().filter(c -> "flagged".equals(c.status())).limit(5)
                .map(c -> c.name() + (c.mappingRef() == null ? "" : " " + c.mappingRef())
                        + (c.reason() == null ? "" : ": " + c.reason())).toList();
        long count = layer.columns().stream().filter(c -> "flagged".equals(c.status())).count();
        return count + " column(s) of " + target + " need attention and were emitted as typed NULL with a TODO: "
                + String.join("; ", items) + (count > items.size() ? "; ..." : "") + ".";
    }
}
