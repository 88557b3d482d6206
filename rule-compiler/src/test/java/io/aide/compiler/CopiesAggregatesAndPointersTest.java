package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everyday cells that used to be flagged: a copy with what is done to it in brackets ("Direct (trimmed)", "1:1 (cast
 * to integer)"), SQL whose functions a family of words could not place ("CASE WHEN UPPER(TRIM(x)) = 'Y' ..."), an
 * aggregate of the row's own column ("Sum", "Sum at grain", "Number of distinct events in the group") with blanks
 * counting as zero inside it, keys numbered "in alphabetical order of", the grain said in a rule's own sentence, and a
 * choice of rows that points to a general rule ("(General Rule 3)"). Run in DuckDB.
 */
class CopiesAggregatesAndPointersTest {
    private static final SampleRows EVENTS = new SampleRows("mes_event",
            new String[]{"event_id", "wc_id", "qty_good", "active_yn", "ord_qty"},
            new String[]{"E1", " CNC-01 ", "5", "y", "10"},
            new String[]{"E1", " CNC-01 ", "5", "y", "10"},
            new String[]{"E2", "CNC-01", "", "N", "7"},
            new String[]{"E3", "LTH-02", null, " Y ", "3"},
            new String[]{"E4", "LTH-02", "4", null, "2"});

    @Test
    void shouldApplyWhatTheBracketAfterACopySays() throws Exception {
        GeneratedLayers.Layer layer = EVENTS.compile(Specs.spec()
                .row("fact_event", "event_id", "VARCHAR(5)", "mes_event", "event_id", "Direct")
                .row("fact_event", "work_centre", "VARCHAR(10)", "mes_event", "wc_id", "Direct (trimmed).")
                .row("fact_event", "order_qty", "INTEGER", "mes_event", "ord_qty", "1:1 (cast to integer)")
                .row("fact_event", "is_active", "INTEGER", "mes_event", "active_yn", "CASE WHEN UPPER(TRIM(active_yn)) = 'Y' THEN 1 ELSE 0 END"));
        assertThat(EVENTS.run(layer, "event_id", "work_centre", "order_qty", "is_active")).containsExactly(
                "E1|CNC-01|10|1", "E1|CNC-01|10|1", "E2|CNC-01|7|0", "E3|LTH-02|3|1", "E4|LTH-02|2|0");
    }

    @Test
    void shouldAggregateTheRowsOwnColumnAtTheGrain() throws Exception {
        GeneratedLayers.Layer layer = EVENTS.compile(Specs.spec()
                .row("fact_output", "work_centre", "VARCHAR(10)", "mes_event", "wc_id", "Trim. Group by")
                .row("fact_output", "good_qty", "INTEGER", "mes_event", "qty_good", "Sum at grain; blank/NULL treated as zero")
                .row("fact_output", "good_total", "INTEGER", "mes_event", "qty_good", "Sum")
                .row("fact_output", "event_count", "INTEGER", "mes_event", "event_id", "Number of distinct events in the group"));
        assertThat(EVENTS.run(layer, "work_centre", "good_qty", "good_total", "event_count")).containsExactly(
                "CNC-01|10|10|2", "LTH-02|4|4|2");
    }

    @Test
    void shouldNumberKeysInTheAlphabeticalOrderOfAColumn() throws Exception {
        SampleRows centres = new SampleRows("mes_wc", new String[]{"wc_id", "wc_name"},
                new String[]{"LTH-02", "Lathe"}, new String[]{"ASM-01", "Assembly"}, new String[]{"CNC-01", "Mill"});
        GeneratedLayers.Layer layer = centres.compile(Specs.spec()
                .row("dim_wc", "wc_sk", "INTEGER", null, null, "Sequence number 1..n assigned in alphabetical order of WC_CODE.")
                .row("dim_wc", "wc_code", "VARCHAR(10)", "mes_wc", "wc_id", "trim, upper")
                .row("dim_wc", "wc_name", "VARCHAR(20)", "mes_wc", "wc_name", "trim"));
        assertThat(centres.run(layer, "wc_sk", "wc_code")).containsExactly("1|ASM-01", "2|CNC-01", "3|LTH-02");
    }

    @Test
    void shouldTakeTheGrainOutOfTheRuleThatStatesIt() throws Exception {
        GeneratedLayers.Layer layer = EVENTS.compile(Specs.spec()
                .row("fact_event", "event_id", "VARCHAR(5)", "mes_event", "event_id", "1:1. Grain = one row per event_id.")
                .row("fact_event", "good_qty", "INTEGER", "mes_event", "qty_good", "Sum (blank = 0)"));
        assertThat(EVENTS.run(layer, "event_id", "good_qty")).containsExactly("E1|10", "E2|0", "E3|0", "E4|4");
    }

    @Test
    void shouldReadTheChoiceAGeneralRuleMakesWhereARulePointsToIt() throws Exception {
        List<GeneratedLayers.Layer> layers = EVENTS.compileAll(Specs.spec()
                .row("dim_wc", "work_centre_code", "VARCHAR(10)", "mes_event", "wc_id",
                        "Trim and upper case; lathe work centres excluded (General Rule 3).", null, null, true, null, null)
                .note("General Rules", "3 | Work centres whose code starts with 'LTH' (any case) are lathes on loan - they are not "
                        + "loaded to dim_wc."));
        assertThat(EVENTS.run(layers.get(0), "work_centre_code")).containsExactly("CNC-01", "CNC-01", "CNC-01");
    }

    @Test
    void shouldReadAnAmountWithoutItsCurrencyText() throws Exception {
        SampleRows fees = new SampleRows("bss_plan", new String[]{"plan_cd", "fee"},
                new String[]{"P1", "EUR 25.00"}, new String[]{"P2", "1,250.00 USD"}, new String[]{"P3", "\u20ac50.00"},
                new String[]{"P4", ""}, new String[]{"P5", "NULL"}, new String[]{"P6", "USD-12.5"});
        for (String rule : new String[]{"Strip the currency text / symbol and spaces and load the numeric amount.",
                "Remove the currency code and the thousands separator and convert the remainder to a number.",
                "Strip the currency prefix and read the number."}) {
            GeneratedLayers.Layer layer = fees.compile(Specs.spec()
                    .row("dim_plan", "plan_code", "VARCHAR(5)", "bss_plan", "plan_cd", "Direct")
                    .row("dim_plan", "monthly_fee", "DECIMAL(9,2)", "bss_plan", "fee", rule));
            assertThat(fees.run(layer, "plan_code", "monthly_fee")).as(rule).containsExactly(
                    "P1|25.00", "P2|1250.00", "P3|50.00", "P4|null", "P5|null", "P6|-12.50");
        }
    }

    @Test
    void shouldDoTheSameToTheRowsOwnColumnNeverCopyTheOneNamed() throws Exception {
        SampleRows orders = new SampleRows("mes_wo", new String[]{"wo_num", "planned_start", "planned_end"},
                new String[]{"W1", "01/03/2026", "05/03/2026"}, new String[]{"W2", "10/03/2026", ""});
        GeneratedLayers.Layer layer = orders.compile(Specs.spec()
                .row("fact_wo", "wo_num", "VARCHAR(5)", "mes_wo", "wo_num", "Direct")
                .row("fact_wo", "planned_start_date", "DATE", "mes_wo", "planned_start", "Source format is DD/MM/YYYY. Convert to date.")
                .row("fact_wo", "planned_end_date", "DATE", "mes_wo", "planned_end", "Same as planned start (DD/MM/YYYY). Blank -> NULL"));
        assertThat(orders.run(layer, "wo_num", "planned_start_date", "planned_end_date")).containsExactly(
                "W1|2026-03-01|2026-03-05", "W2|2026-03-10|null");
    }

    @Test
    void shouldDecodeWithATabNamedInWordsCleanedAsTheBracketSays() throws Exception {
        SampleRows orders = new SampleRows("mes_wo", new String[]{"wo_num", "wo_status"},
                new String[]{"W1", " rel "}, new String[]{"W2", "CNL"}, new String[]{"W3", "HLD"}, new String[]{"W4", null});
        for (String[] said : new String[][]{
                {"Decode using the 'Status Codes' tab (match on the trimmed, upper-case code). Code not on the tab -> 'Unknown'.",
                        "W1|Released", "W2|Cancelled", "W3|Unknown", "W4|Unknown"},
                {"Decode using the 'Status Codes' tab (trim, ignore case). Code not on the list -> 'Unknown'. Blank / NULL -> 'N/A'.",
                        "W1|Released", "W2|Cancelled", "W3|Unknown", "W4|N/A"},
                {"Decode using the Status Codes tab. Code not on the tab -> 'Unknown'.",
                        "W1|Unknown", "W2|Cancelled", "W3|Unknown", "W4|Unknown"}}) {
            GeneratedLayers.Layer layer = orders.compile(Specs.spec()
                    .row("fact_wo", "wo_num", "VARCHAR(5)", "mes_wo", "wo_num", "Direct")
                    .row("fact_wo", "order_status", "VARCHAR(20)", "mes_wo", "wo_status", said[0])
                    .reference("Status Codes", List.of("WO_STATUS", "DESCRIPTION", "COMMENT"), List.of(
                            List.of("PLN", "Planned", ""), List.of("REL", "Released", "to shop floor"), List.of("CNL", "Cancelled", ""))));
            assertThat(orders.run(layer, "wo_num", "order_status")).as(said[0])
                    .containsExactly(java.util.Arrays.copyOfRange(said, 1, said.length));
        }
    }
}
