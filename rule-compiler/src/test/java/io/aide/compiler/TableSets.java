package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several source tables given as (name, rows with the header first) pairs: the mapping compiled against their schema,
 * and the tables loaded into DuckDB to run the layers on.
 */
final class TableSets {
    private TableSets() {
    }

    /** Every target's layer, in the mapping's order, compiled against the tables' columns. */
    static List<GeneratedLayers.Layer> compile(Specs spec, Object... tables) {
        List<SchemaCatalog.Table> catalog = new ArrayList<>();
        for (int i = 0; i < tables.length; i += 2) {
            catalog.add(Specs.table((String) tables[i], ((String[][]) tables[i + 1])[0]));
        }
        return new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(),
                new SchemaCatalog(catalog)), null).layers();
    }

    static DuckDb db(Object... tables) throws Exception {
        DuckDb db = new DuckDb();
        for (int i = 0; i < tables.length; i += 2) {
            db.table((String) tables[i], (String[][]) tables[i + 1]);
        }
        return db;
    }

    /** The column's values in order, every column of the layer compiled. */
    static List<String> values(DuckDb db, GeneratedLayers.Layer layer, String column) throws Exception {
        assertThat(layer.columns()).as("%s", layer.columns().stream().map(c -> c.name() + ": " + c.reason()).toList())
                .extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY " + column
                + " NULLS LAST");
        return rows.stream().map(r -> String.valueOf(r.get(column))).toList();
    }
}
