package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wording from mapping documents no development case used: surrogate keys numbered "after de-duplication", "(assigned
 * after the dedupe described on x)", "assigned by cleaned loan account number (LOAN_ACCOUNT_NO) in ascending order,
 * after the test-account filter", "the cleaned event code (EVENT_CODE trimmed and upper-cased)"; labels with an
 * abbreviation before a number ("US No. 1"); numeric codes of a map compared with a text column; null-handling cells
 * that state an expectation ("Not expected to be blank"), keep NULL ("Leave null if null", "Blank → NULL, row still
 * loaded") or give a value when a lookup finds nothing ("-1 when no owner is found"); notes that leave rows out ("any
 * pet_id beginning with TST (ignore case and leading spaces)", "Exclude voided lines – line_status V after trimming, any
 * case", "CLAIM_STATUS_CD is X (reversed, any case)") or load an identical line once. Before, each was flagged, ignored
 * without a word, cut a label short, or failed in DuckDB. DuckDB.
 */
class NumberingsNullCellsAndNoteRowsTest {
    private static final String[] ACCOUNTS = {"acct_no", "event_code", "grade_cd", "status", "owner_no", "line_no"};
    private static final String[][] ROWS = {{" b2 ", "ev2", "1", " x", "o1", "1"}, {"A1", " ev1", "SG", "P", "o2", "2"},
            {"tst9", "ev3", "3", "p ", null, "3"}, {"C3", "EV0", "sg ", "", "o1", "4"}};
    private static final SampleRows SAMPLE = new SampleRows("acct", ACCOUNTS, ROWS);

    @Test
    void shouldNumberRowsByTheOrderSaidAroundTheSteps() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("d", "account_sk", "INTEGER", "acct", "acct_no", "Sequence number starting at 1, ordered by account_no "
                        + "ascending (assigned after the dedupe described on account_no).")
                .row("d", "sk2", "INTEGER", "acct", "acct_no", "Generated surrogate key: sequence number starting at 1, in "
                        + "ascending order of ACCOUNT_NO (cleaned value below), assigned after de-duplication.")
                .row("d", "sk3", "INTEGER", "acct", "acct_no", "Surrogate key. Sequence number 1, 2, 3... assigned by cleaned "
                        + "loan account number (ACCOUNT_NO) in descending order, after the test-account filter.")
                .row("d", "sk4", "INTEGER", "acct", "event_code", "Surrogate key. Sequence number starting at 1, assigned in "
                        + "ascending order of the cleaned event code (EVENT_CODE trimmed and upper-cased).")
                .row("d", "sk5", "INTEGER", "acct", "acct_no", "Sequence number ordered by account_no (the cleaned value, after "
                        + "the dedupe described on account_no).")
                .row("d", "account_no", "VARCHAR(5)", "acct", "acct_no", "Trim and upper-case.")
                .row("d", "event_code", "VARCHAR(5)", "acct", "event_code", "Trim and upper-case."));
        assertThat(SAMPLE.run(layer, "account_no", "account_sk", "sk2", "sk3", "sk4", "sk5"))
                .containsExactlyInAnyOrder("A1|1|1|4|2|1", "B2|2|2|3|3|2", "C3|3|3|2|1|3", "TST9|4|4|1|4|4");
    }

    @Test
    void shouldKeepALabelWhoseAbbreviationPrecedesANumberAndCompareNumericCodesWithText() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("g", "line_no", "INTEGER", "acct", "line_no", "Cast to integer.")
                .row("g", "grade", "VARCHAR(15)", "acct", "grade_cd", "1 = US No. 1, 2 = US No. 2, 3 = US No. 3, SG = Sample "
                        + "Grade (trim first; SG in any case). Anything else = Ungraded.")
                .row("g", "band", "VARCHAR(15)", "acct", "grade_cd", "1 or 2 = Low, 3 = High; else Other."));
        assertThat(SAMPLE.run(layer, "line_no", "grade", "band"))
                .containsExactly("1|US No. 1|Low", "2|Sample Grade|Other", "3|US No. 3|High", "4|Sample Grade|Other");
    }

    @Test
    void shouldReadNullCellsThatStateAnExpectationOrKeepNull() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("n", "line_no", "INTEGER", "acct", "line_no", "Cast to integer.", null, null, false, null,
                        "Not expected to be blank")
                .row("n", "owner", "VARCHAR(5)", "acct", "owner_no", "Upper-case.", null, null, false, null, "Leave null if null")
                .row("n", "code", "INTEGER", "acct", "grade_cd", "Cast to whole number.", null, null, false, null,
                        "Blank → NULL, row still loaded")
                .row("n", "code2", "INTEGER", "acct", "grade_cd", "Cast to whole number.", null, null, false, null,
                        "Leave NULL – no default (grade not read)"));
        assertThat(SAMPLE.run(layer, "line_no", "owner", "code", "code2"))
                .containsExactly("1|O1|1|1", "2|O2|null|null", "3|null|3|3", "4|O1|null|null");
        assertThat(layer.columns().get(0).status()).isEqualTo("compiled");
    }

    @Test
    void shouldGiveTheValueANullCellNamesForALookupThatFindsNothing() throws Exception {
        String[] owners = {"owner_number", "owner_key"};
        List<GeneratedLayers.Layer> layers = new SemanticLayerCompiler().compile(Specs.spec()
                .row("pet", "line_no", "INTEGER", "acct", "line_no", "Cast to integer.")
                .row("pet", "owner_key", "INTEGER", "acct", "owner_no", "Look up dim_owner where owner_number equals the trimmed, "
                        + "upper-cased owner_no; take its owner_key.", null, null, false, null, "-1 when no owner is found")
                .build(), new CompileOptions(List.of("duckdb"), List.of(), new SchemaCatalog(List.of(
                        Specs.table("acct", ACCOUNTS), Specs.table("dim_owner", owners)))), null).layers();
        GeneratedLayers.Layer pet = layers.get(0);
        assertThat(pet.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("acct", withHeader())
                .table("dim_owner", new String[][]{owners, {"O1", "10"}})) {
            assertThat(db.query("SELECT * FROM (\n" + pet.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> r.get("line_no") + "|" + r.get("owner_key")).toList())
                    .containsExactly("1|10", "2|-1", "3|-1", "4|10");
        }
    }

    @Test
    void shouldLeaveOutTheRowsNotesDescribeAndLoadAnIdenticalLineOnce() throws Exception {
        SampleRows lines = new SampleRows("lines", new String[]{"line_no", "pet_id", "line_status"},
                new String[]{"1", "P1", "A"}, new String[]{"1", "P1", "A"}, new String[]{"2", " tst7", "A"},
                new String[]{"3", "P3", " v"}, new String[]{"4", "P4", null}, new String[]{"5", "P5", "x"});
        GeneratedLayers.Layer layer = lines.compile(Specs.spec()
                .rowWithCells("f", "line_no", "INTEGER", "lines", "line_no", "Cast to integer.", null,
                        "If the extract sends the same line twice with identical values, load it once. Exclude voided lines – "
                                + "line_status V after trimming, any case.")
                .rowWithCells("f", "pet", "VARCHAR(5)", "lines", "pet_id", "Trim.", null,
                        "Exclude test patients – any pet_id beginning with TST (ignore case and leading spaces).")
                .rowWithCells("f", "status", "VARCHAR(5)", "lines", "line_status", "Trim.", null,
                        "Drop the row if its line_status is X (reversed, any case)."));
        assertThat(lines.run(layer, "line_no", "pet")).containsExactly("1|P1", "4|P4");
    }

    private static String[][] withHeader() {
        String[][] all = new String[ROWS.length + 1][];
        all[0] = ACCOUNTS;
        System.arraycopy(ROWS, 0, all, 1, ROWS.length);
        return all;
    }
}
