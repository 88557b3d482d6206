package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row choices from a document no development case used: the kinds of row loaded named with their codes in brackets and
 * the column after ("Only delayed (AHL) and damaged (DPR) files are loaded - filter on FILE_TYPE after trim/upper"), a
 * pick whose key is a word with its columns in a bracket ("per flight (cleaned CARRIER_CODE + FLIGHT_NUMBER)"), the test
 * after it about "that latest version", and a pick said on the row whose column it names by one word of its name ("If a
 * cleaned tag appears more than once in BAG_CHECKIN keep only the row with the latest CHECKIN_TIME and use that row for
 * every column"). Before, the first was ignored (more rows than asked, unflagged) and the others flagged. DuckDB.
 */
class CodedFiltersAndNamedKeysTest {
    private static final SampleRows FILES = new SampleRows("MBR_FILE", new String[]{"FILE_REF", "FILE_TYPE"},
            new String[]{"F1", "AHL"}, new String[]{"F2", " dpr"}, new String[]{"F3", "OHD"}, new String[]{"F4", null});

    @Test
    void shouldLoadOnlyTheKindsWhoseCodesAreNamedInBrackets() throws Exception {
        GeneratedLayers.Layer layer = FILES.compile(Specs.spec().rowWithCells("stg", "report_ref", "VARCHAR(10)", "MBR_FILE", "FILE_REF",
                "Trim, upper case.", null, "Only delayed (AHL) and damaged (DPR) files are loaded - filter on "
                        + "FILE_TYPE after trim/upper. OHD (on-hand) files are out of scope."));
        assertThat(FILES.run(layer, "report_ref")).containsExactly("F1", "F2");
    }

    @Test
    void shouldReadATestCleanedOnceTrimmedWhereverItIsSaidAndLeaveItsExamplesOut() throws Exception {
        SampleRows campaigns = new SampleRows("crm_campaign", new String[]{"campaign_code"}, new String[]{"SPR25"},
                new String[]{" testcamp01"}, new String[]{"test_sms"}, new String[]{"AUT25"});
        for (String note : new String[]{"Filter: do not load test campaigns - any campaign_code that starts with TEST once trimmed "
                + "(any case), e.g. TESTCAMP01, test_sms.", "Do not load rows where campaign_code, once trimmed, starts with TEST (any "
                + "case)."}) {
            GeneratedLayers.Layer layer = campaigns.compile(Specs.spec().rowWithCells("dim_campaign", "campaign_code", "VARCHAR(12)",
                    "crm_campaign", "campaign_code", "Trim and upper case.", null, note));
            assertThat(campaigns.run(layer, "campaign_code")).as(note).containsExactly("AUT25", "SPR25");
        }
    }

    private static final SampleRows VERSIONS = new SampleRows("FLIGHT_SCHED", new String[]{"CARRIER", "FLT_NUM", "UPD_TS", "CNL_IND", "BAG_TAG"},
            new String[]{"ba", "117", "2026-11-01 10:00:00", "N", "123"},
            new String[]{"BA ", "117", "2026-11-01 12:00:00", "y", "0123"},
            new String[]{"VS", "3", "2026-11-01 09:00:00", "Y", "77"},
            new String[]{"VS", "3", "2026-11-01 11:00:00", "N", "0077"});

    @Test
    void shouldReadAKeyNamedInABracketAndTheTestOnTheLatestVersion() throws Exception {
        GeneratedLayers.Layer layer = VERSIONS.compile(Specs.spec()
                .rowWithCells("dim_flight", "carrier_code", "VARCHAR(3)", "FLIGHT_SCHED", "CARRIER", "Trim and upper-case.", null,
                        "Keep only the latest version per flight (cleaned carrier_code + flight_number) by UPD_TS (text, "
                                + "YYYY-MM-DD HH:MM:SS). Drop the flight if that latest version has CNL_IND = Y (any case).")
                .row("dim_flight", "flight_number", "VARCHAR(4)", "FLIGHT_SCHED", "FLT_NUM", "Trim."));
        assertThat(VERSIONS.run(layer, "carrier_code", "flight_number")).containsExactly("VS|3");
    }

    @Test
    void shouldReadAPickOnTheRowWhoseColumnItNamesByOneWord() throws Exception {
        GeneratedLayers.Layer layer = VERSIONS.compile(Specs.spec()
                .rowWithCells("fact_bag", "bag_tag_no", "VARCHAR(10)", "FLIGHT_SCHED", "BAG_TAG", "LPAD(TRIM(BAG_TAG), 4, '0')", null,
                        "If a cleaned tag appears more than once in FLIGHT_SCHED keep only the row with the latest UPD_TS "
                                + "and use that row for every column.")
                .row("fact_bag", "cancelled", "VARCHAR(1)", "FLIGHT_SCHED", "CNL_IND", "Trim and upper-case."));
        assertThat(VERSIONS.run(layer, "bag_tag_no", "cancelled")).containsExactly("0077|N", "0123|Y");
    }
}
