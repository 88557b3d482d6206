package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aide.compiler.TableSets.compile;
import static io.aide.compiler.TableSets.db;
import static io.aide.compiler.TableSets.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second table written beside the row's own in cells split alike ("BAG_SCAN / CHECKPOINT_REF" over "SCAN_LOC /
 * CHECKPOINT_NAME"), choices of rows written in an Exceptions (null-handling) cell, and a general rule's list item about
 * rows named by a compound noun ("mishandled bag reports with status V") kept for the target they are of, though
 * another item of the line names another target's column. Run in DuckDB.
 */
class PairedSourcesAndExceptionCellsTest {
    private static final String[][] SCAN = {
            {"scan_id", "scan_loc"},
            {"1", "SORT"},
            {"2", "MANL"},
            {"3", "LOAD"}};
    private static final String[][] CHECKPOINT = {
            {"checkpoint_code", "checkpoint_name"},
            {"SORT", "Sorter"},
            {"LOAD", "Hold loading"}};

    @Test
    void shouldReadEachGroupOfColumnsFromTheTableInItsPlace() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_scan", "scan_id", "INTEGER", "bag_scan", "scan_id", "1:1", null, null, true, null, null)
                .row("fact_scan", "checkpoint_code", "VARCHAR(8)", "bag_scan", "scan_loc", "Trim, upper")
                .row("fact_scan", "checkpoint_name", "VARCHAR(20)", "bag_scan / checkpoint_ref", "scan_loc / checkpoint_name",
                        "checkpoint_name from checkpoint_ref where checkpoint_code equals scan_loc; 'Unknown checkpoint' when not found");
        List<GeneratedLayers.Layer> layers = compile(spec, "bag_scan", SCAN, "checkpoint_ref", CHECKPOINT);
        try (DuckDb db = db("bag_scan", SCAN, "checkpoint_ref", CHECKPOINT)) {
            assertThat(values(db, layers.get(0), "scan_id")).containsExactly("1", "2", "3");
            assertThat(values(db, layers.get(0), "checkpoint_name")).containsExactly("Hold loading", "Sorter", "Unknown checkpoint");
        }
    }

    @Test
    void shouldKeepTwoTablesSideBySideForATargetWhoseRowsAllNameThem() {
        Specs spec = Specs.spec()
                .row("fact_visit", "visit_ref", "VARCHAR(10)", "tm_tickets / app_sessions", "ticket_no / session_ref", "Direct", null,
                        null, true, null, null)
                .row("fact_visit", "visit_date", "DATE", "tm_tickets / app_sessions", "sold_on / opened_on", "Direct");
        List<GeneratedLayers.Layer> layers = compile(spec, "tm_tickets", new String[][]{{"ticket_no", "sold_on"}},
                "app_sessions", new String[][]{{"session_ref", "opened_on"}});
        // the rows of both tables, which one view does not make: never the second table's columns read beside the first's
        assertThat(layers.get(0).columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }

    private static final String[][] REPORT = {
            {"mbr_ref", "amend_no", "mbr_status"},
            {"R1", "1", "O"},
            {"R1", "2", "C"},
            {"R2", "1", "O"},
            {"R2", "2", "V"},
            {"R3", "1", "O"}};
    private static final String[][] BAG = {
            {"tag_no", "pax_name"},
            {"T1", "SMITH/ANN"},
            {"T2", "TEST/QA"}};

    @Test
    void shouldReadTheChoicesOfAnExceptionsCellAndAListItemAboutTheTargetsRows() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_bag", "bag_tag_number", "VARCHAR(10)", "bag_tag", "tag_no", "Trim", null, null, true, null, null)
                .row("fact_mishandled_bag", "mbr_ref", "VARCHAR(10)", "mbr_report", "mbr_ref", "upper(trim(mbr_ref))", null, null, true,
                        null, null)
                .row("fact_mishandled_bag", "amend_no", "INTEGER", "mbr_report", "amend_no", "1:1")
                .note("General rules", "G2 | Test data is not loaded: bags whose PAX_NAME starts with 'TEST/'; mishandled bag reports "
                        + "with status V (voided).");
        List<GeneratedLayers.Layer> layers = compile(spec, "bag_tag", BAG, "mbr_report", REPORT);
        Specs withCell = Specs.spec()
                .rowWithDefault("fact_mishandled_bag", "mbr_ref", "VARCHAR(10)", "mbr_report", "mbr_ref", "upper(trim(mbr_ref))", null,
                        "A report is re-sent on every amendment: keep only the highest AMEND_NO per reference. After that, drop "
                                + "reports whose MBR_STATUS is V (voided).")
                .row("fact_mishandled_bag", "amend_no", "INTEGER", "mbr_report", "amend_no", "1:1");
        List<GeneratedLayers.Layer> picked = compile(withCell, "mbr_report", REPORT);
        try (DuckDb db = db("bag_tag", BAG, "mbr_report", REPORT)) {
            assertThat(values(db, layers.get(0), "bag_tag_number")).containsExactly("T1");
            // every amendment of R1, R2 and R3 but the voided one
            assertThat(values(db, layers.get(1), "mbr_ref")).containsExactly("R1", "R1", "R2", "R3");
            // the latest amendment of each report, then the voided ones dropped
            assertThat(values(db, picked.get(0), "mbr_ref")).containsExactly("R1", "R3");
            assertThat(values(db, picked.get(0), "amend_no")).containsExactly("1", "2");
        }
    }

    private static final String[][] CANDIDATE = {
            {"cand_id", "pax_name"},
            {"5", "SMITH/ANN"},
            {"7", "TEST/QA"}};
    private static final String[][] APPLICATION = {
            {"app_id", "cand_id"},
            {"A1", "5"},
            {"A2", "7"},
            {"A3", "9"}};

    @Test
    void shouldReadANullCellBesideItsAsideAndACodeItsSlashEnds() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_candidate", "candidate_key", "INTEGER", "candidate", "cand_id", "Sequence in ascending order of CAND_ID")
                .row("dim_candidate", "candidate_id", "INTEGER", "candidate", "cand_id", "1:1", null,
                        "Exclude candidates whose PAX_NAME starts with TEST/.", true, null, null)
                .row("fact_application", "app_id", "VARCHAR(5)", "application", "app_id", "Direct", null, null, true, null, null)
                .rowWithDefault("fact_application", "candidate_key", "INTEGER", "application", "cand_id",
                        "Look up DIM_CANDIDATE on CANDIDATE_ID = CAND_ID; return CANDIDATE_KEY.", null,
                        "-1 when no match (incl. excluded test candidates)");
        List<GeneratedLayers.Layer> layers = compile(spec, "candidate", CANDIDATE, "application", APPLICATION);
        try (DuckDb db = db("candidate", CANDIDATE, "application", APPLICATION)) {
            assertThat(values(db, layers.get(0), "candidate_id")).containsExactly("5");
            db.exec("CREATE VIEW \"" + layers.get(0).target() + "\" AS " + layers.get(0).sql().get("duckdb"));
            // A2's candidate is a test one, not in the dimension: no match, as A3's unknown candidate
            assertThat(values(db, layers.get(1), "app_id")).containsExactly("A1", "A2", "A3");
            assertThat(values(db, layers.get(1), "candidate_key")).containsExactly("-1", "-1", "1");
        }
    }

    private static final String[][] RESULT = {
            {"unit_no", "test_cd", "result_cd", "tested_at"},
            {"U1", "HIV", "R", "2024-01-01 10:00:00"},
            {"U1", "HIV", "NR", "2024-01-02 10:00:00"},
            {"U1", "HCV", "NR", "2024-01-01 11:00:00"},
            {"U2", "HIV", "NR", "2024-01-01 09:00:00"}};

    @Test
    void shouldKeepAPickWhoseLeadSaysPerWhatAfterATopic() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_unit_test", "unit_number", "VARCHAR(5)", "unit_test_result", "unit_no", "trim, upper", null, null, true, null,
                        null)
                .row("fact_unit_test", "test_code", "VARCHAR(5)", "unit_test_result", "test_cd", "trim, upper")
                .row("fact_unit_test", "test_result", "VARCHAR(5)", "unit_test_result", "result_cd", "Direct")
                .note("Notes", "4 | UNIT_TEST_RESULT: a unit can be re-tested for the same marker. Keep one row per unit number + test "
                        + "code: the one with the latest TESTED_AT.");
        List<GeneratedLayers.Layer> layers = compile(spec, "unit_test_result", RESULT);
        try (DuckDb db = db("unit_test_result", RESULT)) {
            assertThat(values(db, layers.get(0), "unit_number")).containsExactly("U1", "U1", "U2");
            // U1's HIV retest replaces its first result
            assertThat(values(db, layers.get(0), "test_result")).containsExactly("NR", "NR", "NR");
        }
    }
}
