package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a port terminal and a field-service document no development case used: a sentence that names the rows left out
 * by their state beside the one that says which exactly ("Load only calls that were not cancelled. Skip any row whose
 * CALL_STATUS_CD, trimmed and in any case, is 'X'."), repeated rows "identical in every column, so load each MOVE_ID only
 * once", a label that is also a word for no value ("F = Full, E = Empty"), and null cells that give a value and then
 * say what it is for ("Normal (also for any code not listed)", "Normal (standard priority)"). Before, the label became
 * NULL and the default was dropped without a word. DuckDB.
 */
class StateSummariesLabelsAndDefaultRemarksTest {
    private static final String[] MOVES = {"MOVE_ID", "CALL_STATUS_CD", "FE_IND", "PRIORITY"};
    private static final SampleRows SAMPLE = new SampleRows("moves", MOVES,
            new String[]{"1", "A", "F", "P1"}, new String[]{"1", "A", "F", "P1"}, new String[]{"2", " x", "e", "P3"},
            new String[]{"3", "", "E", "P9"}, new String[]{"4", "D", null, null});

    @Test
    void shouldLeaveOutTheRowsASummaryAndItsExactSentenceNameAndLoadIdenticalRowsOnce() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("f", "move_id", "INTEGER", "moves", "MOVE_ID", "Cast to integer.", null,
                        "The TOS extract sometimes re-sends a move; the repeated rows are identical in every column, so load each "
                                + "MOVE_ID only once.")
                .rowWithCells("f", "status", "VARCHAR(5)", "moves", "CALL_STATUS_CD", "Trim.", null,
                        "Load only calls that were not cancelled. Skip any row whose CALL_STATUS_CD, trimmed and in any case, is 'X'.")
                .row("f", "full_empty", "VARCHAR(7)", "moves", "FE_IND", "F = Full, E = Empty (case-insensitive); blank or anything "
                        + "else = Unknown."));
        assertThat(SAMPLE.run(layer, "move_id", "full_empty")).containsExactly("1|Full", "3|Empty", "4|Unknown");
    }

    @Test
    void shouldNotTakeASummaryForAConditionItCannotBeSaidOf() {
        // the exact sentence tests no state column: the summary would go unapplied
        GeneratedLayers.Column c = SAMPLE.compile(Specs.spec()
                .rowWithCells("f", "move_id", "INTEGER", "moves", "MOVE_ID", "Cast to integer.", null,
                        "Load only calls that were not cancelled. Skip any row whose PRIORITY is 'P9'.")).columns().get(0);
        assertThat(c.status()).isEqualTo("flagged");
    }

    @Test
    void shouldReadAValueThenWhatItIsForInTheNullCell() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "move_id", "INTEGER", "moves", "MOVE_ID", "Cast to integer.")
                .row("f", "priority_label", "VARCHAR(12)", "moves", "PRIORITY", "P1 -> Emergency, P3 -> Normal.", null, null, false,
                        null, "Normal (also for any code not listed)")
                .row("f", "priority_code", "VARCHAR(12)", "moves", "PRIORITY", "Trim.", null, null, false, null,
                        "P3 (standard priority)"));
        assertThat(SAMPLE.run(layer, "move_id", "priority_label", "priority_code"))
                .containsExactly("1|Emergency|P1", "1|Emergency|P1", "2|Normal|P3", "3|Normal|P9", "4|Normal|P3");
        GeneratedLayers.Column withElse = SAMPLE.compile(Specs.spec()
                .row("f", "priority_label", "VARCHAR(12)", "moves", "PRIORITY", "P1 -> Emergency, else Low.", null, null, false,
                        null, "Normal (also for any code not listed)")).columns().get(0);
        assertThat(withElse.status()).isEqualTo("flagged");
    }

    @Test
    void shouldReadARuleBesideWordsThatDescribeItsInput() throws Exception {
        SampleRows calls = new SampleRows("calls", new String[]{"CALL_NO", "CUST_OUT", "MOVE_TS_TXT", "UNIT", "GROSS", "DISCOUNT"},
                new String[]{"1", " 12 ", "02-NOV-2026 07:12", " ab1 ", "10", "2"});
        GeneratedLayers.Layer layer = calls.compile(Specs.spec()
                .row("f", "call_no", "INTEGER", "calls", "CALL_NO", "Cast to integer.")
                .row("f", "customers", "INTEGER", "calls", "CUST_OUT", "Number of customers out – convert to integer.")
                .row("f", "move_ts", "TIMESTAMP", "calls", "MOVE_TS_TXT", "Parse the text, which is in DD-MON-YYYY HH24:MI format "
                        + "(e.g. 02-NOV-2026 07:12).")
                .row("f", "unit_number", "VARCHAR(5)", "calls", "UNIT", "Trimmed and upper-cased unit number as reported by the device.")
                .row("f", "register", "VARCHAR(5)", "calls", "UNIT", "Trim + upper case. Values: STD (single rate), DAY, NIGHT.")
                .row("f", "net", "INTEGER", "calls", "GROSS, DISCOUNT", "Gross amount - discount amount"));
        assertThat(calls.run(layer, "call_no", "customers", "move_ts", "unit_number", "register", "net"))
                .containsExactly("1|12|2026-11-02 07:12:00.0|AB1|AB1|8");
    }

    @Test
    void shouldReadAMapAfterValuesAsAMapNeverAsAListToLeaveOut() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "move_id", "INTEGER", "moves", "MOVE_ID", "Cast to integer.")
                .row("f", "status", "VARCHAR(10)", "moves", "CALL_STATUS_CD", "Trim and upper-case. Values: A = Active, X = Cancelled."));
        assertThat(SAMPLE.run(layer, "move_id", "status")).containsExactly("1|Active", "1|Active", "2|Cancelled", "3|null", "4|null");
    }
}
