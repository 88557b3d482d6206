package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aide.compiler.TableSets.compile;
import static io.aide.compiler.TableSets.db;
import static io.aide.compiler.TableSets.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test whose subject is the row's source columns taken together ("Null when either reading is missing", "0 if both
 * are blank"), comparisons said "lower than" and "ends in", codes written without quotes after "starts with X or" and
 * "=" (never the column whose name the word only ends, IS_TEST for TEST), classes of rows each told by a bracket, a
 * test followed by the rows it holds for ("VOID_IND = 'Y' (any case) lines"), and rows loaded once by their key.
 * Run in DuckDB.
 */
class QuantifiedTestsAndBareCodesTest {
    private static final String[][] TRIP = {
            {"trip_id", "odo_out", "odo_in", "driver"},
            {"T1", "100", "180", ""},
            {"T2", "200", "", "Ann"},
            {"T3", "", "", "Bo"},
            {"T4", "300", "250", "Cy"}};

    @Test
    void shouldTestEachSourceColumnWhenTheRuleSaysEitherOrBoth() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_trip", "trip_id", "VARCHAR(5)", "trip", "trip_id", "Direct", null, null, true, null, null)
                .row("fact_trip", "miles", "INTEGER", "trip", "odo_out, odo_in", "ODO_IN - ODO_OUT. Null when either reading is "
                        + "missing, or when ODO_IN is lower than ODO_OUT (bad keying)")
                .row("fact_trip", "no_readings", "VARCHAR(1)", "trip", "odo_out, odo_in", "'Y' if both are blank, else 'N'");
        List<GeneratedLayers.Layer> layers = compile(spec, "trip", TRIP);
        try (DuckDb db = db("trip", TRIP)) {
            assertThat(values(db, layers.get(0), "trip_id")).containsExactly("T1", "T2", "T3", "T4");
            // T1's blank driver is no reading: only the columns the row names are tested
            assertThat(values(db, layers.get(0), "miles")).containsExactly("80", "null", "null", "null");
            List<String> none = db.query("SELECT no_readings FROM (\n" + layers.get(0).sql().get("duckdb") + "\n) v ORDER BY trip_id")
                    .stream().map(r -> String.valueOf(r.get("no_readings"))).toList();
            assertThat(none).containsExactly("N", "N", "Y", "N");
        }
    }

    private static final String[][] VESSEL = {
            {"vsl_code", "record_type", "is_test", "email"},
            {"PDV", "Ferry", "N", "ops@line.com"},
            {"tst01", "Ferry", "N", "ops@line.com"},
            {"zz9", "Ferry", "N", "ops@line.com"},
            {"CAL", " test ", "N", "ops@line.com"},
            {"ISL", "Ferry", "Y", "qa@TEST.LINE.COM"},
            {"NRD", "Ferry", "Y", "ops@line.com"}};

    @Test
    void shouldReadCodesWithoutQuotesAsCodesAndNeverAsAColumnTheyOnlyEnd() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_vessel", "vessel_code", "VARCHAR(5)", "vessel", "vsl_code", "trim + upper", null,
                        "Vessels whose code starts with TST or ZZ (any case) are excluded. Any VESSEL row with RECORD_TYPE = TEST "
                                + "(any case, ignore spaces) is not loaded. Rows where the e-mail ends in '@test.line.com' (any case)"
                                + " are excluded.", true, null, null);
        List<GeneratedLayers.Layer> layers = compile(spec, "vessel", VESSEL);
        try (DuckDb db = db("vessel", VESSEL)) {
            // tst01 and zz9 start with a test prefix, CAL is a test record type, ISL has a test address; NRD's IS_TEST
            // is no record type
            assertThat(values(db, layers.get(0), "vessel_code")).containsExactly("NRD", "PDV");
        }
    }

    private static final String[][] GIFT = {
            {"gift_id", "status", "amount_pence"},
            {"G1", "C", "500"},
            {"G2", "F", "500"},
            {"G3", "C", "0"},
            {" G1", "C", "500"},
            {"G4", "R", "250"}};

    @Test
    void shouldLeaveOutEachClassToldByItsBracketAndLoadARepeatedKeyOnce() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_gift", "gift_id", "VARCHAR(5)", "gift", "gift_id", "1:1, trimmed", null,
                        "Failed gifts (STATUS = F) and zero-value gifts (AMOUNT_PENCE = 0) are not loaded. Repeated GIFT_IDs "
                                + "(after trimming) are loaded once.", true, null, null);
        List<GeneratedLayers.Layer> layers = compile(spec, "gift", GIFT);
        try (DuckDb db = db("gift", GIFT)) {
            assertThat(values(db, layers.get(0), "gift_id")).containsExactly("G1", "G4");
        }
    }

    private static final String[][] LINE = {
            {"invoice_no", "line_no", "void_ind", "fee"},
            {"I1", "1", "N", "10"},
            {"I1", "1", "N", "10"},
            {"I1", "2", "y", "20"},
            {"I2", "1", "", "30"}};

    @Test
    void shouldReadATestFollowedByTheRowsItHoldsForAndOneRowPerKeyOfAResentLine() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_line", "line_id", "VARCHAR(10)", "line", "invoice_no, line_no", "INVOICE_NO || '-' || LINE_NO", null,
                        "VOID_IND = 'Y' (any case) lines are excluded. The extract sometimes repeats a line: keep one row per "
                                + "INVOICE_NO + LINE_NO.", true, null, null)
                .row("fact_line", "fee", "INTEGER", "line", "fee", "Direct");
        List<GeneratedLayers.Layer> layers = compile(spec, "line", LINE);
        try (DuckDb db = db("line", LINE)) {
            assertThat(values(db, layers.get(0), "line_id")).containsExactly("I1-1", "I2-1");
            assertThat(values(db, layers.get(0), "fee")).containsExactly("10", "30");
        }
    }

    private static final String[][] ACCOUNT = {
            {"acct_id", "acct_name", "is_test", "last_updated"},
            {"C1", "Northwind", "N", "2024-01-01"},
            {"C1", "Northwind Ltd", "N", "2024-02-01"},
            {"C2", "Test Corp", "N", "2024-01-01"},
            {"C3", "Acme", "Y", "2024-01-01"},
            {"C4", "Bolt", "N", "2024-01-01"}};
    private static final String[][] LICENCE = {
            {"license_key", "acct_id", "end_dt"},
            {"LK1", "C1", "2024-12-31"},
            {"LK1", "C1", "2024-12-31"},
            {"LK2", "C2", "2024-12-31"},
            {"LK3", "C3", "2024-12-31"},
            {"LK4", "C4", "2024-12-31"}};
    private static final String[][] ACTIVATION = {
            {"activation_id", "license_key"},
            {"1", "LK1"},
            {"2", "LK2"},
            {"3", "LK4"},
            {"4", "LK9"}};

    @Test
    void shouldReadAKindLeftOutThenDefinedAndTheRowsOfItsRowsNamedBack() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_customer", "customer_id", "VARCHAR(10)", "crm_account", "acct_id", "trim + upper", null, null, true, null, null)
                .row("dim_customer", "customer_name", "VARCHAR(40)", "crm_account", "acct_name", "Trim")
                .row("dim_license", "license_key", "VARCHAR(10)", "lic_license", "license_key", "Trim, upper", null, null, true, null, null)
                .row("fact_activation", "activation_id", "INTEGER", "lic_activation", "activation_id", "1:1", null,
                        "Activations whose licence key is not in DIM_LICENSE are NOT loaded.", true, null, null)
                .note("General Rules", "3. CRM_ACCOUNT can hold more than one row for the same account. Keep only the row with the "
                        + "latest LAST_UPDATED; all customer attributes come from that row.")
                .note("General Rules", "4. LIC_LICENSE can hold the same licence key more than once; fully identical rows are simply "
                        + "collapsed.")
                .note("General Rules", "5. Test / internal accounts are excluded from DIM_CUSTOMER: IS_TEST = 'Y', or the account "
                        + "name begins with 'TEST' (any case). Their licences are excluded from DIM_LICENSE as well.");
        List<GeneratedLayers.Layer> layers = compile(spec, "crm_account", ACCOUNT, "lic_license", LICENCE, "lic_activation", ACTIVATION);
        try (DuckDb db = db("crm_account", ACCOUNT, "lic_license", LICENCE, "lic_activation", ACTIVATION)) {
            assertThat(values(db, layers.get(0), "customer_id")).containsExactly("C1", "C4");
            assertThat(values(db, layers.get(0), "customer_name")).containsExactly("Bolt", "Northwind Ltd");
            // LK2 and LK3 are licences of test accounts; LK1 is sent twice alike
            assertThat(values(db, layers.get(1), "license_key")).containsExactly("LK1", "LK4");
            db.exec("CREATE VIEW \"" + layers.get(1).target() + "\" AS " + layers.get(1).sql().get("duckdb"));
            // activations 2 (a test account's licence) and 4 (an unknown one) are not in DIM_LICENSE
            assertThat(values(db, layers.get(2), "activation_id")).containsExactly("1", "3");
        }
    }

    private static final String[][] REPAYMENT = {
            {"txn_id", "txn_status"},
            {"1", "POSTED"},
            {"2", "PENDING"},
            {"3", "DISHONOURED"},
            {"4", "POSTED"}};

    @Test
    void shouldKeepTheRowsSaidLoadedWhateverABracketSaysOfTheOthers() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_repayment", "repayment_id", "INTEGER", "ln_repayment", "txn_id", "Direct", null,
                        "Only rows with TXN_STATUS = POSTED are loaded (PENDING and DISHONOURED are dropped).", true, null, null);
        List<GeneratedLayers.Layer> layers = compile(spec, "ln_repayment", REPAYMENT);
        try (DuckDb db = db("ln_repayment", REPAYMENT)) {
            assertThat(values(db, layers.get(0), "repayment_id")).containsExactly("1", "4");
        }
    }
}
