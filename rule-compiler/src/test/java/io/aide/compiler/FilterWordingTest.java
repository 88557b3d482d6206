package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filter cells as analysts write them: an exclusion said after the rows it drops, a bare condition after the verb,
 * a remark in brackets, aliases the join cell declares, one row per key, another target's filter. Run in DuckDB.
 */
class FilterWordingTest {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private List<GeneratedLayers.Layer> layers(Specs spec) {
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("payments", "pmt_id", "claim_id", "void_ind", "amount"),
                Specs.table("claims", "claim_id", "status")));
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers();
    }

    private static List<Object> ids(GeneratedLayers.Layer layer, String key) throws Exception {
        try (DuckDb db = new DuckDb()
                .table("payments", new String[]{"pmt_id", "claim_id", "void_ind", "amount"}, new String[]{"1", "10", "N", "5"},
                        new String[]{"2", "10", "Y", "7"}, new String[]{"3", "11", null, "0"}, new String[]{"3", "11", null, "0"})
                .table("claims", new String[]{"claim_id", "status"}, new String[]{"10", "OPEN"}, new String[]{"11", "CXL"})) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY " + key).stream()
                    .map(r -> r.get(key)).map(String::valueOf).map(v -> (Object) v).toList();
        }
    }

    private static Specs payments(String filter, String join) {
        return Specs.spec()
                .row("fact", "payment_id", "INTEGER", "payments", "pmt_id", "direct", join, filter, true, null, null)
                .row("fact", "claim_status", "VARCHAR(10)", "claims", "status", "as is", join, null, false, null, null);
    }

    @Test
    void shouldReadExclusionsSaidAfterTheRowsOrRightAfterTheVerb() throws Exception {
        String join = "payments.claim_id = claims.claim_id";
        for (String filter : List.of("Voided payments out (void_ind = 'Y')", "ignore void_ind = 'Y'",
                "Payments: ignore void_ind = 'Y'", "void_ind <> 'Y' (voided payments are reversed by finance)")) {
            GeneratedLayers.Layer layer = layers(payments(filter, join)).get(0);
            assertThat(layer.columns()).as(filter).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
            // NULL void_ind: the exclusion cannot judge it, so the row stays; the <> condition drops it
            assertThat(ids(layer, "payment_id")).as(filter).startsWith("1").doesNotContain("2");
        }
    }

    @Test
    void shouldResolveAliasesTheJoinCellDeclares() throws Exception {
        String join = "payments p INNER JOIN claims c ON c.claim_id = p.claim_id";
        GeneratedLayers.Layer layer = layers(payments("UPPER(TRIM(c.status)) <> 'CXL' AND p.void_ind = 'N' (placeholders)", join)).get(0);

        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(ids(layer, "payment_id")).containsExactly("1");
    }

    @Test
    void shouldKeepOneRowPerKeyWhereTheFilterAsksForIt() throws Exception {
        GeneratedLayers.Layer layer = layers(payments("Extract sometimes sends the same payment twice - keep one row per pmt_id",
                "payments.claim_id = claims.claim_id")).get(0);

        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(ids(layer, "payment_id")).containsExactly("1", "2", "3");
    }

    @Test
    void shouldApplyTheFilterOfTheTargetAFilterCellPointsAt() throws Exception {
        String join = "payments.claim_id = claims.claim_id";
        Specs spec = payments("void_ind = 'N'", join)
                .row("agg", "payment_id", "INTEGER", "payments", "pmt_id", "direct", join,
                        "Same exclusions as fact (voided payments)", true, null, null);

        List<GeneratedLayers.Layer> layers = layers(spec);

        assertThat(layers.get(1).columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(ids(layers.get(1), "payment_id")).containsExactly("1");
    }
}
