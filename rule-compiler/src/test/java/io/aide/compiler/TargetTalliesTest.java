package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aide.compiler.TableSets.compile;
import static io.aide.compiler.TableSets.db;
import static io.aide.compiler.TableSets.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A column that counts or adds up the rows of another target that belong to the target's row ("Count of the invoice's
 * lines in FACT_LINE (match on cleaned INVOICE_NO). 0 if none.", "Sum of FACT_LINE.FEE_AMT for the invoice"), with a
 * condition on those rows, and rules that say more than the tally reads left flagged. Run in DuckDB.
 */
class TargetTalliesTest {
    private static final String[][] LINE = {
            {"invoice_no", "line_no", "fee_cents", "kind", "void_ind"},
            {"inv1", "1", "1000", "T", "N"},
            {" INV1", "2", "550", "C", "N"},
            {"INV2", "1", "300", "T", "N"},
            {"INV2", "2", "999", "T", "Y"}};
    private static final String[][] HEADER = {
            {"invoice_no", "paid"},
            {"INV1", "5.00"},
            {"inv2", "0"},
            {"INV3", "0"}};

    @Test
    void shouldCountAndAddUpTheRowsOfAnotherTargetThatBelongToTheRow() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_line", "invoice_no", "VARCHAR(8)", "line", "invoice_no", "Trim + upper case", null,
                        "VOID_IND = 'Y' lines are excluded.", true, null, null)
                .row("fact_line", "line_no", "INTEGER", "line", "line_no", "1:1")
                .row("fact_line", "fee_amt", "DECIMAL(10,2)", "line", "fee_cents", "Fee is stored in cents -> divide by 100")
                .row("fact_line", "line_kind", "VARCHAR(8)", "line", "kind", "T = Treatment, C = Consumable, else Other")
                .row("fact_invoice", "invoice_no", "VARCHAR(8)", "header", "invoice_no", "Trim + upper case", null, null, true,
                        null, null)
                .row("fact_invoice", "line_count", "INTEGER", "line", "invoice_no", "Count of the invoice's lines in FACT_LINE "
                        + "(match on cleaned INVOICE_NO). 0 if none.")
                .row("fact_invoice", "gross_amt", "DECIMAL(12,2)", "line", "fee_cents", "Sum of FACT_LINE.FEE_AMT for the invoice;"
                        + " 0 if no lines")
                .row("fact_invoice", "treatment_amt", "DECIMAL(12,2)", "line", "fee_cents", "Total FEE_AMT of the invoice's "
                        + "FACT_LINE rows with LINE_KIND = 'Treatment'. 0 if none.");
        List<GeneratedLayers.Layer> layers = compile(spec, "line", LINE, "header", HEADER);
        GeneratedLayers.Layer invoice = layers.stream().filter(l -> l.target().equalsIgnoreCase("fact_invoice")).findFirst().orElseThrow();
        try (DuckDb db = db("line", LINE, "header", HEADER)) {
            GeneratedLayers.Layer line = layers.stream().filter(l -> l.target().equalsIgnoreCase("fact_line")).findFirst().orElseThrow();
            db.exec("CREATE VIEW \"fact_line\" AS " + line.sql().get("duckdb"));
            assertThat(values(db, invoice, "invoice_no")).containsExactly("INV1", "INV2", "INV3");
            // INV1's two lines are one invoice once cleaned; INV2's voided line is no line of FACT_LINE; INV3 has none
            assertThat(column(db, invoice, "line_count")).containsExactly("2", "1", "0");
            assertThat(column(db, invoice, "gross_amt")).containsExactly("15.50", "3.00", "0.00");
            assertThat(column(db, invoice, "treatment_amt")).containsExactly("10.00", "3.00", "0.00");
        }
    }

    @Test
    void shouldLeaveARuleThatSaysMoreThanTheTallyReadsFlagged() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_line", "invoice_no", "VARCHAR(8)", "line", "invoice_no", "Trim + upper case", null, null, true, null, null)
                .row("fact_line", "fee_amt", "DECIMAL(10,2)", "line", "fee_cents", "Fee is stored in cents -> divide by 100")
                .row("fact_invoice", "invoice_no", "VARCHAR(8)", "header", "invoice_no", "Trim + upper case", null, null, true,
                        null, null)
                // "confirmed lines only" is a condition in words the tally does not read
                .row("fact_invoice", "confirmed_amt", "DECIMAL(12,2)", "line", "fee_cents", "Sum of FACT_LINE.FEE_AMT of confirmed "
                        + "lines only for the invoice");
        List<GeneratedLayers.Layer> layers = compile(spec, "line", LINE, "header", HEADER);
        GeneratedLayers.Layer invoice = layers.stream().filter(l -> l.target().equalsIgnoreCase("fact_invoice")).findFirst().orElseThrow();
        assertThat(invoice.columns().stream().filter(c -> c.name().equals("confirmed_amt")).findFirst().orElseThrow().status())
                .isEqualTo("flagged");
    }

    @Test
    void shouldTakeTheRowsOfAnotherTargetWhenTheKeySaysOneRowForEachOfThem() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_line", "invoice_no", "VARCHAR(8)", "line", "invoice_no", "Trim + upper case", null, null, true, null, null)
                .row("fact_line", "fee_amt", "DECIMAL(10,2)", "line", "fee_cents", "Fee is stored in cents -> divide by 100")
                .row("dim_invoice", "invoice_no", "VARCHAR(8)", "header", "invoice_no", "Trim + upper case", null, null, true,
                        null, null)
                .row("invoice_summary", "invoice_no", "VARCHAR(8)", "dim_invoice", "invoice_no", "One row for every invoice in "
                        + "DIM_INVOICE, including invoices with no lines.", null, null, true, null, null)
                .row("invoice_summary", "line_count", "INTEGER", "fact_line", "invoice_no", "Count of the invoice's lines in "
                        + "FACT_LINE. 0 if none.");
        List<GeneratedLayers.Layer> layers = compile(spec, "line", LINE, "header", HEADER);
        GeneratedLayers.Layer summary = layers.stream().filter(l -> l.target().equalsIgnoreCase("invoice_summary")).findFirst()
                .orElseThrow();
        try (DuckDb db = db("line", LINE, "header", HEADER)) {
            for (String upstream : List.of("fact_line", "dim_invoice")) {
                GeneratedLayers.Layer l = layers.stream().filter(x -> x.target().equalsIgnoreCase(upstream)).findFirst().orElseThrow();
                db.exec("CREATE VIEW \"" + upstream + "\" AS " + l.sql().get("duckdb"));
            }
            assertThat(values(db, summary, "invoice_no")).containsExactly("INV1", "INV2", "INV3");
            // the voided line counts here: this fact_line leaves no line out
            assertThat(column(db, summary, "line_count")).containsExactly("2", "2", "0");
        }
    }

    private static List<String> column(DuckDb db, GeneratedLayers.Layer layer, String column) throws Exception {
        return db.query("SELECT " + column + " FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY invoice_no").stream()
                .map(r -> String.valueOf(r.get(column))).toList();
    }
}
