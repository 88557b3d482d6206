package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rent-roll hand-off document's wording of which rows load and in what order: rows named by their table's noun
 * ("Skip tenant rows with a blank tenant_id"), a filter after the pick it follows ("Apply this first, then drop leases
 * whose status is 'D'"), a key numbered in the order of a column "(cleaned, below)". A sentence read as a bare column
 * is never a filter. Before, the first two flagged every column and the third numbered by the raw column. Run in DuckDB.
 */
class RentRollWordingTest {
    private static final String[] LEASES = {"lease_id", "tenant_id", "status", "upd_ts"};
    private static final String[][] ROWS = {
            {"l2", " t9", "A", "2024-01-01 00:00:00"},
            {"L2", "T9", "D", "2024-02-01 00:00:00"},
            {"L1 ", "t1", "D", "2024-01-02 00:00:00"},
            {"L1", "T1", "A", "2024-03-01 00:00:00"},
            {"L3", "  ", "A", "2024-01-03 00:00:00"},
            {"l0", "T0", "A", "2024-01-04 00:00:00"}};

    private static final SampleRows SAMPLE = new SampleRows("leases", LEASES, ROWS);

    private static GeneratedLayers.Layer compile(Specs spec) {
        return SAMPLE.compile(spec);
    }

    private static List<String> rows(GeneratedLayers.Layer layer, String... columns) throws Exception {
        return SAMPLE.run(layer, columns);
    }

    @Test
    void shouldSkipRowsNamedByTheirTablesNoun() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("dim", "tenant_sk", "INTEGER", "leases", "tenant_id", "Surrogate key - row number ordered by tenant_id"
                        + " (cleaned, below) ascending, starting at 1.", null, "Skip tenant rows with a blank tenant_id.", true, false, null)
                .row("dim", "tenant_id", "VARCHAR(10)", "leases", "tenant_id", "Trim, upper case."));
        // numbered in the order of the cleaned id: ' t9' and 'T9' are both T9, after T0 and the two T1
        assertThat(rows(layer, "tenant_sk", "tenant_id")).containsExactly("1|T0", "2|T1", "3|T1", "4|T9", "5|T9");
    }

    @Test
    void shouldFlagACleanedValueNoOtherTargetColumnHolds() {
        GeneratedLayers.Column c = compile(Specs.spec().row("dim", "lease_sk", "INTEGER", "leases", "tenant_id",
                "Row number ordered by tenant_id (cleaned, below).")).columns().get(0);
        assertThat(c.status()).isEqualTo("flagged");
        assertThat(c.reason()).contains("tenant_id");
    }

    @Test
    void shouldApplyAFilterAfterThePickItFollows() throws Exception {
        String filter = "Yardi re-sends a lease when it changes, so the same lease_id can appear more than once: keep only the"
                + " row with the latest upd_ts (text 'YYYY-MM-DD HH:MM:SS') per lease_id. Apply this first, then drop leases"
                + " whose status is 'D' (draft).";
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("fact", "lease_id", "VARCHAR(12)", "leases", "lease_id", "Trim and upper-case.", null, filter, true, false, null)
                .row("fact", "status", "VARCHAR(2)", "leases", "status", "Copy."));
        // L2's latest copy is a draft: not loaded, and its older active copy does not come back
        assertThat(rows(layer, "lease_id", "status")).containsExactly("L0|A", "L1|A", "L3|A");
    }

    @Test
    void shouldReadElsesThatNameSomeOfTheirValuesAndComparisonsThatIgnoreCaseAndSpaces() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("fact", "upd_ts", "VARCHAR(20)", "leases", "upd_ts", "Copy.", null, null, true, false, null)
                .row("fact", "is_draft", "BOOLEAN", "leases", "status", "D (any case) = true; A, blank or anything else = false.")
                .row("fact", "tenant_known", "BOOLEAN", "leases", "tenant_id", "True when tenant_id is 't1' (ignore case and"
                        + " spaces); false for anything else, including blank.")
                .row("fact", "status_name", "VARCHAR(10)", "leases", "status", "Trimmed, upper-cased status code mapped:"
                        + " A -> Active; any other code -> Unknown (D rows already dropped upstream).")
                .row("fact", "upd_year", "INTEGER", "leases", "upd_ts", "Year part of upd_ts (NULL if no date)."));
        // in upd_ts order: l2 ' t9' A, L1 't1' D, L3 '  ' A, l0 'T0' A, L2 'T9' D, L1 'T1' A
        assertThat(rows(layer, "is_draft", "tenant_known", "status_name", "upd_year")).containsExactly(
                "false|false|Active|2024", "true|true|Unknown|2024", "false|false|Active|2024", "false|false|Active|2024",
                "true|false|Unknown|2024", "false|true|Active|2024");
    }

    @Test
    void shouldReadRowsNamedByACodeAfterTheirColumnAndACleaningAfterTheValueItCleans() throws Exception {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("fact", "upd_ts", "VARCHAR(20)", "leases", "upd_ts", "Copy.", null, "Rows with a blank or null tenant_id"
                        + " are not loaded. Leases with status D (draft / never signed, any case) are excluded.", true, false, null)
                .row("fact", "tenant", "VARCHAR(10)", "leases", "tenant_id", "Decode the code after trimming and upper-casing:"
                        + " T1 = Acme, T9 = Zenith, anything else = Other."));
        // in upd_ts order: l2 ' t9' A, L3 '  ' A (blank: gone), l0 'T0' A, L1 'T1' A; the D rows gone
        assertThat(rows(layer, "upd_ts", "tenant")).containsExactly("2024-01-01 00:00:00|Zenith", "2024-01-04 00:00:00|Other",
                "2024-03-01 00:00:00|Acme");
    }

    @Test
    void shouldNeverFilterOnAValueThatIsNoCondition() {
        GeneratedLayers.Layer layer = compile(Specs.spec()
                .row("fact", "lease_id", "VARCHAR(12)", "leases", "lease_id", "Trim.", null, "Drop leases whose status is 'D'"
                        + " (draft).. A lease whose older copy is a draft but whose latest copy is active is kept; a lease"
                        + " whose latest copy is a draft is not loaded.", true, false, null));
        assertThat(layer.sql().get("duckdb")).doesNotContain("COALESCE(\"leases\".\"status\", FALSE)");
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }
}
