package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student-records hand-off document's wording: default cells that say when they apply ("'UNDECLARED' if blank", "NULL
 * when DOB is null"), grade bands whose end is left out ("75 to under 85 = D"), the latest record kept "per student",
 * codes said again to be filtered out, the case of a name spelled out, pointers elsewhere in the document, "cleansed
 * first name" for another target column, an else that names some of its values, a lookup key cleaned in brackets.
 * Before, a default cell's words became a text literal, a band became "75 = 'under'", and "cleansed first name" read the
 * raw source: each a silent difference. Run in DuckDB.
 */
class DefaultsWhenAndEntityPicksTest {
    private static final String[] STUDENTS = {"student_id", "first_name", "last_name", "prog_cd", "email", "mark", "upd_ts",
            "status"};
    private static final String[][] ROWS = {
            {" s1", "james ", "SMITH", " bscs", " A@B.EDU ", "85", "2024-01-01 00:00:00", "E"},
            {"S1", "JAMES", "SMITH", "BSCS", "a@b.edu", "84.9", "2024-03-01 00:00:00", "E"},
            {"s2", " mei", "chen", "  ", "  ", "75", "2024-01-01 00:00:00", "X"},
            {"S3", "liam", "o'brien", null, null, "49", "2024-01-01 00:00:00", "W"}};

    private static final SampleRows SAMPLE = new SampleRows("students", STUDENTS, ROWS);

    private static GeneratedLayers.Layer compile(Specs spec) {
        return SAMPLE.compile(spec);
    }

    private static List<Map<String, Object>> rows(GeneratedLayers.Layer layer) throws Exception {
        return SAMPLE.query(layer);
    }

    private static List<String> column(GeneratedLayers.Layer layer, String name) throws Exception {
        return rows(layer).stream().map(r -> String.valueOf(r.get(name))).toList();
    }

    private static Specs keyed() {
        return Specs.spec().row("dim", "row_no", "INTEGER", "students", "student_id", "Sequence number in ascending order of"
                + " mark", null, null, true, false, null);
    }

    @Test
    void shouldApplyADefaultWhereItsCellSaysItApplies() throws Exception {
        GeneratedLayers.Layer layer = compile(keyed()
                .rowWithCells("dim", "programme", "VARCHAR(10)", "students", "prog_cd", "Trim, upper case.", "'UNDECLARED' if blank", null)
                .rowWithCells("dim", "email", "VARCHAR(40)", "students", "email", "Trim and lower-case the email.", "NULL when blank", null)
                .rowWithCells("dim", "mark_band", "VARCHAR(10)", "students", "mark", "Trim.", "n/a when no match or blank", null)
                .rowWithCells("dim", "pass_mark", "DECIMAL(5,1)", "students", "mark", "Cast mark to a number.",
                        "NULL when MARK is null", null));
        // in the order of the mark: 49, 75, 84.9, 85
        assertThat(column(layer, "programme")).containsExactly("UNDECLARED", "UNDECLARED", "BSCS", "BSCS");
        assertThat(column(layer, "email")).containsExactly("null", "null", "a@b.edu", "a@b.edu");
        assertThat(column(layer, "mark_band")).containsExactly("49", "75", "84.9", "85");
        assertThat(column(layer, "pass_mark")).containsExactly("49.0", "75.0", "84.9", "85.0");
    }

    @Test
    void shouldFlagADefaultWhoseConditionNamesSomethingElse() {
        GeneratedLayers.Column c = compile(keyed().rowWithCells("dim", "programme", "VARCHAR(10)", "students", "prog_cd",
                "Trim.", "'NONE' when the weather is bad", null)).columns().get(1);
        assertThat(c.status()).isEqualTo("flagged");
        assertThat(c.reason()).contains("'NONE' when the weather is bad");
    }

    @Test
    void shouldReadBandsWhoseEndIsLeftOut() throws Exception {
        GeneratedLayers.Layer layer = compile(keyed().row("dim", "grade", "VARCHAR(2)", "students", "mark",
                "85 or more = HD, 75 to under 85 = D, 65 to less than 75 = C, 50 - <65 = P, below 50 = N."));
        assertThat(column(layer, "grade")).containsExactly("N", "D", "D", "HD");
    }

    @Test
    void shouldKeepTheLatestRecordPerTheThingTheKeyIdentifies() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("dim", "student_sk", "INTEGER", "students", "student_id", "Surrogate key: sequence number 1, 2, 3 ..."
                        + " assigned in ascending order of the cleansed Student ID (see STUDENT_ID below), after the dedupe.")
                .row("dim", "student_id", "VARCHAR(10)", "students", "student_id", "Trim and upper case. Dedupe on this value:"
                        + " keep only the latest record per student by upd_ts (see cover sheet).", null, null, true, false, null)
                .row("dim", "first_name", "VARCHAR(20)", "students", "first_name", "Trim spaces, then capitalise: first"
                        + " character upper case, remaining characters lower case (e.g. \"liam\" -> \"Liam\").")
                .row("dim", "last_name", "VARCHAR(20)", "students", "last_name", "Trimmed, converted to upper case.")
                .row("dim", "full_name", "VARCHAR(41)", "students", "first_name, last_name", "Cleansed first name + single space"
                        + " + cleansed last name (use the two target values above)."));
        assertThat(rows(layer)).extracting(r -> r.get("student_sk") + "|" + r.get("student_id") + "|" + r.get("full_name"))
                .containsExactly("1|S1|James SMITH", "2|S2|Mei CHEN", "3|S3|Liam O'BRIEN");
    }

    @Test
    void shouldFlagACleansedValueNoTargetColumnHolds() {
        GeneratedLayers.Column c = compile(keyed().row("dim", "full_name", "VARCHAR(41)", "students", "first_name, last_name",
                "Cleansed first name + single space + cleansed last name.")).columns().get(1);
        assertThat(c.status()).isEqualTo("flagged");
    }

    @Test
    void shouldTakeCodesSaidAgainToBeFilteredOutAsTheFilterAlreadyApplied() throws Exception {
        Specs spec = keyed()
                .row("dim", "student_id", "VARCHAR(10)", "students", "student_id", "Trim. Exclude rows with status = 'X'.")
                .row("dim", "status", "VARCHAR(12)", "students", "status", "E = Enrolled, W = Withdrawn, anything else = Unknown."
                        + " (X rows are filtered out before this point.)");
        assertThat(column(compile(spec), "status")).containsExactly("Withdrawn", "Enrolled", "Enrolled");
        // said of codes that no filter leaves out, the sentence is a filter the target does not apply: flagged
        GeneratedLayers.Layer alone = compile(keyed().row("dim", "status", "VARCHAR(12)", "students", "status",
                "E = Enrolled, anything else = Unknown. (X rows are filtered out before this point.)"));
        assertThat(alone.columns()).extracting(GeneratedLayers.Column::status).contains("flagged");
    }

    @Test
    void shouldCompareCodesAsTheCoverSheetSays() throws Exception {
        Specs spec = keyed()
                .row("dim", "student_id", "VARCHAR(10)", "students", "student_id", "Trim. Exclude rows with status = 'x'.")
                .row("dim", "first", "VARCHAR(12)", "students", "first_name", "JAMES = J, LIAM = L, else Other.");
        // as written: only 'JAMES' is J ('liam', 'james ' are not), and 'x' excludes no 'X' row
        assertThat(column(compile(spec), "first")).containsExactly("Other", "Other", "J", "Other");
        spec.note("Cover", "General | \"Blank\" means NULL, empty, or only spaces. All code comparisons are case-insensitive"
                + " and ignore leading/trailing spaces unless stated otherwise.");
        assertThat(column(compile(spec), "first")).containsExactly("L", "J", "J");
    }

    @Test
    void shouldChooseRowsAsTheCoverSheetLineOfTheTargetSays() throws Exception {
        Specs spec = Specs.spec()
                .row("dim", "student_id", "VARCHAR(10)", "students", "student_id", "Trim and upper case.", null, null, true, false, null)
                .row("dim", "first_name", "VARCHAR(20)", "students", "first_name", "Trim.")
                .note("Cover", "Targets | dim (one row per student)")
                .note("Cover", "dim grain | The extract can hold a student twice. Keep one row per Student ID (after trim +"
                        + " upper case): the one with the latest upd_ts (text, YYYY-MM-DD HH:MM:SS).");
        assertThat(rows(compile(spec))).extracting(r -> r.get("student_id") + "|" + r.get("first_name"))
                .containsExactly("S1|JAMES", "S2|mei", "S3|liam");
        // said again in a rule, the same pick is kept once; another pick is a conflict, not a guess
        spec.row("dim", "mark", "VARCHAR(5)", "students", "mark", "Copy. Keep only the latest record per student by upd_ts.");
        assertThat(rows(compile(spec))).hasSize(3);
        GeneratedLayers.Layer other = compile(spec.row("dim", "email", "VARCHAR(40)", "students", "email",
                "Copy. Keep only the earliest record per student by upd_ts."));
        assertThat(other.columns()).as("%s", other.columns().get(3).reason()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }

    @Test
    void shouldReadAnElseThatNamesSomeOfItsValuesAndAMapBasedOnAPart() throws Exception {
        GeneratedLayers.Layer layer = compile(keyed()
                .row("dim", "is_enrolled", "BOOLEAN", "students", "status", "True when status is E (any case); false for W, X,"
                        + " blank or anything else.")
                .row("dim", "id_kind", "VARCHAR(10)", "students", "student_id", "Based on characters 2-3 of student_id:"
                        + " 1 = One, 2 = Two, otherwise Other."));
        assertThat(column(layer, "is_enrolled")).containsExactly("false", "false", "true", "true");
        assertThat(column(layer, "id_kind")).containsExactly("Other", "Two", "One", "Other");
    }
}
