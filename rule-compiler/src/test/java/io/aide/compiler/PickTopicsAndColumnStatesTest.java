package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pick whose key is the topic before it ("One row per account: CardLink sends history rows, keep the one with the
 * most recent EXTRACT_DT"), or that follows a reason naming the copies ("Acquirer sends re-registrations; keep the row
 * with the latest LAST_MODIFIED per MERCHANT_ID"); and a column named before a participle that is one of its values
 * ("'Y' when ACCOUNT_STATUS is Closed"), compared as a value, never read as an event with a date. Run in DuckDB.
 */
class PickTopicsAndColumnStatesTest {
    private static final SampleRows ACCOUNTS = new SampleRows("acct_master", new String[]{"acct_no", "status_cd", "close_dt", "extract_dt"},
            new String[]{"A1", "A", "", "20240101"},
            new String[]{"A1", "C", "", "20240201"},
            new String[]{"A2", "A", "", "20240101"},
            new String[]{"A3", "D", "15/12/2023", "20240101"});

    @Test
    void shouldTakeThePicksKeyFromTheTopicBeforeIt() throws Exception {
        GeneratedLayers.Layer layer = ACCOUNTS.compile(Specs.spec()
                .rowWithCells("dim_account", "account_number", "VARCHAR(5)", "acct_master", "acct_no", "trim", null,
                        "Business key. One row per account: CardLink sends history rows, keep the one with the most recent EXTRACT_DT.")
                .row("dim_account", "status_code", "VARCHAR(1)", "acct_master", "status_cd", "Direct"));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(ACCOUNTS.run(layer, "account_number", "status_code")).containsExactlyInAnyOrder("A1|C", "A2|A", "A3|D");
    }

    @Test
    void shouldLeaveTheReasonForCopiesOutOfTheFilter() throws Exception {
        GeneratedLayers.Layer layer = ACCOUNTS.compile(Specs.spec()
                .row("dim_account", "account_number", "VARCHAR(5)", "acct_master", "acct_no", "trim", null,
                        "CardLink sends re-registrations; keep the row with the latest EXTRACT_DT per ACCT_NO.", true, null, null)
                .row("dim_account", "status_code", "VARCHAR(1)", "acct_master", "status_cd", "Direct"));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(ACCOUNTS.run(layer, "account_number", "status_code")).containsExactlyInAnyOrder("A1|C", "A2|A", "A3|D");
    }

    @Test
    void shouldCompareAColumnWithAParticipleItHoldsAsAValue() throws Exception {
        List<GeneratedLayers.Layer> layers = ACCOUNTS.compileAll(Specs.spec()
                .row("dim_account", "account_number", "VARCHAR(5)", "acct_master", "acct_no", "trim", null, null, true, null, null)
                .row("dim_account", "account_status", "VARCHAR(10)", "acct_master", "status_cd",
                        "A = Active, D = Dormant, C = Closed, anything else = Unknown.")
                .row("dim_account", "close_date", "DATE", "acct_master", "close_dt", "Text dd/mm/yyyy to a date.")
                .row("dim_account", "is_closed", "CHAR(1)", "acct_master", "status_cd, close_dt",
                        "'Y' when ACCOUNT_STATUS is Closed or a CLOSE_DATE is present, otherwise 'N'."));
        assertThat(layers.get(0).columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(ACCOUNTS.run(layers.get(0), "account_number", "is_closed"))
                .containsExactlyInAnyOrder("A1|N", "A1|Y", "A2|N", "A3|Y");
    }

    @Test
    void shouldReadEachTablesPickFromAListOfThemAndLeaveTheOthersTables() throws Exception {
        GeneratedLayers.Layer layer = ACCOUNTS.compile(Specs.spec()
                .row("dim_account", "account_number", "VARCHAR(5)", "acct_master", "acct_no", "trim", null,
                        "CardLink sends history rows, keep the one with the most recent EXTRACT_DT.", true, null, null)
                .row("dim_account", "status_code", "VARCHAR(1)", "acct_master", "status_cd", "Direct")
                .note("General Rules", "5 | De-duplication: ACCT_MASTER - latest EXTRACT_DT per trimmed ACCT_NO; CARDHOLDER - latest "
                        + "UPDATED_ON per HOLDER_ID; CARD_TXN - highest BATCH_SEQ per TXN_ID."));
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(ACCOUNTS.run(layer, "account_number", "status_code")).containsExactlyInAnyOrder("A1|C", "A2|A", "A3|D");
    }

    @Test
    void shouldTakeThePickSaidToComeBeforeTheExclusionsAsItDoes() throws Exception {
        GeneratedLayers.Layer layer = ACCOUNTS.compile(Specs.spec()
                .row("dim_account", "account_number", "VARCHAR(5)", "acct_master", "acct_no", "trim", null,
                        "Keep only the row with the latest EXTRACT_DT per ACCT_NO, then apply the exclusions below. Accounts with "
                                + "STATUS_CD = 'C' are excluded. Status C rows are excluded entirely - see General Rules.", true, null, null));
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        // A1's latest row is closed: the pick first, then the exclusion, leaves no A1
        assertThat(ACCOUNTS.run(layer, "account_number")).containsExactlyInAnyOrder("A2", "A3");
    }

    @Test
    void shouldApplyAChoiceSaidToComeBeforeEverythingElseBeforeThePick() throws Exception {
        SampleRows results = new SampleRows("mod_result", new String[]{"result_id", "stu_id", "status"},
                new String[]{"1", "S1", "C"}, new String[]{"2", "S1", "x"}, new String[]{"3", "S2", "C"});
        GeneratedLayers.Layer layer = results.compile(Specs.spec()
                .row("fact_result", "result_id", "INTEGER", "mod_result", "result_id", "Direct", null, null, true, null, null)
                .row("fact_result", "stu_id", "VARCHAR(5)", "mod_result", "stu_id", "Direct")
                .note("General Rules", "4 | Cancelled results (STATUS = 'X', any case) are removed from MOD_RESULT before anything else, "
                        + "including de-duplication.")
                .note("General Rules", "5 | MOD_RESULT de-duplication: after rule 4, where the same STU_ID appears more than once, keep "
                        + "the row with the highest RESULT_ID."));
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        // the cancelled copy goes first, so the student's other result is the one kept
        assertThat(results.run(layer, "result_id", "stu_id")).containsExactlyInAnyOrder("1|S1", "3|S2");
    }

    @Test
    void shouldGiveTheFactsTheClauseOfAGeneralRuleThatNamesTheirRows() throws Exception {
        SampleRows results = new SampleRows("mod_result", new String[]{"result_id", "stu_id", "status"},
                new String[]{"1", "S1", "C"}, new String[]{"2", "TST1", "C"});
        List<GeneratedLayers.Layer> layers = results.compileAll(Specs.spec()
                .row("dim_student", "student_id", "VARCHAR(5)", "mod_result", "stu_id", "Direct", null, null, true, null, null)
                .row("fact_result", "result_id", "INTEGER", "mod_result", "result_id", "Direct", null, null, true, null, null)
                .note("General Rules", "3 | Test students: any STU_ID starting with 'TST' is excluded from DIM_STUDENT, and all MOD_RESULT "
                        + "rows for those students are excluded from the facts."));
        // the fact's rows are chosen by the clause too, "those students" being the test students just defined
        assertThat(results.run(layers.get(1), "result_id")).containsExactly("1");
    }
}
