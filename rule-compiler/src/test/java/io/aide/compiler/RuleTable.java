package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phrase table's harness: one source table with its rows, a target keyed by one of its columns, and a rule compiled
 * for the column "out" in every dialect; the DuckDB SQL runs on the rows in DuckDB and gives the values, ordered by the
 * key. The rule tests are tables of phrase -> expected values on top of it.
 */
final class RuleTable {
    private final String table;
    private final String[] header;
    private final String[][] rows;
    private final String key;
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    RuleTable(String table, String key, String[] header, String[]... rows) {
        this.table = table;
        this.key = key;
        this.header = header;
        this.rows = rows;
    }

    /** The layer for rule on the target column (its type; the row's source columns, comma-separated, or null). */
    GeneratedLayers.Layer compile(String type, String source, String rule, String target) {
        Specs spec = Specs.spec()
                .row("t", key, key.equals("id") ? "INTEGER" : "VARCHAR", table, key, "Direct move", null, null, true, false, null)
                .row("t", target, type, table, source, rule, null, null, false, true, null);
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table(table, header)));
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb", "postgres", "spark", "snowflake",
                "bigquery", "ansi"), List.of(), catalog), null).layers().get(0);
    }

    GeneratedLayers.Layer compile(String type, String source, String rule) {
        return compile(type, source, rule, "out");
    }

    /** The values of the target column, one per row of the layer in key order, each as {@code shown} gives it. */
    List<Object> run(String type, String source, String rule, String target, Function<Object, Object> shown) throws Exception {
        GeneratedLayers.Layer layer = compile(type, source, rule, target);
        assertThat(layer.columns().get(1).status()).as("%s: %s", rule, layer.columns().get(1).reason())
                .isEqualTo("compiled");
        try (DuckDb db = new DuckDb()) {
            String[][] all = new String[rows.length + 1][];
            all[0] = header;
            System.arraycopy(rows, 0, all, 1, rows.length);
            db.table(table, all);
            List<Object> out = new ArrayList<>();
            for (Map<String, Object> row : db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY \""
                    + key + "\"")) {
                out.add(shown.apply(row.get(target)));
            }
            return out;
        }
    }

    /** Each rule gives the expected values, one per row in key order, as text ({@link #text(Object)}). */
    void expect(String type, String source, List<String> rules, Object... expected) throws Exception {
        for (String rule : rules) {
            assertThat(run(type, source, rule, "out", RuleTable::text)).as(rule).containsExactly(expected);
        }
    }

    /** Numbers with a fraction as plain text without trailing zeros ("12.35"); other values as DuckDB gives them. */
    static Object number(Object v) {
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v instanceof Double d
                ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : v;
    }

    /** Every value as text (NULL stays null), numbers as {@link #number(Object)} gives them. */
    static Object text(Object v) {
        Object n = number(v);
        return n == null ? null : n.toString();
    }

    /** The column is flagged; its reason. */
    String flagged(String type, String source, String rule) {
        GeneratedLayers.Column out = compile(type, source, rule).columns().get(1);
        assertThat(out.status()).as("status of %s", rule).isEqualTo("flagged");
        return out.reason();
    }
}
