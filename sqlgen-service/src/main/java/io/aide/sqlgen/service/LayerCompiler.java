package io.aide.sqlgen.service;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileListener;
import io.aide.compiler.SchemaCatalog;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;

import java.util.List;

/** The rule compiler as the service uses it: compile targets, render artifacts, re-assemble edited blocks. */
public interface LayerCompiler {

    /**
     * Compiles the given targets into the given SQL dialects, calling the listener as blocks complete.
     *
     * @param catalog the data source's tables, keys and foreign keys to bind to; null binds to the spec alone
     */
    CompilationResult compile(MappingSpec spec, List<String> sqlDialects, List<String> targets, SchemaCatalog catalog,
                              CompileListener listener);

    /** The whole layer file of one SQL dialect (one CREATE VIEW per target, with origin comments). */
    String sqlFile(String dialect, GeneratedLayers layers);

    /** A PySpark job computing the same rows as the SQL. */
    String pyspark(GeneratedLayers layers);

    /** A zipped dbt project: one model per target plus schema.yml. */
    byte[] dbtProject(GeneratedLayers layers, MappingSpec spec);

    /** The SELECT of one layer in one dialect, assembled from its blocks (after a block edit). */
    String assemble(List<GeneratedLayers.Block> blocks, String dialect);
}
