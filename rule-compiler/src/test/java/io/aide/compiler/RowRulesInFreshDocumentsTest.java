package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rows a target holds, as documents no development case used say it: a row selection with a topic and numbered
 * steps inside a key's rule ("Row selection, in this order: (1) drop void/test lines, i.e. STATUS_CD = 'X' in any
 * case; (2) ... keep only one row per EVENT_ID – the one with the latest RECEIVED_AT"), a pick said in words and again in
 * SQL ("Keep only the latest copy by RECEIVED_AT, i.e. ROW_NUMBER() OVER (PARTITION BY EVENT_ID ...) = 1"), rows
 * rejected in a null-handling cell ("Events with a blank or null shipment number are rejected (not loaded)"), a note on
 * what a lookup ignores (no filter), "Not null" as the column's nullability, a document that counts a blank text as no
 * value, and a rule naming a target column that is not compiled. Before, the first silently kept the void rows, the
 * SQL pick partitioned by the cleaned key, and a rule naming event_ts read the source EVENT_DTTM. DuckDB.
 */
class RowRulesInFreshDocumentsTest {
    private static final String[] EVENTS = {"EVENT_ID", "SHIPMENT_NO", "STATUS_CD", "RECEIVED_AT", "EVENT_DTTM", "ITEM_DESC"};
    private static final SampleRows SAMPLE = new SampleRows("events", EVENTS,
            new String[]{"1", "s1", "A", "2025-03-01 10:00:00", "20250301 1000", "box"},
            new String[]{"1", "s1", "B", "2025-03-02 10:00:00", "20250302 1000", "  "},
            new String[]{"2", "s2", "x", "2025-03-01 10:00:00", "20250301 1100", null},
            new String[]{"3", "  ", "A", "2025-03-01 10:00:00", "20250301 1200", "crate"},
            new String[]{"4 ", "s4", "A", "2025-03-01 10:00:00", "20250301 1300", "bag"},
            new String[]{"4", "s4", "C", "2025-03-05 10:00:00", "20250305 1300", "bag"});

    @Test
    void shouldReadARowSelectionWithATopicAndNumberedStepsInAKeysRule() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("stg", "event_id", "INTEGER", "events", "EVENT_ID", "Cast EVENT_ID to integer. Row selection, in this order:"
                        + " (1) drop void/test lines, i.e. STATUS_CD = 'X' in any case; (2) the extract re-sends a line whenever it"
                        + " changes, so keep only one row per EVENT_ID – the one with the latest RECEIVED_AT (text, YYYY-MM-DD"
                        + " HH:MM:SS).", null, null, true, null, "Never null")
                .row("stg", "status", "VARCHAR(2)", "events", "STATUS_CD", "Trim and upper-case."));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        // the void line (x) is dropped; each event keeps its latest copy, the key compared as the target's value ("4 " is 4)
        assertThat(SAMPLE.run(layer, "event_id", "status")).containsExactly("1|B", "3|A", "4|C");
    }

    @Test
    void shouldReadAPickSaidInWordsAndAgainInSqlOnTheSourceColumnAsTheSqlNamesIt() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("stg", "EVENT_ID", "INTEGER", "events", "EVENT_ID", "Cast the trimmed text to a whole number.", null,
                        "Keep only the latest copy by RECEIVED_AT (YYYY-MM-DD HH24:MI:SS), i.e. ROW_NUMBER() OVER (PARTITION BY"
                                + " EVENT_ID ORDER BY RECEIVED_AT DESC) = 1.", true, null, "Not null")
                .row("stg", "status", "VARCHAR(2)", "events", "STATUS_CD", "Trim and upper-case."));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        assertThat(SAMPLE.run(layer, "EVENT_ID", "status")).containsExactlyInAnyOrder("1|B", "2|X", "3|A", "4|A", "4|C");
    }

    @Test
    void shouldLeaveOutRowsANullCellRejectsAndKeepANoteOnALookupAsANote() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("stg", "event_id", "VARCHAR(5)", "events", "EVENT_ID", "Trim.", null, null, true, null, null)
                .row("stg", "shipment_no", "VARCHAR(5)", "events", "SHIPMENT_NO", "Trim and upper-case.", null, null, false, null,
                        "Events with a blank or null shipment number are rejected (not loaded).")
                .rowWithCells("stg", "item", "VARCHAR(10)", "events", "ITEM_DESC", "Trim.", null,
                        "Ignore ITEMS.ACTIVE_FLAG for this lookup (inactive items still resolve)."));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        assertThat(SAMPLE.run(layer, "event_id", "shipment_no")).containsExactlyInAnyOrder("1|S1", "1|S1", "2|S2", "4|S4", "4|S4");
    }

    @Test
    void shouldReplaceABlankTextWithTheDefaultWhereTheDocumentCountsBlankAsNoValue() throws Exception {
        Specs spec = Specs.spec()
                .row("stg", "event_id", "VARCHAR(5)", "events", "EVENT_ID", "Trim.", null, null, true, null, null)
                .rowWithCells("stg", "item", "VARCHAR(20)", "events", "ITEM_DESC", "Strip leading and trailing spaces.",
                        "No description", null);
        assertThat(SAMPLE.run(SAMPLE.compile(spec), "item")).containsExactly("box", "", "No description", "crate", "bag", "bag");
        spec.note("Cover", "General | Treat a value that is empty or only spaces the same as NULL.");
        assertThat(SAMPLE.run(SAMPLE.compile(spec), "item"))
                .containsExactly("box", "No description", "No description", "crate", "bag", "bag");
    }

    @Test
    void shouldFlagARuleNamingATargetColumnThatIsNotCompiledRatherThanASourceItsWordsSpell() {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("stg", "event_id", "VARCHAR(5)", "events", "EVENT_ID", "Trim.", null, null, true, null, null)
                .row("stg", "event_ts", "TIMESTAMP", "events", "EVENT_DTTM", "Sent as a riddle only the carrier understands.")
                .row("stg", "event_date", "DATE", "events", "EVENT_DTTM", "Date portion of event_ts."));
        GeneratedLayers.Column date = layer.columns().get(2);
        assertThat(date.status()).isEqualTo("flagged");
        assertThat(date.reason()).contains("event_ts");
    }
}
