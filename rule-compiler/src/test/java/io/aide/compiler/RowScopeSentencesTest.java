package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row scopes from documents no development case used: the rows kept named, then their test after a dash ("Only settled
 * transactions are loaded - txn_status S") or in brackets ("Load accepted taps only (txn_status A)"), the codes left out
 * said again in lower case after it, several kinds of rows left out in one sentence, each with its test in brackets, a
 * summary word for the rows an exclusion leaves ("Only live enrolments are loaded"), rows named by any plural noun
 * ("Exclude stops with ..."), a pick's consequence in the singular, and a key spelled the British way ("licence number"
 * for license_number). DuckDB.
 */
class RowScopeSentencesTest {
    private static final SampleRows TAPS = new SampleRows("afc", new String[]{"txn_id", "txn_status", "del_flag", "course_cd"},
            new String[]{"1", "A", "N", "MATH1"}, new String[]{"2", " s", "y ", "MATH1"}, new String[]{"3", "D", null, "test-9"},
            new String[]{"4", null, null, "ART2"}, new String[]{"5", "S", "N", "ART2"});

    private static List<String> kept(String rule) throws Exception {
        GeneratedLayers.Layer layer = TAPS.compile(Specs.spec().row("fact", "txn_id", "VARCHAR(10)", "afc", "txn_id", rule)
                .row("fact", "course_code", "VARCHAR(10)", "afc", "course_cd", "Trim and upper-case."));
        return TAPS.run(layer, "txn_id");
    }

    @Test
    void shouldReadTheRowsKeptThenTheirTestAfterADashOrInBrackets() throws Exception {
        assertThat(kept("Copy. Only settled transactions are loaded - txn_status S (trimmed, any case).")).containsExactly("2", "5");
        assertThat(kept("Copy. Load accepted taps only (txn_status A).")).containsExactly("1");
        // the codes left out said again after it, the sentence starting in lower case
        assertThat(kept("Copy. Load accepted taps only (txn_status A). declined (D), reversed (X) and blank statuses are dropped"))
                .containsExactly("1");
    }

    @Test
    void shouldLeaveOutSeveralKindsOfRowsEachWithItsTestInBrackets() throws Exception {
        assertThat(kept("Copy. Only live enrolments are loaded. Drop rows flagged deleted (del_flag = Y, trimmed, any case) and "
                + "enrolments on sandbox courses (cleansed course code starting with TEST).")).containsExactly("1", "4", "5");
        assertThat(kept("Copy. Exclude taps with txn_status D - they are not loaded at all.")).containsExactly("1", "2", "4", "5");
        // a summary word that names no column beside a condition that keeps rows says something else
        GeneratedLayers.Layer odd = TAPS.compile(Specs.spec().row("fact", "txn_id", "VARCHAR(10)", "afc", "txn_id",
                "Copy. Only live enrolments are loaded. Keep rows where txn_status = 'A'."));
        assertThat(odd.sql().get("duckdb")).contains("TODO filter");
    }

    @Test
    void shouldPassOverAPicksConsequenceAndReadAKeySpelledTheBritishWay() throws Exception {
        SampleRows licences = new SampleRows("reg", new String[]{"lic_no", "expiry_dt", "name"},
                new String[]{"gc-1", "20240101", "Old"}, new String[]{"GC-1 ", "20250101", "New"}, new String[]{"EL-2", "20230101", "Only"});
        GeneratedLayers.Layer layer = licences.compile(Specs.spec()
                .row("dim_contractor", "license_number", "VARCHAR(12)", "reg", "lic_no", "Trim and upper-case. Keep one row per "
                        + "cleaned licence number – the one with the latest expiry_dt; every other attribute comes from that row.")
                .row("dim_contractor", "business_name", "VARCHAR(20)", "reg", "name", "Direct move."));
        assertThat(licences.run(layer, "license_number", "business_name")).containsExactly("EL-2|Only", "GC-1|New");
    }

    @Test
    void shouldReadAColumnNamedWithoutItsTablesWordAndACodesLabelInBrackets() throws Exception {
        SampleRows stops = new SampleRows("stop_master", new String[]{"stop_cd", "stop_status_cd"}, new String[]{"S1", "A"},
                new String[]{"S2", "D"}, new String[]{"S3", null});
        GeneratedLayers.Layer layer = stops.compile(Specs.spec().row("dim_stop", "stop_id", "VARCHAR(10)", "stop_master", "stop_cd",
                "Trim, upper case. Exclude stops with status code D (deleted in the scheduling system) - they are not loaded at all."));
        assertThat(stops.run(layer, "stop_id")).containsExactly("S1", "S3");
    }

    @Test
    void shouldFlagANullCellThatBuildsAValueRatherThanCutItToItsText() {
        GeneratedLayers.Layer layer = TAPS.compile(Specs.spec()
                .row("fact", "txn_id", "VARCHAR(10)", "afc", "txn_id", "Copy.")
                .row("fact", "course_name", "VARCHAR(40)", "afc", "course_cd", "Remove leading and trailing spaces.", null, null,
                        false, true, "'Unnamed course ' followed by txn_id"));
        assertThat(layer.columns().get(1).status()).isEqualTo("flagged");
        assertThat(layer.columns().get(1).reason()).contains("null-handling cell is not understood");
    }

    @Test
    void shouldReadAPicksKeyBeforeADashAndABlankKeptInsideTheExclusionsBracket() throws Exception {
        SampleRows tickets = new SampleRows("scale_ticket", new String[]{"ticket_no", "rec_seq", "load_status"},
                new String[]{"T1", "1", "A"}, new String[]{"t1 ", "2", null}, new String[]{"T2", "1", "v"}, new String[]{"T3", "1", "A"});
        GeneratedLayers.Layer layer = tickets.compile(Specs.spec().row("fact_load", "load_ticket_no", "VARCHAR(12)", "scale_ticket",
                "ticket_no", "Trim and upper-case. Leave out voided tickets (load_status V, any case; blank status counts as not "
                        + "voided). Dedupe: one row per load_ticket_no – keep the row with the highest rec_seq.")
                .row("fact_load", "rec_seq", "INTEGER", "scale_ticket", "rec_seq", "Direct move."));
        assertThat(tickets.run(layer, "load_ticket_no", "rec_seq")).containsExactly("T1|2", "T3|1");
    }

    @Test
    void shouldFilterTheKeptRowAfterItsPickAndPassOverWhatThatMeansForOlderCopies() throws Exception {
        SampleRows leases = new SampleRows("yrd_lease", new String[]{"lease_id", "status", "upd_ts"},
                new String[]{"L1", "D", "2024-01-01 10:00:00"}, new String[]{"L1", "A", "2024-02-01 10:00:00"},
                new String[]{"L2", "A", "2024-01-01 10:00:00"}, new String[]{"L2", "D", "2024-03-01 10:00:00"},
                new String[]{"L3", "A", "2024-01-05 10:00:00"});
        for (String said : List.of("Apply this first, then drop leases whose current status is 'D' (draft). A lease whose older copy "
                + "is a draft but whose latest copy is active is kept.", "Then drop the surviving row if its status is D (draft) – a lease "
                + "whose latest version is a draft is not loaded.")) {
            GeneratedLayers.Layer layer = leases.compile(Specs.spec().row("fact_lease", "lease_id", "VARCHAR(12)", "yrd_lease", "lease_id",
                    "Trim. Keep only the row with the latest upd_ts per lease_id. " + said));
            assertThat(leases.run(layer, "lease_id")).as(said).containsExactly("L1", "L3");
        }
    }
}
