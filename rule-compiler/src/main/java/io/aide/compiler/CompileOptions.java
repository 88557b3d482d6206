package io.aide.compiler;

import java.util.List;

/**
 * What to compile.
 *
 * @param dialects duckdb, postgres, spark, snowflake, bigquery, ansi (empty = duckdb)
 * @param targets  target tables to compile (empty = all); a target compiles the same alone or with others
 * @param schema   registered source tables (columns, types, keys), or null when none is registered
 */
public record CompileOptions(List<String> dialects, List<String> targets, SchemaCatalog schema) {
    public CompileOptions {
        dialects = dialects == null || dialects.isEmpty() ? List.of("duckdb") : List.copyOf(dialects);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public static CompileOptions of(String... dialects) {
        return new CompileOptions(List.of(dialects), List.of(), null);
    }

    public CompileOptions withSchema(SchemaCatalog catalog) {
        return new CompileOptions(dialects, targets, catalog);
    }

    public CompileOptions withTargets(List<String> onlyTargets) {
        return new CompileOptions(dialects, onlyTargets, schema);
    }
}
