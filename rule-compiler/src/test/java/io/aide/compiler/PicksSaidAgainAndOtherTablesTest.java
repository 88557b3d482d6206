package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Picks said the way general-rules sheets say them ("Same for HR_DEPARTMENT on dept_code, keeping the latest
 * last_modified", "Where CIS sends the same customer more than once keep only the record with the most recent
 * LAST_UPDATED"), per the key as the target cleans it; what an aggregate over another table says of its rows kept with
 * that column; and a joined name's fallback written as the joined text is. Run in DuckDB.
 */
class PicksSaidAgainAndOtherTablesTest {
    private static final SampleRows DEPARTMENTS = new SampleRows("hr_department",
            new String[]{"dept_code", "dept_name", "last_modified"},
            new String[]{"FIN", " Finance ", "2023-01-05 09:00:00"},
            new String[]{" OPS", "Operations", "2023-02-11 10:15:00"},
            new String[]{"ops", "Operations & Logistics", "2024-06-30 17:45:00"},
            new String[]{"fin", "Finance (old)", "2022-12-01 09:00:00"});

    @Test
    void shouldReadAPickSaidOfAnotherTableAsTheOneBefore() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_department", "department_code", "VARCHAR(10)", "hr_department", "dept_code", "Trim and upper case.")
                .row("dim_department", "department_name", "VARCHAR(40)", "hr_department", "dept_name", "Trim")
                .row("dim_employee", "employee_id", "VARCHAR(10)", "hr_employee", "emp_id", "Trim")
                .note("Notes", "3 | HR_EMPLOYEE can hold more than one row per emp_id (history). Keep only the row with the latest "
                        + "rec_updated. Same for HR_DEPARTMENT on dept_code, keeping the latest last_modified.");
        // one row per department as the target tells them: " OPS" and "ops" are one; the employees' pick is theirs
        assertThat(DEPARTMENTS.run(DEPARTMENTS.compileAll(spec).get(0), "department_code", "department_name"))
                .containsExactly("FIN|Finance", "OPS|Operations & Logistics");
    }

    @Test
    void shouldKeepOneRowOfTheThingSentMoreThanOnce() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_department", "department_code", "VARCHAR(10)", "hr_department", "dept_code", "Trim and upper case.", null,
                        "Where HR sends the same dept_code more than once keep only the record with the most recent last_modified.",
                        true, null, null)
                .row("dim_department", "department_name", "VARCHAR(40)", "hr_department", "dept_name", "Trim");
        assertThat(DEPARTMENTS.run(DEPARTMENTS.compile(spec), "department_code", "department_name"))
                .containsExactly("FIN|Finance", "OPS|Operations & Logistics");
    }

    private static final SampleRows MEMBERS = new SampleRows("ffp_member",
            new String[]{"member_no", "first_nm", "last_nm"},
            new String[]{"1", " Anna ", "Berg"},
            new String[]{"2", "", " Rasmussen "},
            new String[]{"3", null, "Lee"});

    @Test
    void shouldWriteTheOtherPartOfAJoinedNameAsTheJoinedTextIs() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_member", "member_number", "VARCHAR(10)", "ffp_member", "member_no", "Direct")
                .row("dim_member", "full_name", "VARCHAR(60)", "ffp_member", "first_nm, last_nm", "First name and last name, each "
                        + "trimmed, joined with a single space and converted to upper case. Where the first name is blank use the "
                        + "last name on its own.");
        assertThat(MEMBERS.run(MEMBERS.compile(spec), "full_name")).containsExactly("ANNA BERG", "RASMUSSEN", "LEE");
    }

    @Test
    void shouldKeepWhatAnAggregateOverAnotherTableSaysOfItsRowsWithItsColumn() {
        Specs spec = Specs.spec()
                .row("dim_member", "member_number", "VARCHAR(10)", "ffp_member", "member_no", "Direct", null, null, true, null, null)
                .row("dim_member", "lifetime_miles", "INTEGER", "ffp_activity", "miles", "Sum of the member's miles over posted "
                        + "activity. Use the de-duplicated activity (latest version of each ACTIVITY_ID).");
        List<GeneratedLayers.Layer> layers = MEMBERS.compileAll(spec);
        // the member's own rows are as the member table holds them; the sum says why it is not compiled
        assertThat(layers.get(0).columns().get(0).status()).isEqualTo("compiled");
        assertThat(layers.get(0).columns().get(1).status()).isEqualTo("flagged");
        assertThat(layers.get(0).sql().get("duckdb")).doesNotContain("WHERE");
    }

    private static final SampleRows RESULTS = new SampleRows("lis_result",
            new String[]{"result_id", "order_no", "test_cd", "result_status", "result_dttm"},
            new String[]{"1", "O1", "GLU", "F", "2024-01-10 09:55:00"},
            new String[]{"2", "O1", "GLU", "X", "2024-01-10 10:00:00"},
            new String[]{"3", "O1", "glu ", "F", "2024-01-10 09:00:00"},
            new String[]{"4", "O2", "NA", "F", "2024-01-11 08:00:00"},
            new String[]{"5", "O2", "NA", "F", "2024-01-11 08:00:00"});

    private static Specs results(String notes) {
        return Specs.spec()
                .row("fact_lab_result", "lab_result_id", "INTEGER", "lis_result", "result_id", "Direct", null, null, true, null, null)
                .row("fact_lab_result", "status", "VARCHAR(5)", "lis_result", "result_status", "Trim")
                .note("General Rules", "2 | Codes and identifiers are compared trimmed and upper case, including in joins.")
                .note("General Rules", notes);
    }

    @Test
    void shouldChooseAfterTheExclusionsWhenTheDocumentSaysSoAndBreakTiesAsItSays() throws Exception {
        GeneratedLayers.Layer layer = RESULTS.compile(results("5 | FACT_LAB_RESULT: results with RESULT_STATUS = X are removed "
                + "first. After the exclusions above, keep one result per ORDER_NO + TEST_CD - the one with the latest "
                + "RESULT_DTTM. If two have the same time keep the higher RESULT_ID."));
        // 2 is left out before the choice, so 1 is the latest of O1's GLU ("glu " is the same test); 4 and 5 tie: 5
        assertThat(RESULTS.run(layer, "lab_result_id")).containsExactly("1", "5");
    }

    @Test
    void shouldChooseBeforeTheExclusionsWhereNothingElseIsSaid() throws Exception {
        GeneratedLayers.Layer layer = RESULTS.compile(results("5 | FACT_LAB_RESULT: results with RESULT_STATUS = X are removed. "
                + "Keep one result per ORDER_NO + TEST_CD - the one with the latest RESULT_DTTM. If two have the same time keep "
                + "the higher RESULT_ID."));
        // the latest of O1's GLU is 2, which is then left out
        assertThat(RESULTS.run(layer, "lab_result_id")).containsExactly("5");
    }

    private static final SampleRows POSTCODES = new SampleRows("lis_patient",
            new String[]{"mrn", "postcode"},
            new String[]{"M1", " ab1 2cd "},
            new String[]{"M2", "NULL"},
            new String[]{"M3", "  "});

    @Test
    void shouldReadTheTextsANullCellNamesBesideTheBlankOnes() throws Exception {
        for (String cell : new String[]{"NULL if blank / NULL text", "NULL for blank or the text NULL",
                "Blank or the literal NULL -> leave null"}) {
            GeneratedLayers.Layer layer = POSTCODES.compile(Specs.spec()
                    .row("dim_patient", "mrn", "VARCHAR(5)", "lis_patient", "mrn", "Direct")
                    .rowWithDefault("dim_patient", "postcode", "VARCHAR(10)", "lis_patient", "postcode", "trim + upper", null, cell));
            assertThat(POSTCODES.run(layer, "mrn", "postcode")).as(cell).containsExactly("M1|AB1 2CD", "M2|null", "M3|null");
        }
        // a value read after a condition that goes on is none: "NULL if blank / X" gives no default of '/ X'
        GeneratedLayers.Layer unread = POSTCODES.compile(Specs.spec()
                .row("dim_patient", "mrn", "VARCHAR(5)", "lis_patient", "mrn", "Direct")
                .rowWithDefault("dim_patient", "postcode", "VARCHAR(10)", "lis_patient", "postcode", "trim + upper", null,
                        "NULL if blank / gone"));
        assertThat(unread.columns().get(1).status()).isEqualTo("flagged");
    }

    @Test
    void shouldTakeRemovingPartsOfAValueForNoChoiceOfRows() {
        assertThat(NoteFilters.choosingSentences("Amount is text that may carry a '$' sign and comma separators - remove them "
                + "before summing.")).isEmpty();
        // the rows a sentence names are still left out when it says so
        assertThat(NoteFilters.choosingSentences("Lines with status VOID are test lines - remove them.")).isNotEmpty();
    }
}
