package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aide.compiler.TableSets.compile;
import static io.aide.compiler.TableSets.db;
import static io.aide.compiler.TableSets.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everyday steps said in other words ("store in upper case", "lower-case it", "first letter capital, rest lower"),
 * what the data holds said before an arrow ("Fee is stored in cents -> divide by 100"), the text 'NULL' named in words,
 * a value given in brackets after what it stands for ("assume a single seat (1)"), seconds said to be zero after a
 * parse without them, a case-insensitive map with codes in mixed case, and a filter whose kind is named before its
 * test with a pointer to the rule for duplicates. Run in DuckDB.
 */
class EverydayStepsAndRemarksTest {
    private static final String[][] VESSEL = {
            {"vsl_code", "vsl_name", "edition", "email", "fee_cents", "seats", "acct_name", "tested_at", "sex"},
            {"V1", " pride of dover ", "ENTERPRISE", " Ops@Line.COM ", "12550", "", "NULL", "03/02/2024 14:05", "male"},
            {"V2", "Spirit", "team", "qa@line.com", "900", "25", " Acme ", "", " F"},
            {"V3", "isle star", "Standard edition", "", "", "3", "", "31/12/2023 09:30", "x"}};

    @Test
    void shouldReadEverydayStepsSaidInOtherWords() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_vessel", "vessel_code", "VARCHAR(5)", "vessel", "vsl_code", "Direct", null, null, true, null, null)
                .row("dim_vessel", "vessel_name", "VARCHAR(40)", "vessel", "vsl_name", "Remove leading/trailing spaces and store in upper case.")
                .row("dim_vessel", "edition", "VARCHAR(20)", "vessel", "edition", "Proper case (first letter capital, rest lower), "
                        + "e.g. 'ENTERPRISE' -> 'Enterprise'")
                .row("dim_vessel", "email", "VARCHAR(40)", "vessel", "email", "Trim and lower-case it.")
                .row("dim_vessel", "fee_amt", "DECIMAL(10,2)", "vessel", "fee_cents", "Fee is stored in cents -> divide by 100")
                .row("dim_vessel", "seat_count", "INTEGER", "vessel", "seats", "Convert to whole number. If blank or NULL assume a "
                        + "single seat (1).")
                .row("dim_vessel", "customer_name", "VARCHAR(40)", "vessel", "acct_name", "Trim spaces. If blank or the literal text "
                        + "NULL use 'Unknown Customer'.")
                .row("dim_vessel", "tested_ts", "TIMESTAMP", "vessel", "tested_at", "Source text 'DD/MM/YYYY HH:MM' (24h). Convert to "
                        + "timestamp, seconds = 00.")
                .row("dim_vessel", "gender", "CHAR(1)", "vessel", "sex", "M or Male = M, F or Female = F (not case sensitive), "
                        + "anything else incl. blank = U");
        List<GeneratedLayers.Layer> layers = compile(spec, "vessel", VESSEL);
        try (DuckDb db = db("vessel", VESSEL)) {
            GeneratedLayers.Layer l = layers.get(0);
            assertThat(values(db, l, "vessel_code")).containsExactly("V1", "V2", "V3");
            assertThat(column(db, l, "vessel_name")).containsExactly("PRIDE OF DOVER", "SPIRIT", "ISLE STAR");
            // the bracket says what is meant: the first letter capital, the rest lower, word by word or not
            assertThat(column(db, l, "edition")).containsExactly("Enterprise", "Team", "Standard edition");
            assertThat(column(db, l, "email")).containsExactly("ops@line.com", "qa@line.com", "");
            assertThat(column(db, l, "fee_amt")).containsExactly("125.50", "9.00", "null");
            assertThat(column(db, l, "seat_count")).containsExactly("1", "25", "3");
            assertThat(column(db, l, "customer_name")).containsExactly("Unknown Customer", "Acme", "Unknown Customer");
            assertThat(column(db, l, "tested_ts")).containsExactly("2024-02-03 14:05:00.0", "null", "2023-12-31 09:30:00.0");
            assertThat(column(db, l, "gender")).containsExactly("M", "F", "U");
        }
    }

    private static final String[][] PATIENT = {
            {"patient_id", "last_upd"},
            {"P1", "2024-01-01"},
            {"tst9", "2024-01-01"},
            {"P2", "2024-01-01"},
            {"P2", "2024-03-01"}};

    @Test
    void shouldReadAKindNamedBeforeItsTestBesideAPointerToTheRuleForDuplicates() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_patient", "patient_id", "VARCHAR(5)", "patient", "patient_id", "Direct", null,
                        "Exclude test patients: PATIENT_ID starting with 'TST' (any case). See General Rules #4 for duplicates.",
                        true, null, null)
                .row("dim_patient", "updated", "DATE", "patient", "last_upd", "Direct")
                .note("General Rules", "4. PATIENT can hold the same PATIENT_ID more than once: keep the row with the latest LAST_UPD.");
        List<GeneratedLayers.Layer> layers = compile(spec, "patient", PATIENT);
        try (DuckDb db = db("patient", PATIENT)) {
            assertThat(values(db, layers.get(0), "patient_id")).containsExactly("P1", "P2");
            assertThat(values(db, layers.get(0), "updated")).containsExactly("2024-01-01", "2024-03-01");
        }
    }

    private static final String[][] HEADER = {
            {"invoice_no"},
            {"I1"},
            {"I2"}};
    private static final String[][] LINE = {
            {"invoice_no", "line_no"},
            {"I1", "1"},
            {"I1", "2"}};

    @Test
    void shouldNeverCountTheTargetsOwnRowsForARowWhoseSourceIsAnotherTable() {
        Specs spec = Specs.spec()
                .row("fact_treatment", "invoice_no", "VARCHAR(5)", "tx_line", "invoice_no", "Trim", null, null, true, null, null)
                .row("fact_treatment", "line_no", "INTEGER", "tx_line", "line_no", "Direct")
                .row("fact_invoice", "invoice_no", "VARCHAR(5)", "inv_hdr", "invoice_no", "Trim", null, null, true, null, null)
                .row("fact_invoice", "line_count", "INTEGER", "fact_treatment", "line_no", "Number of lines");
        GeneratedLayers.Layer invoice = compile(spec, "inv_hdr", HEADER, "tx_line", LINE).get(1);
        // counted over INV_HDR it would give 1 a header: the lines are FACT_TREATMENT's, and no join to them is given
        assertThat(invoice.columns().get(1).status()).isEqualTo("flagged");
        assertThat(invoice.columns().get(1).reason()).contains("no join from");
    }

    private static final String[][] BRANCH = {
            {"branch_cd", "bays"},
            {"B1", "12"},
            {"B2", "NULL"},
            {"B3", ""}};

    @Test
    void shouldTakeANullCellThatKeepsTheTextNullInQuotesAsBorneOut() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_branch", "branch_code", "VARCHAR(5)", "branch", "branch_cd", "Direct", null, null, true, null, null)
                .rowWithDefault("dim_branch", "parking_bays", "INTEGER", "branch", "bays", "1:1", null,
                        "Blank / 'NULL' -> null (do not default to 0)");
        List<GeneratedLayers.Layer> layers = compile(spec, "branch", BRANCH);
        try (DuckDb db = db("branch", BRANCH)) {
            assertThat(values(db, layers.get(0), "branch_code")).containsExactly("B1", "B2", "B3");
            assertThat(values(db, layers.get(0), "parking_bays")).containsExactly("12", "null", "null");
        }
    }

    /** The column's values in the order of the rows' vessel codes. */
    private static List<String> column(DuckDb db, GeneratedLayers.Layer layer, String column) throws Exception {
        return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY vessel_code").stream()
                .map(r -> String.valueOf(r.get(column))).toList();
    }
}
