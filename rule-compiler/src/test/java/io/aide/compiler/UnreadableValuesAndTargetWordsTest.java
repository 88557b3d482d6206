package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What analysts say of values that do not read ("Invalid or placeholder dates (00/00/0000, TBD) -> NULL", "If it
 * doesn't parse, NULL"), a remark on what the source holds ("(some rows have trailing spaces)"), a document that says
 * the word NULL in the extract is a blank, a test that names another target column in words ("If there is no exit date
 * then 'Current'" where exit_date turns 00000000 into no date), and a value computed from another that must never read
 * as a label ("GST on the net amount, round to cents" is no rounded net amount). Run in DuckDB.
 */
class UnreadableValuesAndTargetWordsTest {
    private static final SampleRows ENROLMENTS = new SampleRows("enr",
            new String[]{"enrl_id", "exit_dt", "exit_rsn_cd", "status_cd", "eff_dt", "rma_no"},
            new String[]{"1", "00000000", "", "A", "02/29/2024", "RMA1 "},
            new String[]{"2", "20250101", "GRD", "NULL", "00/00/0000", " RMA2"},
            new String[]{"3", "", "", "i", "TBD", "RMA3"},
            new String[]{"4", "20250202", "TRF", "X", "13/01/2024", "RMA4"});

    @Test
    void shouldReadWhatDoesNotParseGivingNullBesideTheLayout() throws Exception {
        for (String rule : new String[]{"Source format MM/DD/YYYY (US vendor file). Invalid or placeholder dates (00/00/0000, TBD) -> NULL",
                "Stored as mm/dd/yyyy (vendor system is US-built). If it doesn't parse, NULL.",
                "Held as text mm/dd/yyyy. Convert to date. Anything that won't convert (impossible dates, 00/00/0000, 'NULL', blank) -> NULL",
                "Format mm/dd/yyyy. Placeholder / invalid dates (00/00/0000, 13/01 etc.) and blanks to NULL.",
                "Text in mm/dd/yyyy. Convert to date; zeros, blanks or impossible dates go to NULL",
                "mm/dd/yyyy -> date. Blank or the string 'NULL' means not given yet, leave null",
                "Text in mm/dd/yyyy. Convert to date. If not a valid calendar date (e.g. 00/00/0000) load NULL - do not fail the batch"}) {
            GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                    .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                    .row("fe", "effective_date", "DATE", "enr", "eff_dt", rule));
            assertThat(ENROLMENTS.run(layer, "enrolment_id", "effective_date")).as(rule)
                    .containsExactly("1|2024-02-29", "2|null", "3|null", "4|null");
        }
    }

    @Test
    void shouldReadTextInTheKeysOwnLayoutAsThatDateIntoAnInteger() throws Exception {
        // "Text YYYYMMDD" into an integer once read the text as an ISO date to format, NULL on every row
        GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                .row("fe", "exit_date_key", "INTEGER", "enr", "exit_dt", "Exit date arrives as text YYYYMMDD. NULL if EXIT_DT is blank."));
        assertThat(ENROLMENTS.run(layer, "enrolment_id", "exit_date_key")).containsExactly("1|null", "2|20250101", "3|null", "4|20250202");
        GeneratedLayers.Layer other = ENROLMENTS.compile(Specs.spec()
                .row("fe", "eff_key", "INTEGER", "enr", "eff_dt", "Text MM/DD/YYYY"));
        assertThat(other.columns().get(0).status()).isEqualTo("flagged");
    }

    @Test
    void shouldReadWhatABlankGivesSaidInEverydayWords() throws Exception {
        for (String rule : new String[]{"UPPER(TRIM()). If nothing there use 'NONE'", "trim + upper. If nothing captured default to 'NONE'.",
                "Trim and upper case. If blank/NULL use 'NONE'."}) {
            GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                    .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                    .row("fe", "reason", "VARCHAR(4)", "enr", "exit_rsn_cd", rule));
            assertThat(ENROLMENTS.run(layer, "enrolment_id", "reason")).as(rule).containsExactly("1|NONE", "2|GRD", "3|NONE", "4|TRF");
        }
    }

    @Test
    void shouldFlagWhatDoesNotParseGivingAValue() {
        GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                .row("fe", "exit_date", "DATE", "enr", "exit_dt", "YYYYMMDD to date. Invalid dates -> 1900-01-01"));
        assertThat(layer.columns().get(0).status()).isEqualTo("flagged");
    }

    @Test
    void shouldLeaveARemarkOnWhatTheSourceHoldsOut() throws Exception {
        GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                .row("fe", "return_request_id", "VARCHAR(12)", "enr", "rma_no", "RMA number, trimmed (some rows have trailing spaces)."));
        assertThat(ENROLMENTS.run(layer, "return_request_id")).containsExactly("RMA1", "RMA2", "RMA3", "RMA4");
    }

    @Test
    void shouldNeverReadAValueComputedFromAnotherAsTheColumnsLabel() {
        SampleRows bills = new SampleRows("bill", new String[]{"net_amt"}, new String[]{"10.00"});
        for (String rule : new String[]{"GST on the net amount, round to cents", "Net amount at the standard rate, round to cents",
                "GST on the net amount at the standard rate, round to cents"}) {
            GeneratedLayers.Layer layer = bills.compile(Specs.spec()
                    .row("fb", "tax_amount", "DECIMAL(12,2)", "bill", "net_amt", rule));
            assertThat(layer.columns().get(0).status()).as(rule).isEqualTo("flagged");
        }
    }

    @Test
    void shouldNeverReadAValueComputedFromAnotherColumnAsTheColumnsDescription() {
        // "Days from OPEN_DATE to the reporting cut-off date" was taken for what the column is, and the rest read alone
        GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                .row("fe", "effective_date", "DATE", "enr", "eff_dt", "Text in mm/dd/yyyy")
                .row("fe", "days_since_effective", "INTEGER", "enr", "eff_dt", "Days from EFFECTIVE_DATE to the reporting cut-off date; "
                        + "NULL when no effective date"));
        assertThat(layer.columns().get(2).status()).isEqualTo("flagged");
    }

    @Test
    void shouldWriteALabelInCapitalsFromTheDefaultColumn() throws Exception {
        SampleRows agents = new SampleRows("agt", new String[]{"id", "fca"}, new String[]{"1", null}, new String[]{"2", "FCA1"});
        GeneratedLayers.Layer layer = agents.compile(Specs.spec()
                .row("fe", "id", "INTEGER", "agt", "id", "Direct map")
                .row("fe", "fca_ref_no", "VARCHAR(16)", "agt", "fca", "As is", null, null, false, null, "NOT REGISTERED"));
        assertThat(agents.run(layer, "id", "fca_ref_no")).containsExactly("1|NOT REGISTERED", "2|FCA1");
    }

    @Test
    void shouldReadTheWordNullAsABlankWhereTheDocumentSaysSo() throws Exception {
        GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                .note("Notes", "1. The SIS writes the literal string NULL for empty fields - treat it the same as blank.")
                .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                .row("fe", "status", "VARCHAR(10)", "enr", "status_cd", "A - Active\nI - Inactive\nblank -> 'Unknown'"));
        assertThat(ENROLMENTS.run(layer, "enrolment_id", "status")).containsExactly("1|Active", "2|Unknown", "3|null", "4|null");
    }

    @Test
    void shouldReadEveryTextTheDocumentNamesAsMissing() throws Exception {
        SampleRows agents = new SampleRows("agt", new String[]{"id", "fca"}, new String[]{"1", "NULL"}, new String[]{"2", "N/A"},
                new String[]{"3", "FCA1"});
        GeneratedLayers.Layer layer = agents.compile(Specs.spec()
                .note("Rules", "9 | 'NULL', 'N/A' and empty strings in any PAS text field are to be treated as missing.")
                .row("fe", "id", "INTEGER", "agt", "id", "Direct map")
                .row("fe", "fca_ref_no", "VARCHAR(16)", "agt", "fca", "As is", null, null, false, null, "NOT REGISTERED"));
        assertThat(agents.run(layer, "id", "fca_ref_no")).containsExactly("1|NOT REGISTERED", "2|NOT REGISTERED", "3|FCA1");
    }

    @Test
    void shouldTestTheTargetsOwnValueWhereTheWordsNameIt() throws Exception {
        String rule = "If there is no exit date then 'Current'. Else if exit reason is GRD or EOY (any case) then 'Completed'. "
                + "Otherwise 'Exited'";
        GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                .row("fe", "exit_date", "DATE", "enr", "exit_dt", "YYYYMMDD to date. 00000000 / blank / NULL means still enrolled - leave empty")
                .row("fe", "enrolment_status", "VARCHAR(10)", "enr", "exit_dt, exit_rsn_cd", rule));
        assertThat(ENROLMENTS.run(layer, "enrolment_id", "enrolment_status")).containsExactly(
                "1|Current", "2|Completed", "3|Current", "4|Exited");

        GeneratedLayers.Layer unknown = ENROLMENTS.compile(Specs.spec()
                .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                .row("fe", "exit_date", "DATE", "enr", "exit_dt", "Convert per the legacy calendar rules")
                .row("fe", "enrolment_status", "VARCHAR(10)", "enr", "exit_dt, exit_rsn_cd", rule));
        assertThat(unknown.columns().get(2).status()).isEqualTo("flagged");
        assertThat(unknown.columns().get(2).reason()).contains("reads the target column exit_date, which is not compiled");
    }

    @Test
    void shouldNotApplyANotesLineThatNamesOnlyAnotherTargetsColumns() throws Exception {
        List<GeneratedLayers.Layer> layers = ENROLMENTS.compileAll(Specs.spec()
                .note("Notes", "5. Transferred enrolments (EXIT_RSN_CD = 'TRF') are excluded.")
                .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map")
                .row("fe", "reason", "VARCHAR(3)", "enr", "exit_rsn_cd", "As is")
                .row("dim_status", "status_code", "VARCHAR(4)", "enr", "status_cd", "As is"));
        assertThat(ENROLMENTS.run(layers.get(0), "enrolment_id")).containsExactly("1", "2", "3");
        assertThat(ENROLMENTS.run(layers.get(1), "status_code")).containsExactly("A", "NULL", "X", "i");
    }

    @Test
    void shouldTestTheStartOfAPaddedValueInAFilterAsItReads() throws Exception {
        GeneratedLayers.Layer layer = ENROLMENTS.compile(Specs.spec()
                .row("fe", "enrolment_id", "INTEGER", "enr", "enrl_id", "Direct map", null,
                        "Exclude test requests. These are the RMA numbers starting with RMA2.", true, null, null));
        assertThat(ENROLMENTS.run(layer, "enrolment_id")).containsExactly("1", "3", "4");
    }
}
