package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet hand-off document's null-handling cells: the case before an arrow and the value after it ("Blank GVWR →
 * 'Unclassified'", "Blank → NULL"), a value and when it applies ("NULL when gvwr_lbs is null"), rows rejected for a
 * missing key ("Blank unit_no → reject the row (do not load)"), "Never null" on a numbering, and a dedupe's
 * consequence said in the rule ("All other columns come from the kept record"). Before, each flagged its column, and
 * the key's flag flagged the table. Run in DuckDB.
 */
class NullCellFormsTest {
    private static final String[] VEHICLES = {"unit_no", "gvwr_lbs", "make", "rec_upd_ts"};
    private static final String[][] ROWS = {
            {"v1", "8000", "ford", "2024-01-01 00:00:00"},
            {"V1 ", "", "Ford ", "2024-02-01 00:00:00"},
            {"v2", null, "  ", "2024-01-01 00:00:00"},
            {"  ", "9000", "mack", "2024-01-01 00:00:00"}};

    private static final SampleRows SAMPLE = new SampleRows("vehicles", VEHICLES, ROWS);

    private static GeneratedLayers.Layer compile(Specs spec) {
        return SAMPLE.compile(spec);
    }

    private static List<String> rows(GeneratedLayers.Layer layer, String... columns) throws Exception {
        return SAMPLE.run(layer, columns);
    }

    @Test
    void shouldReadNullCellsThatSayTheValueForAMissingOne() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("dim", "vehicle_key", "INTEGER", "vehicles", "unit_no", "Surrogate key: sequence number ordered by"
                        + " unit_number ascending.", null, null, true, false, "Never null")
                .row("dim", "unit_number", "VARCHAR(10)", "vehicles", "unit_no", "Trim leading/trailing spaces and convert to"
                        + " upper case. This is the natural key of the dimension.\nDedupe: where the same cleaned unit number"
                        + " appears more than once, keep only the record with the most recent rec_upd_ts and discard the older"
                        + " ones. All other columns come from the kept record.", null, null, false, null,
                        "Blank unit_no → reject the row (do not load).")
                .row("dim", "weight_class", "VARCHAR(20)", "vehicles", "gvwr_lbs", "Up to and including 8500 → Light Duty,"
                        + " over 8500 → Heavy Duty.", null, null, false, null, "Blank GVWR → 'Unclassified'")
                .row("dim", "make", "VARCHAR(20)", "vehicles", "make", "Trim, upper case.", null, null, false, null, "Blank → NULL")
                .row("dim", "gvwr", "INTEGER", "vehicles", "gvwr_lbs", "Cast to a whole number.", null, null, false, null,
                        "NULL when gvwr_lbs is null"));
        // the blank unit is not loaded; V1's latest record is the one kept
        assertThat(rows(layer, "vehicle_key", "unit_number", "weight_class", "make", "gvwr"))
                .containsExactly("1|V1|Unclassified|FORD|null", "2|V2|Unclassified|null|null");
    }

    @Test
    void shouldReadARulesLastSentenceThatSaysWhatAMissingValueBecomes() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("dim", "unit_no", "VARCHAR(10)", "vehicles", "unit_no", "Trimmed. If blank or null, load 'NO UNIT'.",
                        null, null, true, null, null)
                .row("dim", "gvwr_lbs", "DECIMAL(10,2)", "vehicles", "gvwr_lbs", "Convert to number and round to 2 decimal"
                        + " places. Missing GVWR defaults to 0.00.")
                .row("dim", "make", "VARCHAR(20)", "vehicles", "make", "Make as reported, trimmed. Empty → NULL."));
        assertThat(rows(layer, "unit_no", "gvwr_lbs", "make")).containsExactly(
                "NO UNIT|9000.00|mack", "V1|0.00|Ford", "v1|8000.00|ford", "v2|0.00|null");
    }

    @Test
    void shouldNeverReadWordsThatNameAColumnAsTheTextOfAFallback() {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("dim", "make", "VARCHAR(20)", "vehicles", "make", "Trim.", null, null, true, null, "Blank → use unit no")
                .row("dim", "unit", "VARCHAR(20)", "vehicles", "unit_no", "Trim. If blank, use make."));
        // the null cell is flagged; the rule's own sentence falls back to the make column, not to the text 'make'
        assertThat(layer.columns().get(0).status()).isEqualTo("flagged");
        assertThat(layer.sql().get("duckdb")).doesNotContain("'use unit no'").doesNotContain("'make'")
                .contains("\"vehicles\".\"make\"");
    }

    @Test
    void shouldNeverApplyAValueForAMissingInputToTheWholeValue() {
        // "QTY null means 1" for UNIT times QTY: the 1 is the quantity's, not the amount's; NULL for a missing input is
        // what the value gives anyway
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("dim", "unit_no", "VARCHAR(10)", "vehicles", "unit_no", "Copy.", null, null, true, null, null)
                .row("dim", "weight_x", "DECIMAL(12,2)", "vehicles", "gvwr_lbs, rec_upd_ts", "gvwr_lbs times 2.", null, null,
                        false, null, "rec_upd_ts null means 1.")
                .row("dim", "half", "DECIMAL(12,2)", "vehicles", "gvwr_lbs, make", "gvwr_lbs divided by 2.", null, null, false,
                        null, "NULL when make is null"));
        assertThat(layer.columns().get(1).status()).isEqualTo("flagged");
        assertThat(layer.sql().get("duckdb")).doesNotContain("COALESCE(CAST(TRY_CAST(\"vehicles\".\"gvwr_lbs\" AS DOUBLE) * 2");
        assertThat(layer.columns().get(2).status()).isEqualTo("compiled");
    }

    @Test
    void shouldFlagANullCellWhoseCaseNamesAnotherColumn() {
        GeneratedLayers.Column c = compile(Specs.spec().row("dim", "make", "VARCHAR(20)", "vehicles", "make", "Trim.", null,
                null, true, null, "Blank colour → 'UNKNOWN'")).columns().get(0);
        assertThat(c.status()).isEqualTo("flagged");
    }
}
