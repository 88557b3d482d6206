package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows left out by a number said in words with the other side of zero ("is zero or less", "zero or negative
 * quantity", "a quantity of zero or less", "zero, negative or blank hours"); rows alike in every column loaded once
 * ("Exact duplicate rows are loaded once", "Remove duplicates"), and beside a pick per key, which already keeps one;
 * "Ignore case and spaces" in a rule, which leaves no rows out; a clause that chooses rows beside a reference to another
 * choice ("(after its exclusions) - lines for unknown orders are dropped"), which is a choice of its own. Run in DuckDB.
 */
class WordedRangesAndDuplicatesTest {
    private static final SampleRows PARTS = new SampleRows("wo_parts", new String[]{"wo_no", "line_no", "qty", "hours"},
            new String[]{"W1", "1", "2", "3"},
            new String[]{"W1", "2", "0", ""},
            new String[]{"W2", "1", "-1", "-2"},
            new String[]{"W2", "2", "5", "1"},
            new String[]{"W2", "2", "5", "1"});

    private static GeneratedLayers.Layer parts(String filter) {
        return PARTS.compile(Specs.spec()
                .row("fact_parts", "wo_no", "VARCHAR(5)", "wo_parts", "wo_no", "Direct", null, filter, true, null, null)
                .row("fact_parts", "line_no", "INTEGER", "wo_parts", "line_no", "Direct")
                .row("fact_parts", "quantity", "DECIMAL(9,2)", "wo_parts", "qty", "Straight move."));
    }

    @Test
    void shouldLeaveOutRowsByANumberSaidInWords() throws Exception {
        for (String said : new String[]{"Exclude lines where QTY is zero or less.", "Exclude lines where QTY is zero or negative.",
                "Exclude lines where QTY is negative or zero.", "Lines with a quantity of zero or less are NOT loaded.",
                "Lines with zero or negative quantity are dropped."}) {
            GeneratedLayers.Layer layer = parts(said);
            assertThat(layer.columns()).as(said).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
            assertThat(PARTS.run(layer, "wo_no", "line_no")).as(said).containsExactlyInAnyOrder("W1|1", "W2|2", "W2|2");
        }
    }

    @Test
    void shouldLeaveOutRowsAnyOfSeveralStatesSaidBeforeTheColumnHolds() throws Exception {
        GeneratedLayers.Layer layer = parts("Entries with zero, negative or blank hours are dropped.");
        assertThat(PARTS.run(layer, "wo_no", "line_no")).containsExactlyInAnyOrder("W1|1", "W2|2", "W2|2");
    }

    @Test
    void shouldLoadRowsAlikeInEveryColumnOnce() throws Exception {
        for (String said : new String[]{"Exact duplicate rows (the stores interface re-sends lines) are loaded once.",
                "The extract sometimes repeats a line exactly; identical lines are loaded once.", "Remove duplicates."}) {
            GeneratedLayers.Layer layer = parts(said);
            assertThat(layer.columns()).as(said).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
            assertThat(PARTS.run(layer, "wo_no", "line_no")).as(said).containsExactlyInAnyOrder("W1|1", "W1|2", "W2|1", "W2|2");
        }
        GeneratedLayers.Layer both = parts("Exact duplicate rows are loaded once. Keep only the row with the highest HOURS per WO_NO.");
        assertThat(PARTS.run(both, "wo_no", "line_no")).containsExactlyInAnyOrder("W1|1", "W2|2");
    }

    @Test
    void shouldNotTakeHowValuesCompareForRowsLeftOut() throws Exception {
        GeneratedLayers.Layer layer = PARTS.compile(Specs.spec()
                .row("fact_parts", "wo_no", "VARCHAR(5)", "wo_parts", "wo_no", "W1 -> First; W2 -> Second. Ignore case and spaces.",
                        null, null, true, null, null));
        assertThat(layer.sql().get("duckdb")).doesNotContainIgnoringCase("WHERE");
    }

    @Test
    void shouldReadAClauseChoosingRowsBesideAReferenceToAnotherChoice() throws Exception {
        GeneratedLayers.Layer layer = parts(null);
        GeneratedLayers.Layer said = PARTS.compile(Specs.spec()
                .row("fact_parts", "wo_no", "VARCHAR(5)", "wo_parts", "wo_no", "Trim. The work order must be one that qualifies "
                        + "(after its de-duplication and exclusions) - lines with QTY <= 0 are dropped.", null, null, true, null, null)
                .row("fact_parts", "line_no", "INTEGER", "wo_parts", "line_no", "Direct"));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(said.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(PARTS.run(said, "wo_no", "line_no")).containsExactlyInAnyOrder("W1|1", "W2|2", "W2|2");
    }

    @Test
    void shouldReadCodesListedBesideTheMissingWordsAsTheValuesThatGoMissing() throws Exception {
        SampleRows people = new SampleRows("pat", new String[]{"pat_id", "dob"},
                new String[]{"P1", " 19800115 "}, new String[]{"P2", "00000000"}, new String[]{"P3", ""});
        GeneratedLayers.Layer layer = people.compile(Specs.spec()
                .row("dim_patient", "pat_id", "VARCHAR(5)", "pat", "pat_id", "Direct", null, null, true, null, null)
                .row("dim_patient", "dob_text", "VARCHAR(8)", "pat", "dob", "Trim. 00000000, blank or NULL -> NULL."));
        assertThat(people.run(layer, "pat_id", "dob_text")).containsExactly("P1|19800115", "P2|null", "P3|null");
        // a constant before the list would take the listed codes for an exception to it: not read so
        GeneratedLayers.Layer constant = people.compile(Specs.spec()
                .row("dim_patient", "pat_id", "VARCHAR(5)", "pat", "pat_id", "Direct", null, null, true, null, null)
                .row("dim_patient", "dob_text", "VARCHAR(8)", "pat", "dob", "5, blank or NULL -> NULL"));
        assertThat(constant.columns().get(1).status()).isEqualTo("flagged");
    }

    @Test
    void shouldLeaveToOtherTargetsTheRowsSaidToBeLeftOutThereAndReadMustNotBeLoaded() throws Exception {
        List<GeneratedLayers.Layer> layers = PARTS.compileAll(Specs.spec()
                .row("dim_work_order", "wo_no", "VARCHAR(5)", "wo_parts", "wo_no", "Direct", null,
                        "Orders with QTY = 0 must not be loaded. Their parts are excluded from both fact tables.", true, null, null)
                .row("fact_parts", "wo_no", "VARCHAR(5)", "wo_parts", "wo_no", "Direct", null, null, true, null, null));
        assertThat(layers.get(0).columns()).as(layers.get(0).columns().toString()).extracting(GeneratedLayers.Column::status)
                .containsOnly("compiled");
        assertThat(PARTS.run(layers.get(0), "wo_no")).containsExactlyInAnyOrder("W1", "W2", "W2", "W2");
    }

    @Test
    void shouldKeepTheFractionsOfAColumnBesideAWholeNumberInADecimalTarget() throws Exception {
        SampleRows entries = new SampleRows("ts_entry", new String[]{"entry_id", "entry_type", "hours"},
                new String[]{"1", "OT", "2.5"}, new String[]{"2", "REG", "8"});
        GeneratedLayers.Layer layer = entries.compile(Specs.spec()
                .row("fact_timesheet", "entry_id", "INTEGER", "ts_entry", "entry_id", "Direct", null, null, true, null, null)
                .row("fact_timesheet", "overtime_hours", "DECIMAL(5,2)", "ts_entry", "hours, entry_type",
                        "Hours when the entry type is OT, otherwise 0."));
        assertThat(entries.run(layer, "entry_id", "overtime_hours")).containsExactly("1|2.50", "2|0.00");
    }

    @Test
    void shouldReadRowsTheTargetOnlyLoadsAndStatesSaidBeforeTheColumnAndItsRows() throws Exception {
        SampleRows entries = new SampleRows("ts_entry", new String[]{"entry_id", "approved_ind", "hours"},
                new String[]{"1", "Y", "2.5"}, new String[]{"2", "N", "8"}, new String[]{"3", "Y", "0"}, new String[]{"4", "Y", ""});
        GeneratedLayers.Layer layer = entries.compile(Specs.spec()
                .row("fact_timesheet", "entry_id", "INTEGER", "ts_entry", "entry_id", "Direct", null,
                        "Zero / blank hours rows are excluded - see Notes", true, null, null)
                .note("Notes", "4 | FACT_TIMESHEET only loads approved entries (approved_ind = 'Y')."));
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(entries.run(layer, "entry_id")).containsExactly("1");
    }

    @Test
    void shouldTestAPrefixWithLikesWildcardInItAsText() throws Exception {
        SampleRows plans = new SampleRows("plan_catalog", new String[]{"plan_code"},
                new String[]{"BASIC"}, new String[]{"INT_X"}, new String[]{"INTX"}, new String[]{" int_y "});
        for (String said : new String[]{"Internal plans are not loaded: PLAN_CODE beginning with INT_ (after trim/upper)",
                "Exclude rows where PLAN_CODE begins with 'INT_' (trimmed, any case)."}) {
            GeneratedLayers.Layer layer = plans.compile(Specs.spec()
                    .row("dim_plan", "plan_code", "VARCHAR(10)", "plan_catalog", "plan_code", "Direct", null, said, true, null, null));
            assertThat(layer.columns()).as(said).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
            // INTX does not start with INT_: the underscore is no wildcard
            assertThat(plans.run(layer, "plan_code")).as(said).containsExactlyInAnyOrder("BASIC", "INTX");
        }
    }

    @Test
    void shouldNotTakeAColumnNamedInABracketAfterAMapsValueForItsLabel() throws Exception {
        SampleRows plans = new SampleRows("plan_catalog", new String[]{"plan_code", "billing_period"},
                new String[]{"A", "m"}, new String[]{"B", "Annual"});
        GeneratedLayers.Layer layer = plans.compile(Specs.spec()
                .row("dim_plan", "plan_code", "VARCHAR(10)", "plan_catalog", "plan_code", "Direct", null, null, true, null, null)
                .row("dim_plan", "billing_frequency", "VARCHAR(10)", "plan_catalog", "billing_period", "Trim.")
                .row("dim_plan", "months_in_term", "INTEGER", "plan_catalog", "billing_period",
                        "Monthly -> 1, Quarterly -> 3, Annual -> 12 (based on BILLING_FREQUENCY above)"));
        // the map keyed on another column than the row's source: not read as the source's map with a label after 12
        assertThat(layer.columns().get(2).status()).isEqualTo("flagged");
    }
}
