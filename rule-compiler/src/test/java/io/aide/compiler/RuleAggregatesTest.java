package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregates in prose at the grain the rule states ("sum of amount per customer"), run in DuckDB: one row per value
 * of the grain, never the source rows' grain.
 */
class RuleAggregatesTest {
    private static final String[] HEADER = {"order_id", "customer", "amount", "sku"};
    private static final String[][] ROWS = {
            {"1", "c1", "10", "a"}, {"2", "c1", "30", "b"}, {"3", "c1", "20", "a"}, {"4", "c2", "5", "c"}, {"5", "c2", null, "c"}};

    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private GeneratedLayers.Layer compile(String type, String rule) {
        Specs spec = Specs.spec()
                .row("t", "customer", "VARCHAR", "orders", "customer", "Direct move", null, null, true, false, null)
                .row("t", "out", type, "orders", null, rule, null, null, false, true, null);
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("orders", HEADER)));
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb", "postgres", "spark", "snowflake",
                "bigquery", "ansi"), List.of(), catalog), null).layers().get(0);
    }

    private List<String> rows(String type, String rule) throws Exception {
        GeneratedLayers.Layer layer = compile(type, rule);
        assertThat(layer.columns().get(1).status()).as("%s: %s", rule, layer.columns().get(1).reason())
                .isEqualTo("compiled");
        try (DuckDb db = new DuckDb()) {
            String[][] all = new String[ROWS.length + 1][];
            all[0] = HEADER;
            System.arraycopy(ROWS, 0, all, 1, ROWS.length);
            db.table("orders", all);
            List<String> out = new ArrayList<>();
            for (Map<String, Object> row : db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY customer")) {
                out.add(row.get("customer") + "=" + row.get("out"));
            }
            return out;
        }
    }

    @Test
    void shouldAggregateAtTheGrainTheRuleStates() throws Exception {
        // Given phrasings of one aggregate at the customer grain / When / Then
        for (String rule : List.of("sum of amount per customer", "Total amount for each customer", "sum(amount) group by customer",
                "the total of `amount` by customer")) {
            assertThat(rows("INTEGER", rule)).as(rule).containsExactly("c1=60", "c2=5");
        }
        assertThat(rows("BIGINT", "number of records per customer")).containsExactly("c1=3", "c2=2");
        assertThat(rows("BIGINT", "count of amount per customer")).containsExactly("c1=3", "c2=1");
        assertThat(rows("BIGINT", "number of distinct sku per customer")).containsExactly("c1=2", "c2=1");
        assertThat(rows("INTEGER", "maximum amount per customer")).containsExactly("c1=30", "c2=5");
        assertThat(rows("INTEGER", "lowest amount for every customer")).containsExactly("c1=10", "c2=5");
        assertThat(rows("DOUBLE", "average amount per customer")).containsExactly("c1=20.0", "c2=5.0");
    }

    @Test
    void shouldLeaveWordsThatAreNotAnAggregateToTheOtherFamilies() {
        // Given a count of something that is not a column / When
        GeneratedLayers.Column out = compile("INTEGER", "number of days from the first dose per customer").columns().get(1);

        // Then
        assertThat(out.status()).isEqualTo("flagged");
    }
}
