package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter that lists what it leaves out after one verb ("Exclude cancelled orders (ORDER_STATUS = CANCELLED, any
 * case/spaces), orders of test customers, and lines with QTY <= 0"), each item read on its own: a kind defined in its
 * bracket, a kind the notes define the same way ("Test customers (IS_TEST = Y) and everything they ordered are
 * excluded"), a comparison; the rows without a match in the table the row's join cell names dropped through that join's
 * condition; a kind defined in a bracket and then excluded in the same sentence never taken for a definition alone; a
 * lookup that names a column where its table belongs flagged; "the literal text NULL ... means 'no value'" read as a
 * convention. Run in DuckDB.
 */
class ExclusionListsAndBracketKindsTest {
    private static final String[][] LINES = {{"ORDER_NO", "LINE_NO", "QTY"}, {"O1", "1", "2"}, {"O2", "1", "1"},
            {"O3", "1", "1"}, {"O4", "1", "0"}, {"O7", "1", "5"}};
    private static final String[][] HEADERS = {{"ORDER_NO", "ORDER_STATUS", "CUST_ID"}, {"O1", "OPEN", "C1"},
            {"O2", " cancelled ", "C1"}, {"O3", "OPEN", "C9"}, {"O4", "OPEN", "C1"}};
    private static final String[][] CUSTOMERS = {{"CUST_ID", "IS_TEST"}, {"C1", "N"}, {"C9", "Y"}};

    private static GeneratedLayers.Layer orderLines(String filter) {
        String join = "ORD_LINE join ORD_HDR on ORDER_NO";
        return new SemanticLayerCompiler().compile(Specs.spec()
                .row("fact_order_line", "order_no", "VARCHAR(5)", "ORD_LINE", "ORDER_NO", "Trim", join, filter, true, null, null)
                .row("fact_order_line", "line_no", "INTEGER", "ORD_LINE", "LINE_NO", "Direct", join, null, true, null, null)
                .row("fact_order_line", "order_status", "VARCHAR(12)", "ORD_HDR", "ORDER_STATUS", "Trim", join, null, false, null, null)
                .note("General Rules", "4 | Test customers (IS_TEST = Y) and everything they ordered are excluded from the mart.")
                .build(), new CompileOptions(List.of("duckdb"), List.of(), new SchemaCatalog(List.of(Specs.table("ORD_LINE", LINES[0]),
                Specs.table("ORD_HDR", HEADERS[0]), Specs.table("CUST_MASTER", CUSTOMERS[0])))), null).layers().get(0);
    }

    private static List<String> rows(GeneratedLayers.Layer layer) throws Exception {
        try (DuckDb db = new DuckDb().table("ORD_LINE", LINES).table("ORD_HDR", HEADERS).table("CUST_MASTER", CUSTOMERS)) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1, 2").stream()
                    .map(r -> r.get("order_no") + "|" + r.get("line_no")).toList();
        }
    }

    @Test
    void shouldReadEachItemOfAnExclusionList() throws Exception {
        GeneratedLayers.Layer layer = orderLines("Lines with no matching order header are dropped. Exclude cancelled orders "
                + "(ORDER_STATUS = CANCELLED, any case/spaces), orders of test customers, and lines with QTY <= 0.");
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(rows(layer)).containsExactly("O1|1");
    }

    @Test
    void shouldNotTakeAKindDefinedAndExcludedAtOnceForADefinitionAlone() throws Exception {
        GeneratedLayers.Layer layer = orderLines("Cancelled orders (ORDER_STATUS = CANCELLED, any case/spaces) and orders "
                + "raised by the night shift are not loaded. Lines with no matching order header are dropped.");
        // the night shift names nothing the rows hold: flagged, never the sentence dropped as a mere definition
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }

    @Test
    void shouldFlagALookupThatNamesAColumnWhereItsTableBelongs() {
        List<GeneratedLayers.Layer> layers = new SampleRows("pos_sale", new String[]{"sale_id", "store_no"}).compileAll(Specs.spec()
                .row("dim_store", "store_key", "INTEGER", null, null, "Sequence number in ascending order of STORE_CODE.")
                .row("dim_store", "store_code", "VARCHAR(5)", "pos_sale", "store_no", "Trim, upper case.")
                .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, null, true, null, null)
                .row("fact_sale", "store_key", "INTEGER", "pos_sale", "store_no",
                        "Lookup DIM_STORE.STORE_CODE on trimmed/upper STORE_NO, return STORE_KEY; -1 if no match"));
        GeneratedLayers.Column key = layers.get(1).columns().get(1);
        assertThat(key.status()).isEqualTo("flagged");
        assertThat(key.reason()).contains("a column, where the table to read is expected");
    }

    @Test
    void shouldReadTheNullTextSaidToMeanNoValueInQuotes() throws Exception {
        SampleRows lines = new SampleRows("ord_line", new String[]{"order_no", "discount_pct"},
                new String[]{"O1", "NULL"}, new String[]{"O2", ""}, new String[]{"O3", "10"});
        GeneratedLayers.Layer layer = lines.compile(Specs.spec()
                .row("fact_line", "order_no", "VARCHAR(5)", "ord_line", "order_no", "Direct", null, null, true, null, null)
                .row("fact_line", "discount_pct", "DECIMAL(5,2)", "ord_line", "discount_pct", "If blank or NULL then 0.")
                .note("General Rules", "2 | A blank cell and the literal text NULL in the extracts both mean 'no value'."));
        assertThat(lines.run(layer, "order_no", "discount_pct")).containsExactly("O1|0.00", "O2|0.00", "O3|10.00");
    }

    @Test
    void shouldReadValuesInWordsSaidLeftOutBesideTheOneKeptAsSaidAgain() throws Exception {
        SampleRows users = new SampleRows("crm_user", new String[]{"user_id", "role"},
                new String[]{"U1", " sales "}, new String[]{"U2", "Admin"}, new String[]{"U3", "Sales Ops"}, new String[]{"U4", "Sales"});
        GeneratedLayers.Layer layer = users.compile(Specs.spec()
                .row("dim_sales_rep", "rep_id", "VARCHAR(5)", "crm_user", "user_id", "Direct", null,
                        "Load only users whose ROLE is Sales (trimmed, any case). Integration, Admin and Sales Ops users are not loaded.",
                        true, null, null));
        assertThat(users.run(layer, "rep_id")).containsExactly("U1", "U4");
        // a kind of rows among the words is no list of values: flagged, never taken as said again
        GeneratedLayers.Layer kinds = users.compile(Specs.spec()
                .row("dim_sales_rep", "rep_id", "VARCHAR(5)", "crm_user", "user_id", "Direct", null,
                        "Load only users whose ROLE is Sales. Test and Admin users are not loaded.", true, null, null));
        assertThat(kinds.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }

    @Test
    void shouldTakeGroupsThatExistOnlyWhereRowsDoForNoChoiceOfRows() throws Exception {
        SampleRows opps = new SampleRows("crm_opp", new String[]{"opp_id", "stage"}, new String[]{"P1", "WON"}, new String[]{"P2", "OPEN"});
        List<GeneratedLayers.Layer> layers = opps.compileAll(Specs.spec()
                .row("fact_opportunity", "opportunity_id", "VARCHAR(5)", "crm_opp", "opp_id", "Direct", null, null, true, null, null)
                .row("fact_pipeline", "stage", "VARCHAR(5)", "crm_opp", "stage", "Direct", null, null, true, null, null)
                .note("General Rules", "7 | FACT_PIPELINE is built from FACT_OPPORTUNITY after it is loaded. Only combinations that "
                        + "have at least one opportunity produce a row."));
        assertThat(opps.run(layers.get(0), "opportunity_id")).containsExactly("P1", "P2");
    }

    @Test
    void shouldReadAKindNamedInPassingAndOneDefinedWithWhatBecomesOfIt() throws Exception {
        String[][] events = {{"EVT_ID", "IS_TEST"}, {"E1", "N"}, {"E2", " y "}};
        String[][] orders = {{"ORDER_ID", "EVT_ID", "PAY_STATUS"}, {"R1", "E1", "PAID"}, {"R2", "E2", "PAID"}, {"R3", "E1", "void"}};
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(Specs.spec()
                .row("dim_event", "event_id", "VARCHAR(5)", "TKT_EVENT", "EVT_ID", "Trim", null, null, true, null, null)
                .row("fact_ticket_order", "order_id", "VARCHAR(5)", "TKT_ORDER", "ORDER_ID", "Direct", null, null, true, null, null)
                .rowWithCells("fact_ticket_order", "pay_status", "VARCHAR(10)", "TKT_ORDER", "PAY_STATUS", "Upper-case.", null,
                        "Values PAID, REFUNDED, PENDING (VOID rows excluded)")
                .note("General Rules", "1 | Test events: any TKT_EVENT row with IS_TEST = 'Y' (trim, any case) is excluded from DIM_EVENT.")
                .note("General Rules", "2 | Orders placed against a test event (IS_TEST = 'Y') are excluded from FACT_TICKET_ORDER.")
                .note("General Rules", "5 | Orders with PAY_STATUS = 'VOID' (any case) are excluded.")
                .build(), new CompileOptions(List.of("duckdb"), List.of(), new SchemaCatalog(List.of(Specs.table("TKT_EVENT", events[0]),
                Specs.table("TKT_ORDER", orders[0])))), null).layers().get(1);
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("TKT_EVENT", events).table("TKT_ORDER", orders)) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> String.valueOf(r.get("order_id"))).toList()).containsExactly("R1");
        }
    }
}
