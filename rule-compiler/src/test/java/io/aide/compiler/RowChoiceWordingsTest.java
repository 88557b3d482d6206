package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row choices in the wordings of documents never seen in development: a test in brackets before "must not be loaded",
 * "rows whose x is CODE are not loaded", the latest row named with its table ("the latest members record per ..."),
 * "Ignore the older copies" after a pick, and a rule's "keep only the first 40 characters", which chooses no rows.
 * Also a map's label that asks for a cleaning ("(ignore surrounding spaces and letter case):"). Run in DuckDB.
 */
class RowChoiceWordingsTest {
    private static final String[] MEMBERS = {"member_id", "kind", "load_ts", "note"};
    private static final String[][] ROWS = {
            {"m1", "STD", "2024-01-01 00:00:00", "first copy"},
            {"m1", "STD", "2024-02-01 00:00:00", "second copy"},
            {"TST9", " x ", "2024-01-01 00:00:00", "a test record"},
            {"m2", "TEST", "2024-01-01 00:00:00", "a test account"},
            {"m3", "x", "2024-01-01 00:00:00", "a cancelled one with a long note"}};
    private static final SampleRows SAMPLE = new SampleRows("members", MEMBERS, ROWS);

    private static java.util.List<String> kept(String notes) throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("dim", "member_id", "VARCHAR(10)", "members", "member_id", "Direct move", null, notes)
                .row("dim", "note", "VARCHAR(40)", "members", "note", "Direct move"));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        return SAMPLE.run(layer, "member_id", "note");
    }

    @Test
    void shouldApplyRowChoicesInTheseWordings() throws Exception {
        assertThat(kept("Test records (member_id starting with 'TST') must not be loaded.")).containsExactly(
                "m1|first copy", "m1|second copy", "m2|a test account", "m3|a cancelled one with a long note");
        assertThat(kept("Cancelled members (kind = 'X', any case, ignore spaces) were entered in error and must not be loaded"
                + " - filter them out.")).containsExactly("m1|first copy", "m1|second copy", "m2|a test account");
        assertThat(kept("Exclude test accounts: rows whose kind is TEST are not loaded.")).containsExactly(
                "TST9|a test record", "m1|first copy", "m1|second copy", "m3|a cancelled one with a long note");
        assertThat(kept("Keep the latest members record per member_id by load_ts.")).containsExactly(
                "TST9|a test record", "m1|second copy", "m2|a test account", "m3|a cancelled one with a long note");
        assertThat(kept("Keep only one row per member_id: the one with the latest load_ts. Ignore the older copies."))
                .containsExactly("TST9|a test record", "m1|second copy", "m2|a test account", "m3|a cancelled one with a long note");
        assertThat(kept("Keep only the most recent record per member_id (highest load_ts); every other column of dim comes"
                + " from that record. Exclude test pets (member_id beginning 'TST')."))
                .containsExactly("m1|second copy", "m2|a test account", "m3|a cancelled one with a long note");
        // the values the exclusion leaves, said to stay; a pointer to the notes
        assertThat(kept("Exclude test accounts: drop rows whose kind is 'TEST'. Blank or 'STD' are real members and are"
                + " kept. See Notes.")).containsExactly("TST9|a test record", "m1|first copy", "m1|second copy",
                "m3|a cancelled one with a long note");
    }

    @Test
    void shouldNeverTakeKeepingTheFirstCharactersForRowsKept() throws Exception {
        // "keep only the first 40 characters" is about the value: the target's rows are all the source's
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("dim", "member_id", "VARCHAR(10)", "members", "member_id", "Direct move")
                .row("dim", "note_short", "VARCHAR(5)", "members", "note", "Trim it, then keep only the first 5 characters."));
        assertThat(layer.columns().get(0).status()).isEqualTo("compiled");
        assertThat(layer.columns()).noneMatch(c -> c.reason() != null && c.reason().contains("filter"));
        assertThat(layer.sql().get("duckdb")).doesNotContain("WHERE").doesNotContain("TODO filter");
    }

    @Test
    void shouldCleanTheCodesAsTheMapsLabelAsks() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("dim", "member_id", "VARCHAR(10)", "members", "member_id", "Direct move")
                .row("dim", "kind_name", "VARCHAR(20)", "members", "kind", "Translate the kind code (ignore surrounding spaces"
                        + " and letter case): STD = Standard, X = Cancelled, TEST = Test. Any other code becomes 'Other'."));
        assertThat(SAMPLE.run(layer, "member_id", "kind_name")).containsExactly(
                "TST9|Cancelled", "m1|Standard", "m1|Standard", "m2|Test", "m3|Cancelled");
    }
}
