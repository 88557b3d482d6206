package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One source table with sample rows: a mapping compiled over it, and the rows of its first target run in DuckDB. */
final class SampleRows {
    private final String table;
    private final String[] header;
    private final String[][] rows;

    SampleRows(String table, String[] header, String[]... rows) {
        this.table = table;
        this.header = header;
        this.rows = rows;
    }

    GeneratedLayers.Layer compile(Specs spec) {
        return new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(),
                new SchemaCatalog(List.of(Specs.table(table, header)))), null).layers().get(0);
    }

    /** Every target's layer, in the mapping's order. */
    List<GeneratedLayers.Layer> compileAll(Specs spec) {
        return new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(),
                new SchemaCatalog(List.of(Specs.table(table, header)))), null).layers();
    }

    /** The target's rows in the order of its first column, every column compiled. */
    List<Map<String, Object>> query(GeneratedLayers.Layer layer) throws Exception {
        assertThat(layer.columns()).as("%s", layer.columns().stream().map(c -> c.name() + ": " + c.reason()).toList())
                .extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        String[][] all = new String[rows.length + 1][];
        all[0] = header;
        System.arraycopy(rows, 0, all, 1, rows.length);
        try (DuckDb db = new DuckDb().table(table, all)) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1");
        }
    }

    /** The named columns of each row, joined with '|'. */
    List<String> run(GeneratedLayers.Layer layer, String... columns) throws Exception {
        return query(layer).stream().map(r -> String.join("|", Arrays.stream(columns).map(c -> String.valueOf(r.get(c))).toList()))
                .toList();
    }
}
