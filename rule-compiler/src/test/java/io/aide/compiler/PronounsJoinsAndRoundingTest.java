package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aide.compiler.TableSets.compile;
import static io.aide.compiler.TableSets.db;
import static io.aide.compiler.TableSets.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentences that point back to rows named before them ("... is a QA/training record. It is not loaded to DIM_DONOR, and
 * visits of those donor ids are not loaded anywhere", "..., and every application made against such a requisition is
 * excluded from FACT_APPLICATION"), codes of a rule said not to be loaded, a value "not loaded" that keeps its rows, a
 * join cell with cleaned keys and sentences on its kind, a default said with a dash and when it applies, a filter that
 * names a target column in words, and rule forms around formulas and rounding. Run in DuckDB.
 */
class PronounsJoinsAndRoundingTest {
    private static final String[][] DONOR = {
            {"donor_id", "last_nm"},
            {"D1", "Patel"},
            {"TST9", "Jones"},
            {"D2", "test"},
            {"D3", "Brown"}};
    private static final String[][] VISIT = {
            {"visit_id", "donor_id", "outcome_cd", "vol_ml"},
            {"V1", "D1", "C", "450"},
            {"V2", "TST9", "C", "450"},
            {"V3", "D2", "d", "0"},
            {"V4", "D3", "x", "0"},
            {"V5", "D9", "C", "470"}};

    @Test
    void shouldLeaveOutTheRowsAPronounAndTheirIdentifiersPointBackTo() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_donor", "donor_id", "VARCHAR(10)", "donor", "donor_id", "Trim", null, null, true, null, null)
                .row("fact_visit", "visit_id", "VARCHAR(10)", "visit", "visit_id", "Direct (trim). One row per visit.", null, null, true,
                        null, "Deferred visits sometimes have 0 - do not load it")
                .row("fact_visit", "visit_outcome", "VARCHAR(10)", "visit", "outcome_cd", "C -> 'Collected', D -> 'Deferred' (code is not "
                        + "case sensitive). X = cancelled/no-show, those rows are not loaded.")
                .row("fact_visit", "volume_ml", "INTEGER", "visit", "vol_ml", "CASE WHEN UPPER(TRIM(outcome_cd)) = 'C' THEN "
                        + "CAST(vol_ml AS INTEGER) ELSE NULL END")
                .note("Notes", "1 | Test records: any DONOR row whose DONOR_ID (trimmed) starts with 'TST', or whose LAST_NM is 'TEST' "
                        + "(any case), is a QA/training record. It is not loaded to DIM_DONOR, and visits of those donor ids are not "
                        + "loaded anywhere.");
        List<GeneratedLayers.Layer> layers = compile(spec, "donor", DONOR, "visit", VISIT);
        try (DuckDb db = db("donor", DONOR, "visit", VISIT)) {
            assertThat(values(db, layers.get(0), "donor_id")).containsExactly("D1", "D3");
            // V2 and V3 are visits of test donors, V4 is cancelled; V5's donor is unknown, not a test one
            assertThat(values(db, layers.get(1), "visit_id")).containsExactly("V1", "V5");
            assertThat(values(db, layers.get(1), "volume_ml")).containsExactly("450", "470");
        }
    }

    private static final String[][] REQUISITION = {
            {"req_id", "test_flag"},
            {"R1", "N"},
            {"R2", " y "},
            {"R3", ""}};
    private static final String[][] APPLICATION = {
            {"app_id", "req_id", "disposition"},
            {"A1", "R1", "OPEN"},
            {"A2", "R2", "OPEN"},
            {"A3", "R3", " dup"},
            {"A4", "R9", "OPEN"}};

    @Test
    void shouldGiveAClauseThatPointsToSuchRowsTheRowsTheClauseBeforeLeavesOut() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_requisition", "requisition_id", "VARCHAR(10)", "requisition", "req_id", "Trim", null, null, true, null, null)
                .row("fact_application", "application_id", "VARCHAR(10)", "application", "app_id", "Direct", null, null, true, null, null)
                .note("General Rules", "2 | Test requisitions: any REQUISITION row with TEST_FLAG = 'Y' (any case, ignore spaces) is "
                        + "excluded from DIM_REQUISITION, and every application made against such a requisition is excluded from "
                        + "FACT_APPLICATION.")
                .note("General Rules", "3 | Applications with DISPOSITION = 'DUP' (trimmed, any case) were merged into another "
                        + "application by the recruiter and must be dropped.")
                .note("General Rules", "4 | Applications of excluded candidates are still loaded (CANDIDATE_KEY = -1) unless excluded "
                        + "by rule 2.");
        List<GeneratedLayers.Layer> layers = compile(spec, "requisition", REQUISITION, "application", APPLICATION);
        try (DuckDb db = db("requisition", REQUISITION, "application", APPLICATION)) {
            assertThat(values(db, layers.get(0), "requisition_id")).containsExactly("R1", "R3");
            assertThat(values(db, layers.get(1), "application_id")).containsExactly("A1", "A4");
        }
    }

    private static final String[][] HEADER = {
            {"order_no", "ord_dt"},
            {"so1 ", "05/01/2024"},
            {"SO2", "06/01/2024"}};
    private static final String[][] LINE = {
            {"order_no", "line_no"},
            {"SO1", "1"},
            {" so2", "1"},
            {"SO9", "1"}};

    @Test
    void shouldJoinOnTheCleanedKeysAJoinCellNamesBeforeItsKind() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_line", "order_no", "VARCHAR(10)", "line", "order_no", "trim/upper", null, null, true, null, null)
                .row("fact_line", "order_date", "DATE", "header", "ord_dt", "DD/MM/YYYY text - convert to date",
                        "HEADER on ORDER_NO (trim/upper both sides). Inner join: lines without a header are not loaded.", null, false,
                        null, null);
        List<GeneratedLayers.Layer> layers = compile(spec, "header", HEADER, "line", LINE);
        assertThat(layers.get(0).sql().get("duckdb")).contains("JOIN \"header\" ON UPPER(TRIM(\"header\".\"order_no\"))")
                .doesNotContain("LEFT JOIN");
        try (DuckDb db = db("header", HEADER, "line", LINE)) {
            assertThat(values(db, layers.get(0), "order_no")).containsExactly("SO1", "SO2");
            assertThat(values(db, layers.get(0), "order_date")).containsExactly("2024-01-05", "2024-01-06");
        }
    }

    @Test
    void shouldCleanBothKeysOfAJoinWrittenAsAConditionWithItsBracket() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_line", "order_no", "VARCHAR(10)", "line", "order_no", "trim/upper", null, null, true, null, null)
                .row("fact_line", "order_date", "DATE", "header", "ord_dt", "DD/MM/YYYY text - convert to date",
                        "line.order_no = header.order_no (trimmed, any case)", null, false, null, null);
        List<GeneratedLayers.Layer> layers = compile(spec, "header", HEADER, "line", LINE);
        try (DuckDb db = db("header", HEADER, "line", LINE)) {
            // SO9 has no header: kept, its date NULL (a join that enriches)
            assertThat(values(db, layers.get(0), "order_date")).containsExactly("2024-01-05", "2024-01-06", "null");
        }
    }

    private static final String[][] FLIGHT = {
            {"flt_id", "airline", "irrigated"},
            {"F1", "BA", "Y"},
            {"F2", " zz", ""},
            {"F3", "LH", "no"}};

    @Test
    void shouldReadATargetColumnAFilterNamesInWordsAndADefaultSaidWithADash() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_flight", "flight_id", "VARCHAR(10)", "flight", "flt_id", "trim", null, "Exclude flights whose carrier code is ZZ.",
                        true, null, null)
                .row("dim_flight", "carrier_code", "VARCHAR(2)", "flight", "airline", "trim, upper")
                .rowWithDefault("dim_flight", "flag", "CHAR(1)", "flight", "irrigated", "Y / YES / 1 -> Y ; N / NO / 0 -> N "
                        + "(case-insensitive)", null, "'N' - assume dryland when not stated");
        List<GeneratedLayers.Layer> layers = compile(spec, "flight", FLIGHT);
        // the code the target column computes (trimmed, upper-cased), never the flight id the row reads
        assertThat(layers.get(0).sql().get("duckdb")).contains("UPPER(TRIM(\"flight\".\"airline\")) = 'ZZ'");
        try (DuckDb db = db("flight", FLIGHT)) {
            assertThat(values(db, layers.get(0), "flight_id")).containsExactly("F1", "F3");
            assertThat(values(db, layers.get(0), "flag")).containsExactly("N", "Y");
        }
    }

    private static final SampleRows LINES = new SampleRows("ol",
            new String[]{"id", "qty_bottles", "unit_price", "discount_pct", "price_cents", "tag_no"},
            new String[]{"1", "12", "9.99", "12.5", "0", "123"},
            new String[]{"2", "3", "20", "0", "2000", "12345678901"});

    @Test
    void shouldReadFormulasWithTimesAndRoundingAndCodesSaidAfterWords() throws Exception {
        GeneratedLayers.Layer layer = LINES.compile(Specs.spec()
                .row("f", "id", "INTEGER", "ol", "id", "Direct")
                .row("f", "net", "DECIMAL(12,2)", "ol", "qty_bottles, unit_price, discount_pct",
                        "QTY_BOTTLES x UNIT_PRICE x (1 - DISCOUNT_PCT / 100), rounded to 2 decimals (half up).")
                .row("f", "bottle_usd", "DECIMAL(10,2)", "ol", "price_cents", "Source is in cents, divide by 100.")
                .row("f", "sample_flag", "CHAR(1)", "ol", "price_cents", "Y if the line is free goods / a sample, i.e. price is 0 or blank; "
                        + "N otherwise.")
                .row("f", "tag", "VARCHAR(12)", "ol", "tag_no", "trim, lpad with '0' to 10"));
        assertThat(LINES.run(layer, "id", "net", "bottle_usd", "sample_flag", "tag"))
                .containsExactly("1|104.90|0.00|Y|0000000123", "2|60.00|20.00|N|12345678901");
    }

    @Test
    void shouldFlagARoundingThatRoundDoesNotDo() {
        for (String rule : List.of("QTY_BOTTLES * UNIT_PRICE, rounded to 2 decimals (half even).",
                "QTY_BOTTLES * UNIT_PRICE, rounded to 2 decimals (banker's rounding).",
                "Round QTY_BOTTLES to 2 decimals (round half to even)")) {
            GeneratedLayers.Layer layer = LINES.compileAll(Specs.spec()
                    .row("f", "id", "INTEGER", "ol", "id", "Direct")
                    .row("f", "net", "DECIMAL(12,2)", "ol", "qty_bottles, unit_price", rule)).get(0);
            assertThat(layer.columns().get(1).status()).as(rule).isEqualTo("flagged");
        }
    }
}
