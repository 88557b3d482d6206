package io.aide.sqlgen.service;

import io.aide.compiler.Artifacts;
import io.aide.compiler.BlockAssembler;
import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileListener;
import io.aide.compiler.CompileOptions;
import io.aide.compiler.SchemaCatalog;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** {@link LayerCompiler} backed by the rule-compiler library (no language model involved). */
@ApplicationScoped
public class RuleCompilerAdapter implements LayerCompiler {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    @Override
    public CompilationResult compile(MappingSpec spec, List<String> sqlDialects, List<String> targets,
                                     SchemaCatalog catalog, CompileListener listener) {
        return compiler.compile(spec, new CompileOptions(sqlDialects, targets, catalog), listener);
    }

    @Override
    public String sqlFile(String dialect, GeneratedLayers layers) {
        return Artifacts.sqlFile(dialect, layers.layers());
    }

    @Override
    public String pyspark(GeneratedLayers layers) {
        return Artifacts.pyspark(layers.layers());
    }

    @Override
    public byte[] dbtProject(GeneratedLayers layers, MappingSpec spec) {
        return Artifacts.dbtProject(layers.layers(), spec);
    }

    @Override
    public String assemble(List<GeneratedLayers.Block> blocks, String dialect) {
        return BlockAssembler.assemble(blocks, dialect);
    }
}
