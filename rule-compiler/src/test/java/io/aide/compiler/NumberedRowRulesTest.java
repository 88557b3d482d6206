package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payroll hand-off document's row rules, numbered in a notes cell: "Row rules for this table: (1) exclude payroll test
 * accounts – emp_id starting with 'TST' (any case, after trimming); (2) ... keep only the row with the latest
 * last_upd_dt per cleaned emp_id", exact duplicates removed, a step said to be the same as another target's, and a code
 * column compared cleaned by every rule once one rule cleans it. Before, the numbered sentences stayed notes and the
 * target held rows the document leaves out, with its columns compared as matching. Run in DuckDB.
 */
class NumberedRowRulesTest {
    private static final String[] EMPLOYEES = {"emp_id", "status_cd", "last_upd_dt"};
    private static final String[][] ROWS = {
            {" e1", "A", "2024-01-01"},
            {"E1", " l ", "2024-02-01"},
            {"tst9", "A", "2024-01-01"},
            {"E2", " a", "2024-01-01"},
            {"E2", " a", "2024-01-01"},
            {"E3", "T", "2024-01-01"}};

    private static final SampleRows SAMPLE = new SampleRows("employees", EMPLOYEES, ROWS);

    private static GeneratedLayers.Layer compile(Specs spec) {
        return SAMPLE.compile(spec);
    }

    private static List<String> rows(GeneratedLayers.Layer layer, String... columns) throws Exception {
        return SAMPLE.run(layer, columns);
    }

    @Test
    void shouldApplyTheNumberedRowRulesOfANotesCell() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .rowWithCells("dim", "employee_id", "VARCHAR(10)", "employees", "emp_id", "Trim and upper-case emp_id.", null,
                        "Business key. Row rules for this table: (1) exclude payroll test accounts – emp_id starting with 'TST'"
                                + " (any case, after trimming); (2) the extract can hold several versions of one employee –"
                                + " keep only the row with the latest last_upd_dt (text, YYYY-MM-DD) per cleaned emp_id.")
                .row("dim", "employment_status", "VARCHAR(12)", "employees", "status_cd", "Decode the status code (trimmed,"
                        + " case-insensitive): A = Active, L = Leave, anything else (including blank) = Unknown.")
                .row("dim", "is_active", "BOOLEAN", "employees", "status_cd", "True when the status code is A or L; false for"
                        + " every other code."));
        // the test account gone, E1's latest version kept; is_active compares the code as the decode cleans it
        assertThat(rows(layer, "employee_id", "employment_status", "is_active"))
                .containsExactly("E1|Leave|true", "E2|Active|true", "E3|Unknown|false");
    }

    @Test
    void shouldRemoveExactDuplicatesAndReadEachNumberedExclusion() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .rowWithCells("fact", "emp_id", "VARCHAR(10)", "employees", "emp_id", "Copy.", null, "Row rules for this"
                        + " table: (1) the app sometimes exports the same line twice – remove rows that are identical in every"
                        + " column; (2) drop terminated staff – status_cd = 'T'; (3) drop entries of test employees (emp_id"
                        + " starting with 'tst'), same as DIM_EMPLOYEE.")
                .row("fact", "status_cd", "VARCHAR(3)", "employees", "status_cd", "Copy."));
        assertThat(rows(layer, "emp_id", "status_cd")).containsExactly(" e1|A", "E1| l ", "E2| a");
    }

    @Test
    void shouldReadAPickWrittenInSqlAndTheStepAfterIt() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .rowWithCells("fact", "emp_id", "VARCHAR(10)", "employees", "emp_id", "Trim and upper case.", null,
                        "The extract re-sends changed rows. Keep only the latest version per emp_id: QUALIFY ROW_NUMBER() OVER"
                                + " (PARTITION BY UPPER(TRIM(emp_id)) ORDER BY last_upd_dt DESC) = 1 (last_upd_dt is text"
                                + " YYYY-MM-DD). AFTER the dedupe, drop rows whose status_cd is 'T' - a row terminated in a later"
                                + " extract must not fall back to its earlier copy. Reject records where emp_id is blank or null"
                                + " - they are placeholders.")
                .rowWithCells("fact", "is_test", "BOOLEAN", "employees", "emp_id", "True when emp_id starts with 'TST'.",
                        "false", null)
                .row("fact", "status_cd", "VARCHAR(3)", "employees", "status_cd", "Copy."));
        assertThat(rows(layer, "emp_id", "status_cd", "is_test")).containsExactly("E1| l |false", "E2| a|false", "TST9|A|false");
    }

    @Test
    void shouldTrimCodesAsTheCoverSheetSays() throws Exception {
        Specs spec = Specs.spec().row("dim", "emp_id", "VARCHAR(10)", "employees", "emp_id", "Copy.", null, null, true, false, null)
                .row("dim", "on_leave", "BOOLEAN", "employees", "status_cd", "True when status_cd is 'l', else false.")
                .note("Cover", "General | Trim all text fields before comparing codes.");
        assertThat(rows(compile(spec), "emp_id", "on_leave")).containsExactly(" e1|false", "E1|true", "E2|false", "E2|false",
                "E3|false", "tst9|false");
    }

    @Test
    void shouldApplyAStepSaidToComeNextAndTrimAsTheCoverSaysForEveryText() throws Exception {
        Specs spec = Specs.spec()
                .rowWithCells("dim", "emp_id", "VARCHAR(10)", "employees", "emp_id", "Trim + upper case.", null, "Feed is a"
                        + " history. Keep only the current row per emp_id: ROW_NUMBER() OVER (PARTITION BY UPPER(TRIM(emp_id))"
                        + " ORDER BY last_upd_dt DESC) = 1. Then drop rows whose status_cd is T.")
                .row("dim", "status", "VARCHAR(10)", "employees", "status_cd", "A = Active, L = Leave, otherwise Unknown.")
                .note("Cover", "General | Trim all text fields before use. Codes are matched case-insensitively.");
        // ' l ' and ' a' compare as L and A; the terminated E3 is dropped after the pick
        assertThat(rows(compile(spec), "emp_id", "status")).containsExactly("E1|Leave", "E2|Active", "TST9|Active");
    }

    @Test
    void shouldKeepARowRuleItCannotReadFromPassingAsApplied() {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .rowWithCells("fact", "emp_id", "VARCHAR(10)", "employees", "emp_id", "Copy.", null, "Row rules for this"
                        + " table: (1) drop employees whose manager left last quarter."));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }
}
