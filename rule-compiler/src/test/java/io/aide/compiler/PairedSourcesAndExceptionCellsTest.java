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
}
