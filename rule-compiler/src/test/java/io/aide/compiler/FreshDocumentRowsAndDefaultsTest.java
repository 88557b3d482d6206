package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More wording from documents no development case used: a default for a missing value and for values named beside it
 * ("if blank or 0 use 1", "Blank, null or 0 → 1"), "N/A" as the text to load in a document that says "no default"
 * otherwise, a cover line that names its target before a colon ("Row filter | FACT_X: leave out ... (REC_STATUS = 'D',
 * in any case, possibly padded with spaces)"), rows described and then dropped ("... are unsaved drafts - do not load
 * them"), a clause that keeps blank rows ("blank/null is_test counts as live"), a pick after what explains it ("so when a
 * record_id appears more than once keep only the copy with the latest extract_ts"), "the is_test flag", "Cast the text
 * ID to integer", "stays NULL while the item is still out (blank return_dt)", and a lookup of another target written
 * with a source system of its own (no union of systems). Before, each was flagged, read no rows, or unioned. DuckDB.
 */
class FreshDocumentRowsAndDefaultsTest {
    private static final String[] SPEND = {"record_id", "campaign_ref", "is_test", "rec_status", "extract_ts", "qty", "ref_doc",
            "return_dt"};
    private static final SampleRows SAMPLE = new SampleRows("spend", SPEND,
            new String[]{"1", "c1", "N", "A", "2025-01-01 10:00:00", "0", "PO-1", "20250105"},
            new String[]{"1", "c1", " y", "A", "2025-01-02 10:00:00", "5", null, ""},
            new String[]{"2", "", null, " d ", "2025-01-01 10:00:00", "", "SO-2", null},
            new String[]{"3", "c3", "", "", "2025-01-01 10:00:00", "7", "  ", "20250107"});

    @Test
    void shouldReplaceAMissingValueAndTheValuesNamedBesideIt() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "record_id", "VARCHAR(5)", "spend", "record_id", "Copy.", null, null, true, null, null)
                .row("f", "pieces", "INTEGER", "spend", "qty", "Cast to a whole number; if blank or 0 use 1.")
                .row("f", "pieces2", "INTEGER", "spend", "qty", "Cast to integer.", null, null, false, null, "Blank, null or 0 → 1"));
        assertThat(SAMPLE.run(layer, "record_id", "pieces", "pieces2"))
                .containsExactlyInAnyOrder("1|1|1", "1|5|5", "2|1|1", "3|7|7");
    }

    @Test
    void shouldFlagANullCellThatGivesAValueForAnotherValue() {
        // "0 → 1" names no missing value, yet it is an instruction: flagged, never ignored as a note
        GeneratedLayers.Column c = SAMPLE.compile(Specs.spec()
                .row("f", "pieces", "INTEGER", "spend", "qty", "Cast to integer.", null, null, false, null, "0 → 1")).columns().get(0);
        assertThat(c.status()).isEqualTo("flagged");
        assertThat(c.reason()).contains("0 → 1");
    }

    @Test
    void shouldLoadNotApplicableAsTextWhereTheDocumentSaysNoDefaultOtherwise() throws Exception {
        Specs spec = Specs.spec()
                .row("f", "record_id", "VARCHAR(5)", "spend", "record_id", "Copy.", null, null, true, null, null)
                .rowWithCells("f", "reference_doc", "VARCHAR(20)", "spend", "ref_doc", "Trim and upper-case.", "N/A", null)
                .rowWithCells("f", "campaign", "VARCHAR(20)", "spend", "campaign_ref", "Trim.", "NULL", null)
                .rowWithCells("f", "status", "VARCHAR(20)", "spend", "rec_status", "Trim.", null, null);
        assertThat(SAMPLE.run(SAMPLE.compile(spec), "record_id", "reference_doc"))
                .containsExactlyInAnyOrder("1|PO-1", "1|N/A", "2|SO-2", "3|");
        // a document that writes N/A wherever there is no default means none by it
        Specs filler = Specs.spec()
                .rowWithCells("f", "record_id", "VARCHAR(5)", "spend", "record_id", "Copy.", "N/A", null)
                .rowWithCells("f", "reference_doc", "VARCHAR(20)", "spend", "ref_doc", "Trim and upper-case.", "N/A", null)
                .rowWithCells("f", "campaign", "VARCHAR(20)", "spend", "campaign_ref", "Trim.", "N/A", null);
        assertThat(SAMPLE.run(SAMPLE.compile(filler), "record_id", "reference_doc"))
                .containsExactlyInAnyOrder("1|PO-1", "1|null", "2|SO-2", "3|");
    }

    @Test
    void shouldReadRowsLeftOutOnTheCoverAndRowsDescribedThenDropped() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("fact_x", "record_id", "VARCHAR(5)", "spend", "record_id", "Copy.", null,
                        "Rows with a blank or null campaign_ref are unsaved drafts in the planner - do not load them.")
                .row("fact_x", "campaign", "VARCHAR(5)", "spend", "campaign_ref", "Trim and upper-case.")
                .note("Cover", "Row filter | FACT_X: leave out rows the users deleted (rec_status = 'D', in any case, possibly padded with"
                        + " spaces). A blank or missing rec_status counts as a live record and is loaded."));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        assertThat(SAMPLE.run(layer, "record_id", "campaign")).containsExactlyInAnyOrder("1|C1", "1|C1", "3|C3");
    }

    @Test
    void shouldReadTestRowsLeftOutAndAPickAfterWhatExplainsIt() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("f", "spend_record_id", "BIGINT", "spend", "record_id", "Cast the text ID to integer.", null,
                        "Filter: drop test traffic - rows whose is_test flag is Y (any case, ignore spaces); blank/null is_test"
                                + " counts as live. Dedupe: the feed re-sends a record when the platform restates numbers, so"
                                + " when a record_id appears more than once keep only the copy with the latest extract_ts (text,"
                                + " YYYY-MM-DD HH:MM:SS).")
                .row("f", "qty", "INTEGER", "spend", "qty", "Cast to integer."));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        // record 1's latest copy is a test row: the pick keeps it, the filter then leaves it out
        assertThat(SAMPLE.run(layer, "spend_record_id", "qty")).containsExactlyInAnyOrder("2|null", "3|7");
    }

    @Test
    void shouldReadADateThatStaysNullWhileItsEventHasNotHappened() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "record_id", "VARCHAR(5)", "spend", "record_id", "Copy.", null, null, true, null, null)
                .row("f", "return_date", "DATE", "spend", "return_dt", "Text date in YYYYMMDD -> DATE; stays NULL while the item"
                        + " is still out (blank return_dt)."));
        assertThat(SAMPLE.run(layer, "record_id", "return_date"))
                .containsExactlyInAnyOrder("1|2025-01-05", "1|null", "2|null", "3|2025-01-07");
    }

    @Test
    void shouldReadNullCellsThatSayWhatTheValueGivesAlready() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "record_id", "VARCHAR(5)", "spend", "record_id", "Copy.", null, null, true, null, null)
                .row("f", "is_test", "BOOLEAN", "spend", "is_test", "True when the flag is Y (any case, ignoring spaces); false"
                        + " for N.", null, null, false, null, "Blank or null → false.")
                .row("f", "status", "VARCHAR(10)", "spend", "rec_status", "A = Active, D = Deleted, else Unknown (trimmed, any"
                        + " case).", null, null, false, null, "Other / blank codes -> Unknown.")
                .row("f", "returned", "DATE", "spend", "return_dt", "Text in YYYYMMDD format; convert to date.", null, null, false,
                        null, "NULL when not returned"));
        assertThat(SAMPLE.run(layer, "record_id", "is_test", "status", "returned")).containsExactlyInAnyOrder(
                "1|false|Active|2025-01-05", "1|true|Active|null", "2|false|Deleted|null", "3|false|Unknown|2025-01-07");
    }

    @Test
    void shouldNotUnionSystemsWhenOnlyALookupOfAnotherTargetNamesItsOwn() {
        Specs spec = Specs.spec()
                .row("dim_c", "campaign_id", "VARCHAR(5)", "PLANNER", "spend", "campaign_ref", "Trim and upper-case.", null, null,
                        true, null, null, Map.of())
                .row("fct", "record_id", "VARCHAR(5)", "ADS_API", "spend", "record_id", "Copy.", null, null, true, null, null,
                        Map.of())
                .row("fct", "campaign_id", "VARCHAR(5)", "DW", "dim_c", "campaign_id", "Copy.", null, null, false, null, null,
                        Map.of());
        GeneratedLayers.Layer fact = SAMPLE.compileAll(spec).stream().filter(l -> l.target().equals("fct")).findFirst().orElseThrow();
        assertThat(fact.sql().get("duckdb")).doesNotContain("UNION ALL");
    }
}
