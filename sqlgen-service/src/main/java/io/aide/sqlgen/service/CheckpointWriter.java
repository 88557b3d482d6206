package io.aide.sqlgen.service;

import io.aide.events.EventJson;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.Thought;
import io.aide.events.v1.ValidationRequested;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.sqlgen.config.SqlgenConfig;
import io.aide.sqlgen.persistence.BlockRecord;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.persistence.LayerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A generation's objects in S3 (the layers JSON of each checkpoint, the artifacts, a copy of a spec that came over
 * REST) and the checkpoint that hands the layers to the validator.
 */
@ApplicationScoped
public class CheckpointWriter {
    private static final Logger LOG = Logger.getLogger(CheckpointWriter.class);

    private final GenerationRepository repo;
    private final LayerCompiler compiler;
    private final ObjectStore store;
    private final SqlgenConfig config;
    private final GenerationCancels cancels;
    private final CompletionEstimates estimates;
    private final Clock clock = Clock.systemUTC();

    public CheckpointWriter(GenerationRepository repo, LayerCompiler compiler, ObjectStore store, SqlgenConfig config,
                            GenerationCancels cancels, CompletionEstimates estimates) {
        this.cancels = cancels;
        this.estimates = estimates;
        this.repo = repo;
        this.compiler = compiler;
        this.store = store;
        this.config = config;
    }

    /** Writes layers and artifacts, then asks for validation; the generation waits for the summary. */
    void finish(GenerationRun run, GenerationRecord g, Supplier<MappingSpec> spec) {
        int checkpoint = g.checkpoint() + 1;
        GeneratedLayers generated = generatedLayers(g, checkpoint);
        Duration afterCompile = estimates.afterCompile(g.tenantId(), generated.layers().size());
        run.publish(ProgressTracker.event(Stages.WRITING_ARTIFACTS, "Writing the layers and artifacts", 88,
                Map.of("targets", generated.layers().size()), clock.instant().plus(afterCompile)));
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
        int flagged = repo.layers(g.key()).stream().mapToInt(LayerRecord::columnsNeedingAttention).sum();
        Instant eta = clock.instant().plus(afterCompile);
        if (!repo.markValidating(g.key(), checkpoint, layerKey, artifacts, filename, flagged,
                clock.instant().plus(config.validationTimeout()), eta)) {
            LOG.infof("generation %s was cancelled while its artifacts were written; no validation requested", g.id());
            cancels.stopped(run.tenant, run.correlationId, run.generationId);
            return;
        }
        run.publishHashmap(HashmapBuilder.published(repo, g.key()), "checkpoint");
        run.awaitSent();
        LOG.infof("generation %s: checkpoint %d written (%s), validation requested", g.id(), checkpoint,
                artifacts.keySet());
        run.validation(new ValidationRequested(g.id(), g.documentId(), g.specVersion(), g.specObjectKey(), layerKey,
                g.dialects(), g.dataSourceId(), checkpoint));
        run.publish(ProgressTracker.event(Stages.VALIDATING, "Validating the layers on sample data", 92,
                Map.of("checkpoint", checkpoint, "columns_flagged", flagged), eta));
    }

    /** The completed layers with their compiled blocks, as the validator and the artifacts read them. */
    GeneratedLayers generatedLayers(GenerationRecord g, int checkpoint) {
        List<BlockRecord> blocks = repo.blocks(g.key());
        List<GeneratedLayers.Layer> layers = new ArrayList<>();
        for (LayerRecord l : repo.layers(g.key())) {
            if (!"completed".equals(l.status())) {
                continue;
            }
            List<GeneratedLayers.Block> layerBlocks = blocks.stream().filter(b -> b.target().equals(l.target()))
                    .filter(b -> b.version() > 0).map(CheckpointWriter::contractBlock).toList();
            layers.add(new GeneratedLayers.Layer(l.target(), l.sql(), l.pyspark(), layerBlocks, l.columns(),
                    l.sourceTables(), l.keyColumns()));
        }
        return new GeneratedLayers(g.id(), g.documentId(), g.specVersion(), checkpoint, layers);
    }

    /** Keeps a spec that came from document-service's REST API, so the validator reads the same one. */
    String storeSpecCopy(GenerationRecord g, MappingSpec spec) {
        String key = prefix(g) + "spec-v" + spec.version() + ".json";
        store.put(key, EventJson.toBytes(spec), "application/json");
        return key;
    }

    static GeneratedLayers.Block contractBlock(BlockRecord b) {
        return new GeneratedLayers.Block(b.name(), b.order(), b.version(), b.sql(), b.mappingRefs());
    }

    static String prefix(GenerationRecord g) {
        return "tenants/" + g.tenantId() + "/generations/" + g.id() + "/";
    }
}
