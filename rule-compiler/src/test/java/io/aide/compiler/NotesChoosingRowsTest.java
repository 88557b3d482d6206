package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rows a target holds, said in a notes cell in the words of fresh hand-off documents (library, airline, pharmacy,
 * lab): a selection after the sentence that explains it, "– exclude them" after the rows described, the latest row kept
 * per the grain the notes state, codes a filter compares cleaned as the target's rules clean them, a selection said to
 * be unneeded. Read as notes, each was a silent difference in the target's rows. Run in DuckDB.
 */
class NotesChoosingRowsTest {
    private static final String[] PATRONS = {"patron_id", "last_name", "last_updated", "status", "void_flag"};
    private static final String[][] ROWS = {
            {"p1", "Smith", "2024-01-01 10:00:00", " hk", "N"},
            {"P1 ", "Smith-Jones", "2024-05-01 10:00:00", "HK", " y"},
            {"P2", " test ", "2024-02-01 00:00:00", "TK", null},
            {"P3", "Brown", "2024-03-01 00:00:00", "xx", ""}};

    private static List<String> run(String note, String statusRule) throws Exception {
        Specs spec = Specs.spec()
                .rowWithCells("dim", "patron_id", "VARCHAR(10)", "patrons", "patron_id", "Trim and upper-case.", null, note)
                .row("dim", "last_name", "VARCHAR(40)", "patrons", "last_name", "Trim.")
                .row("dim", "status", "VARCHAR(20)", "patrons", "status", statusRule);
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("patrons", PATRONS)))), null).layers().get(0);
        assertThat(layer.columns()).as(layer.columns().get(0).reason()).extracting(GeneratedLayers.Column::status)
                .containsOnly("compiled");
        String[][] all = new String[ROWS.length + 1][];
        all[0] = PATRONS;
        System.arraycopy(ROWS, 0, all, 1, ROWS.length);
        try (DuckDb db = new DuckDb().table("patrons", all)) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map((Map<String, Object> r) -> r.get("patron_id") + "|" + r.get("last_name")).toList();
        }
    }

    @Test
    void shouldApplyASelectionStatedAfterWhatExplainsIt() throws Exception {
        String note = "Natural key. Table grain: one row per patron_id. The extract can carry the same patron more than once"
                + " – keep only the row with the latest last_updated (text, YYYY-MM-DD HH:MM:SS). Rows whose last_name,"
                + " trimmed, is 'TEST' in any case are front-desk test accounts – exclude them.";
        // the latest row per cleaned patron_id (the grain), the test account gone
        assertThat(run(note, "Trim/upper, then HK = Confirmed, TK = Ticketed, else Other.")).containsExactly("P1|Smith-Jones", "P3|Brown");
    }

    @Test
    void shouldReadExclusionsOfRowsDescribedInBracketsOrKeptByValue() throws Exception {
        assertThat(run("Voided rows (void_flag = 'Y', any case, after trimming) are not loaded; blank or 'N' void_flag is a"
                + " normal row.", "Trim/upper, then HK = Confirmed, else Other.")).containsExactly("P1|Smith", "P2|test", "P3|Brown");
        // the filter compares the codes cleaned as the status rule cleans them: ' hk' is kept
        assertThat(run("PK. Table filter: only status HK or TK is loaded (see Cover).", "Trim/upper, then HK = Confirmed, TK ="
                + " Ticketed, else Other.")).containsExactly("P1|Smith", "P1|Smith-Jones", "P2|test");
    }

    @Test
    void shouldKeepANoteThatSaysNoSelectionIsNeededAsANote() throws Exception {
        assertThat(run("One row per patron; no dedupe needed (the extract is unique on patron_id).", "Trim.")).hasSize(4);
    }
}
