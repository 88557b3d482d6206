package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups as fresh documents wrote them: a left join verb, what unmatched rows get said in their own sentence ("Airport
 * not in the reference list → 'Unknown'", "Lines whose subscription is not in stg (unknown ids, trials) still load with
 * -1", "If no customer is found (...) use -1"), the value named only by the row's source cell, a key matched on the
 * target's own column of that name, a key cleaned in brackets. Run in DuckDB.
 */
class RuleLookupFallbacksTest {
    private static final String[] ORDERS = {"order_id", "dest", "acct"};
    private static final String[] AIRPORTS = {"airport_cd", "city_name", "acct", "customer_sk"};

    private static List<String> values(String type, String table, String source, String rule) throws Exception {
        Specs spec = Specs.spec()
                .row("fact", "order_id", "INTEGER", "orders", "order_id", "Direct move", null, null, true, false, null)
                .row("fact", "dest_code", "VARCHAR(3)", "orders", "dest", "Trim, upper case.")
                .row("fact", "out", type, table, source, rule);
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("orders", ORDERS), Specs.table("ref", AIRPORTS)));
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), catalog), null).layers().get(0);
        assertThat(layer.columns().get(2).status()).as("%s: %s", rule, layer.columns().get(2).reason()).isEqualTo("compiled");
        try (DuckDb db = new DuckDb()
                .table("orders", new String[][]{ORDERS, {"1", " lhr", " a1"}, {"2", "NLU", "a9"}, {"3", null, null}})
                .table("ref", new String[][]{AIRPORTS, {"LHR", "London", "A1", "10"}, {"JFK", "New York", "A2", "20"}})) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> String.valueOf(r.get("out"))).toList();
        }
    }

    @Test
    void shouldGiveUnmatchedRowsTheValueTheirSentenceSays() throws Exception {
        for (String rule : List.of(
                "Left join ref on airport_cd = dest_code and take city_name. Airport not in the reference list → 'Unknown'.",
                "Look up city_name in ref on airport_cd = dest_code. Orders whose airport is not in ref (new airports) still"
                        + " load with 'Unknown'.")) {
            assertThat(values("VARCHAR(20)", "orders", "dest", rule)).as(rule).containsExactly("London", "Unknown", "Unknown");
        }
    }

    @Test
    void shouldMatchOnTheColumnOfTheTableAnOwnerNounNames() throws Exception {
        // "the order's acct": the orders table's column, cleaned as the bracket says
        assertThat(values("INTEGER", "orders", "acct", "Look up customer_sk in ref using the order's acct (trimmed, upper case)."
                + " If not found use -1.")).containsExactly("10", "-1", "-1");
    }

    @Test
    void shouldFlagALookupOfAColumnTheRegisteredTableDoesNotHave() {
        Specs spec = Specs.spec()
                .row("fact", "order_id", "INTEGER", "orders", "order_id", "Direct move", null, null, true, false, null)
                .row("fact", "out", "INTEGER", "orders", "acct", "Look up customer_key in ref using the order's acct. If not found use -1.");
        GeneratedLayers.Column out = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("orders", ORDERS), Specs.table("ref", AIRPORTS)))), null)
                .layers().get(0).columns().get(1);
        assertThat(out.status()).isEqualTo("flagged");
        assertThat(out.reason()).contains("ref.customer_key");
    }

    @Test
    void shouldBringBackTheColumnTheRowsSourceCellNames() throws Exception {
        assertThat(values("INTEGER", "ref", "customer_sk", "Look up ref where ref.acct = orders.acct (trimmed and"
                + " upper-cased). If no customer is found (unknown account or a test account) use -1."))
                .containsExactly("10", "-1", "-1");
    }
}
