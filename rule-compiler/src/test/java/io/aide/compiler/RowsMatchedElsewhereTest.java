package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows kept or left out by whether another table has a row for them, in the ways analysts say it: the thing named with
 * "whose", "for", "with no matching", "without a matching"; present as "is in", "exists in", "cannot be found in",
 * "not in"; the verdict before or after ("Only ... are loaded; all other ... are dropped", "... are dropped - do not
 * load with -1", "... are rejected (not loaded) and reported to ..."). The match is the lookup the target already makes
 * there, or an inner join its row states. Sentences that say the rows are kept as well, or that say something else of
 * them, are not read. Run in DuckDB.
 */
class RowsMatchedElsewhereTest {
    private static final String[][] SALE_ROWS = {
            {"sale_id", "store_no", "region", "amount"},
            {"1", "s1", "North", "10"},
            {"2", " S2 ", "North", "20"},
            {"3", "S9", "Test", "30"},
            {"4", "S1", "North", "40"}};
    private static final SampleRows SALES = new SampleRows("pos_sale", SALE_ROWS[0],
            java.util.Arrays.copyOfRange(SALE_ROWS, 1, SALE_ROWS.length));
    private static final String LOOKUP = "Look up DIM_STORE.STORE_KEY on the trimmed upper-cased STORE_NO. No match -> -1.";

    /** A store dimension without the test region's store, numbered by store code. */
    private static Specs withStores() {
        return Specs.spec()
                .row("dim_store", "store_key", "INTEGER", null, null, "Sequence number in ascending order of STORE_CODE.")
                .row("dim_store", "store_code", "VARCHAR(5)", "pos_sale", "store_no", "Trim, upper case.",
                        null, "Exclude rows where REGION = 'Test'", true, null,
                        "Distinct store codes only: the sales extract repeats a store on every sale.");
    }

    private static List<String> sales(String rule, String filter) throws Exception {
        List<GeneratedLayers.Layer> layers = SALES.compileAll(withStores()
                .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, filter, true, null, null)
                .row("fact_sale", "store_key", "INTEGER", "pos_sale", "store_no", rule));
        if (!layers.get(1).columns().stream().allMatch(c -> c.status().equals("compiled"))) {
            return null;
        }
        try (DuckDb db = new DuckDb().table("pos_sale", SALE_ROWS)) {
            db.exec("CREATE VIEW \"" + layers.get(0).target() + "\" AS " + layers.get(0).sql().get("duckdb"));
            return db.query("SELECT * FROM (\n" + layers.get(1).sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> r.get("sale_id") + "|" + r.get("store_key")).toList();
        }
    }

    @Test
    void shouldKeepOnlyTheRowsTheTargetsLookupFinds() throws Exception {
        for (String said : new String[]{"Sales whose store is not in DIM_STORE (test stores) are dropped.",
                "Sales for stores not in DIM_STORE (test or closed stores) are dropped - do not load with -1.",
                "Sales with no matching store are rejected (not loaded) and reported to Finance.",
                "Only sales whose store exists in DIM_STORE are loaded; all other sales are dropped (orphans, test stores).",
                "Sales whose store cannot be found in DIM_STORE are not loaded from this table (not set to -1).",
                "Drop sales without a matching store in DIM_STORE.",
                "Keep only sales whose STORE_NO is found in DIM_STORE."}) {
            assertThat(sales(LOOKUP, said)).as(said).containsExactly("1|1", "2|2", "4|1");
        }
    }

    @Test
    void shouldReadTheSentenceInTheRuleCellBesideTheLookup() throws Exception {
        assertThat(sales("Look up DIM_STORE.STORE_KEY on the trimmed upper-cased STORE_NO. Sales whose store is not in DIM_STORE "
                + "(test stores) are dropped.", null)).containsExactly("1|1", "2|2", "4|1");
    }

    @Test
    void shouldLeaveOutTheRowsTheLookupFinds() throws Exception {
        assertThat(sales(LOOKUP, "Exclude sales whose store is in DIM_STORE.")).containsExactly("3|-1");
    }

    @Test
    void shouldNotReadASentenceThatKeepsTheRowsOrSaysSomethingElse() throws Exception {
        for (String said : new String[]{"Sales whose store is not in DIM_STORE are loaded with -1.",
                "Sales with no matching store are kept.",
                "Sales whose store is not in DIM_STORE are reported to Finance every week.",
                "Sales with no matching region are dropped."}) {
            assertThat(sales(LOOKUP, said)).as(said).isNull();
        }
    }

    @Test
    void shouldTakeAnInnerJoinAsAlreadyDroppingTheRowsWithoutAMatch() throws Exception {
        String[][] lines = {{"ORDER_NO", "LINE_NO", "QTY"}, {"O1", "1", "2"}, {"O1", "2", "1"}, {"O7", "1", "5"}, {"O2", "1", "3"}};
        String[][] headers = {{"ORDER_NO", "ORDER_STATUS"}, {"O1", "OPEN"}, {"O2", "SHIPPED"}};
        String join = "ORD_LINE inner join ORD_HDR on ORD_LINE.ORDER_NO = ORD_HDR.ORDER_NO";
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(Specs.spec()
                .row("fact_order_line", "order_no", "VARCHAR(5)", "ORD_LINE", "ORDER_NO", "Trim.", join,
                        "Lines with no matching order header are dropped.", true, null, null)
                .row("fact_order_line", "line_no", "INTEGER", "ORD_LINE", "LINE_NO", "Direct", join, null, true, null, null)
                .row("fact_order_line", "order_status", "VARCHAR(10)", "ORD_HDR", "ORDER_STATUS", "Direct", join, null, false, null, null)
                .build(), new CompileOptions(List.of("duckdb"), List.of(), new SchemaCatalog(List.of(Specs.table("ORD_LINE", lines[0]),
                Specs.table("ORD_HDR", headers[0])))), null).layers().get(0);
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("ORD_LINE", lines).table("ORD_HDR", headers)) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1, 2").stream()
                    .map(r -> r.get("order_no") + "|" + r.get("line_no") + "|" + r.get("order_status")).toList())
                    .containsExactly("O1|1|OPEN", "O1|2|OPEN", "O2|1|SHIPPED");
        }
    }

    @Test
    void shouldMatchTheColumnBothTargetsComputeFromTheThing() throws Exception {
        String[][] headers = {{"SHIP_NO", "STATUS"}, {" S1", "OPEN"}, {"S2", "VOID"}, {"S3 ", "OPEN"}};
        String[][] lines = {{"SHIP_NO", "LINE_NO"}, {"S1", "1"}, {"S2", "1"}, {"S3", "1"}, {"S3", "2"}, {"S9", "1"}};
        List<GeneratedLayers.Layer> layers = new SemanticLayerCompiler().compile(Specs.spec()
                .row("fact_shipment", "shipment_id", "VARCHAR(5)", "SHIP_HDR", "SHIP_NO", "Trim", null,
                        "Exclude rows where STATUS = 'VOID'", true, null, null)
                .row("fact_shipment_line", "shipment_id", "VARCHAR(5)", "SHIP_DTL", "SHIP_NO", "Trimmed.", null,
                        "Only lines whose shipment exists in FACT_SHIPMENT are loaded; all other lines are dropped (cancelled and orphan "
                                + "shipments).", true, null, null)
                .row("fact_shipment_line", "line_no", "INTEGER", "SHIP_DTL", "LINE_NO", "Direct", null, null, true, null, null)
                .build(), new CompileOptions(List.of("duckdb"), List.of(), new SchemaCatalog(List.of(Specs.table("SHIP_HDR", headers[0]),
                Specs.table("SHIP_DTL", lines[0])))), null).layers();
        assertThat(layers.get(1).columns()).as(layers.get(1).columns().toString()).extracting(GeneratedLayers.Column::status)
                .containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("SHIP_HDR", headers).table("SHIP_DTL", lines)) {
            db.exec("CREATE VIEW \"" + layers.get(0).target() + "\" AS " + layers.get(0).sql().get("duckdb"));
            assertThat(db.query("SELECT * FROM (\n" + layers.get(1).sql().get("duckdb") + "\n) v ORDER BY 1, 2").stream()
                    .map(r -> r.get("shipment_id") + "|" + r.get("line_no")).toList()).containsExactly("S1|1", "S3|1", "S3|2");
        }
    }
}
