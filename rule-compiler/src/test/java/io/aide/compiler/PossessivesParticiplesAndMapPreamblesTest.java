package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aide.compiler.TableSets.compile;
import static io.aide.compiler.TableSets.db;
import static io.aide.compiler.TableSets.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A possessive after the sentence that names one thing ("Store 999 is the training store. Its fills are excluded from
 * both fact tables."), rows told by the row they are raised against ("work orders raised against a fleet number starting
 * with 'TEST'", compared as the clause before says: "(any case)"), rows without a value of a named column ("CDRs without
 * a START_TS are rejected"), and a map whose preamble names the code in words with how codes compare in a bracket ("Map
 * the switch event code (trim, ignore case): MOC, MTC -> VOICE; ..."), never read as the rule in its parenthesis. Run in
 * DuckDB.
 */
class PossessivesParticiplesAndMapPreamblesTest {
    private static final String[][] FILL = {
            {"fill_id", "store_no"},
            {"F1", "101"},
            {"F2", "999"},
            {"F3", "102"}};

    @Test
    void shouldLeaveOutTheRowsOfTheThingAPossessivePointsBackTo() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_dispense", "fill_id", "VARCHAR(5)", "fill", "fill_id", "Direct", null, null, true, null, null)
                .note("General Rules", "6 | Store 999 is the training store. Its fills are excluded from both fact tables.");
        List<GeneratedLayers.Layer> layers = compile(spec, "fill", FILL);
        try (DuckDb db = db("fill", FILL)) {
            assertThat(values(db, layers.get(0), "fill_id")).containsExactly("F1", "F3");
        }
    }

    private static final String[][] VEHICLE = {
            {"fleet_no", "make"},
            {"V1", "Volvo"},
            {" test01", "Ford"}};
    private static final String[][] WORK_ORDER = {
            {"wo_no", "fleet_no"},
            {"W1", "V1"},
            {"W2", "test02"},
            {"W3", "TEST03"}};

    @Test
    void shouldTellRowsByTheRowTheyAreRaisedAgainstComparedAsSaidBefore() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_vehicle", "fleet_number", "VARCHAR(10)", "vehicle", "fleet_no", "trim, upper", null, null, true, null, null)
                .row("fact_work_order", "work_order_id", "VARCHAR(10)", "work_order", "wo_no", "Trim, upper case.", null, null, true, null,
                        null)
                .note("General Rules", "2 | Test data: vehicle rows whose FLEET_NO starts with 'TEST' (any case) are excluded from "
                        + "DIM_VEHICLE, and work orders raised against a fleet number starting with 'TEST' are excluded from "
                        + "FACT_WORK_ORDER.");
        List<GeneratedLayers.Layer> layers = compile(spec, "vehicle", VEHICLE, "work_order", WORK_ORDER);
        try (DuckDb db = db("vehicle", VEHICLE, "work_order", WORK_ORDER)) {
            assertThat(values(db, layers.get(0), "fleet_number")).containsExactly("V1");
            // W2's fleet number is a test one in lower case, as the clause before compares it
            assertThat(values(db, layers.get(1), "work_order_id")).containsExactly("W1");
        }
    }

    private static final String[][] CDR = {
            {"cdr_id", "start_ts", "event_type"},
            {"C1", "20240101100000", " moc"},
            {"C2", "", "SMST"},
            {"C3", "20240101110000", "GPRS"},
            {"C4", "20240101120000", "VOLTE"}};

    @Test
    void shouldLeaveOutRowsWithoutAValueAndReadAMapAfterItsPreamble() throws Exception {
        Specs spec = Specs.spec()
                .row("fct_usage_event", "cdr_id", "VARCHAR(5)", "cdr", "cdr_id", "Direct", null, null, true, null,
                        "CDRs without a START_TS are rejected (not loaded).")
                .row("fct_usage_event", "event_type", "VARCHAR(10)", "cdr", "event_type", "Map the switch event code (trim, ignore case): "
                        + "MOC, MTC -> VOICE; SMSO, SMST -> SMS; GPRS, DATA -> DATA; anything else -> OTHER");
        List<GeneratedLayers.Layer> layers = compile(spec, "cdr", CDR);
        try (DuckDb db = db("cdr", CDR)) {
            assertThat(values(db, layers.get(0), "cdr_id")).containsExactly("C1", "C3", "C4");
            assertThat(values(db, layers.get(0), "event_type")).containsExactly("DATA", "OTHER", "VOICE");
        }
    }

    @Test
    void shouldNeverTakeTheWordsOfHowCodesCompareForCodes() {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("fct_usage_event", "cdr_id", "VARCHAR(5)", "cdr", "cdr_id", "Direct", null, null, true, null, null)
                .row("fct_usage_event", "event_type", "VARCHAR(10)", "cdr", "event_type", "Translate switch output (trim, ignore case): "
                        + "MOC, MTC -> VOICE; anything else -> OTHER"), "cdr", CDR).get(0);
        // read as the rule in its parenthesis, 'trim' and 'ignore case' would be codes mapped to MOC
        assertThat(layer.columns().get(1).status()).isEqualTo("flagged");
        assertThat(layer.sql().get("duckdb")).doesNotContain("'ignore case'");
    }
}
