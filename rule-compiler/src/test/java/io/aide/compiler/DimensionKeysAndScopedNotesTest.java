package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fact taking a dimension's key as analysts write it ("Look up DIM_STORE.STORE_KEY on the trimmed upper-cased
 * STORE_NO. No match -> -1", "... on STORE_NO (trim + upper case first)"), a lookup whose words name no column of the
 * dimension (flagged, never the source key copied), the bracket after a lookup never read as the whole rule, and a
 * general rule whose second sentence says "They are excluded from all targets". Run in DuckDB.
 */
class DimensionKeysAndScopedNotesTest {
    private static final String[][] SALE_ROWS = {
            {"sale_id", "store_no", "region", "amount"},
            {"1", "s1", "North", "10"},
            {"2", " S2 ", "North", "20"},
            {"3", "S9", "Test", "30"},
            {"4", "S1", "North", "40"}};
    private static final SampleRows SALES = new SampleRows("pos_sale", SALE_ROWS[0],
            java.util.Arrays.copyOfRange(SALE_ROWS, 1, SALE_ROWS.length));

    private static Specs withStores() {
        return Specs.spec()
                .row("dim_store", "store_key", "INTEGER", null, null, "Sequence number in ascending order of STORE_CODE.")
                .row("dim_store", "store_code", "VARCHAR(5)", "pos_sale", "store_no", "Trim, upper case.",
                        null, null, true, null, "Distinct store codes only: the sales extract repeats a store on every sale.");
    }

    @Test
    void shouldTakeTheDimensionsKeyOnTheCleanedCode() throws Exception {
        for (String rule : new String[]{"Look up DIM_STORE.STORE_KEY on the trimmed upper-cased STORE_NO. No match -> -1.",
                "Look up DIM_STORE.STORE_KEY on STORE_NO (trim + upper case the sale side first). No match or blank store -> -1.",
                "STORE_KEY from DIM_STORE where STORE_CODE = upper(trim(STORE_NO)), -1 when not found"}) {
            List<GeneratedLayers.Layer> layers = SALES.compileAll(withStores()
                    .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, null, true, null, null)
                    .row("fact_sale", "store_key", "INTEGER", "pos_sale", "store_no", rule));
            assertThat(layers.get(1).columns()).as(rule).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
            try (DuckDb db = new DuckDb().table("pos_sale", SALE_ROWS)) {
                db.exec("CREATE VIEW \"" + layers.get(0).target() + "\" AS " + layers.get(0).sql().get("duckdb"));
                assertThat(db.query("SELECT * FROM (\n" + layers.get(1).sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                        .map(r -> r.get("sale_id") + "|" + r.get("store_key")).toList()).as(rule).containsExactly("1|1", "2|2", "3|3", "4|1");
            }
        }
    }

    @Test
    void shouldNotReadTheBracketAfterALookupAsTheRule() throws Exception {
        List<GeneratedLayers.Layer> layers = SALES.compileAll(withStores()
                .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, null, true, null, null)
                .row("fact_sale", "store_key", "INTEGER", "pos_sale", "store_no",
                        "Look up STORE_KEY in DIM_STORE on the cleaned store number (trim and upper case); -1 when not found"));
        // "the cleaned store number" names no column of DIM_STORE: never the store number itself, with -1 beside it
        assertThat(layers.get(1).columns().get(1).status()).isEqualTo("flagged");
    }

    @Test
    void shouldFlagALookupThroughTheJoinCellThatNamesNoColumnOfTheDimension() throws Exception {
        List<GeneratedLayers.Layer> layers = SALES.compileAll(withStores()
                .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, null, true, null, null)
                .row("fact_sale", "outlet_ref", "INTEGER", "pos_sale", "store_no",
                        "Look up the store in DIM_STORE. If the store is not found set to -1 (Unknown).",
                        "pos_sale.store_no = dim_store.store_code", null, false, null, null));
        assertThat(layers.get(1).columns().get(1).status()).isEqualTo("flagged");
    }

    @Test
    void shouldApplyAGeneralRuleSaidOfAllTargetsToEach() throws Exception {
        List<GeneratedLayers.Layer> layers = SALES.compileAll(Specs.spec()
                .row("dim_region", "region_name", "VARCHAR(10)", "pos_sale", "region", "Trim", null, null, true, null, null)
                .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, null, true, null, null)
                .note("General Rules", "3 | Test data: rows whose REGION is 'test' (any case). They are excluded from all targets - "
                        + "region and sales."));
        assertThat(SALES.run(layers.get(0), "region_name")).containsExactly("North", "North", "North");
        assertThat(SALES.run(layers.get(1), "sale_id")).containsExactly("1", "2", "4");
    }

    @Test
    void shouldKeepOnlyTheRowsAnotherTargetHolds() throws Exception {
        for (String[] said : new String[][]{{"Keep only sales whose store is loaded in DIM_STORE.", "1|2|4"},
                {"Sales whose store is not in DIM_STORE are dropped (test stores).", "1|2|4"},
                {"Exclude sales whose STORE_NO is in DIM_STORE.", "3"}}) {
            List<GeneratedLayers.Layer> layers = SALES.compileAll(Specs.spec()
                    .row("dim_store", "store_code", "VARCHAR(5)", "pos_sale", "store_no", "Direct", null, "Exclude rows where REGION = 'Test'",
                            true, null, null)
                    .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, said[0], true, null, null));
            assertThat(layers.get(1).columns()).as(said[0]).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
            try (DuckDb db = new DuckDb().table("pos_sale", SALE_ROWS)) {
                db.exec("CREATE VIEW \"" + layers.get(0).target() + "\" AS " + layers.get(0).sql().get("duckdb"));
                assertThat(String.join("|", db.query("SELECT * FROM (\n" + layers.get(1).sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                        .map(r -> String.valueOf(r.get("sale_id"))).toList())).as(said[0]).isEqualTo(said[1]);
            }
        }
    }

    @Test
    void shouldReadAColumnFromTheFirstListedTableThatHasIt() {
        io.aide.events.spec.MappingSpec spec = Specs.spec()
                .row("fact_lease", "property_code", "VARCHAR(5)", "LEASE / DIM_PROPERTY", "PROP_CD", "Trim").build();
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("LEASE", "LEASE_NO", "PROP_CD"),
                Specs.table("UNIT", "UNIT_NO", "PROP_CD")));
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec, new CompileOptions(List.of("duckdb"), List.of(), catalog),
                null).layers().get(0);
        assertThat(layer.columns()).as("%s", layer.columns().stream().map(GeneratedLayers.Column::reason).toList())
                .extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(layer.sql().get("duckdb")).contains("TRIM(\"LEASE\".\"PROP_CD\")");
    }
}
