package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows chosen where analysts write them outside a filter cell: a numbered notes line that names its target anywhere or
 * none at all ("Test accounts ... must not flow into any mart table"), a class of rows then what it is ("Exclude test
 * accounts. These are the account numbers starting with 99."), a pick whose order or key is said in its reason ("come
 * through again with a higher bill_version - keep only the highest version of each bill", "a meter can appear more than
 * once - take the row with the latest upd_ts"), and "load it once" after the duplicates are described. Each was left out
 * without a word before, or flagged as not understood. A sentence that chooses rows and cannot be read flags the
 * target instead of riding along as the remark of the sentence before it. Run in DuckDB.
 */
class NotesLinesAndPicksInReasonsTest {
    private static final SampleRows BILLS = new SampleRows("bills",
            new String[]{"bill_no", "bill_version", "acct_no", "bill_type", "meter_no", "upd_ts", "reason_cd"},
            new String[]{"B1", "1", "0012", "NRM", " e-1 ", "2024-01-01 00:00:00", "AB"},
            new String[]{"B1", "2", "0012", "NRM", "E-1", "2024-02-01 00:00:00", "AB"},
            new String[]{"B2", "1", "9901", "NRM", "e-2", "2024-01-01 00:00:00", "ZZ1"},
            new String[]{"B3", "1", "0013", "REV", "E-2", "2024-03-01 00:00:00", "CD"},
            new String[]{"B4", "1", "0014", "NRM", "E-3", "2024-01-05 00:00:00", "CD"},
            new String[]{"B4", "1", "0014", "NRM", "E-3", "2024-01-05 00:00:00", "CD"});

    private static Specs twoTargets() {
        return Specs.spec()
                .row("fact_bill", "bill_id", "VARCHAR(5)", "bills", "bill_no", "As is")
                .row("dim_acct", "account_no", "VARCHAR(5)", "bills", "acct_no", "As is");
    }

    @Test
    void shouldApplyANotesLineThatNamesNoTargetToEveryTarget() throws Exception {
        List<GeneratedLayers.Layer> layers = BILLS.compileAll(twoTargets().note("Notes", "2 | Test accounts (account number "
                + "starting with 99) must not flow into any mart table - drop them from bills and accounts."));
        assertThat(BILLS.run(layers.get(0), "bill_id")).containsExactly("B1", "B1", "B3", "B4", "B4");
        assertThat(BILLS.run(layers.get(1), "account_no")).containsExactly("0012", "0012", "0013", "0014", "0014");
    }

    @Test
    void shouldApplyANotesLineOnlyToTheTargetsItNamesAnywhere() throws Exception {
        List<GeneratedLayers.Layer> layers = BILLS.compileAll(twoTargets()
                .note("Notes", "3. Reversal bills (bill_type = 'REV') are excluded from fact_bill, finance reports them separately."));
        assertThat(BILLS.run(layers.get(0), "bill_id")).containsExactly("B1", "B1", "B2", "B4", "B4");
        assertThat(BILLS.run(layers.get(1), "account_no")).containsExactly("0012", "0012", "0013", "0014", "0014", "9901");
    }

    @Test
    void shouldReadTheRowsNamedAndThenWhatTheyAre() throws Exception {
        GeneratedLayers.Layer layer = BILLS.compile(Specs.spec().rowWithCells("fact_bill", "bill_id", "VARCHAR(5)", "bills",
                "bill_no", "As is", null, "fact_bill: exclude test accounts. These are the account numbers starting with 99."));
        assertThat(BILLS.run(layer, "bill_id")).containsExactly("B1", "B1", "B3", "B4", "B4");
    }

    @Test
    void shouldFlagTheTargetWhenASentenceThatChoosesRowsIsNotUnderstoodBesideOneThatIs() {
        GeneratedLayers.Layer layer = BILLS.compile(Specs.spec()
                .row("fact_bill", "bill_id", "VARCHAR(5)", "bills", "bill_no", "As is", null, "Reversal bills (bill_type = 'REV') "
                        + "are excluded - finance reports them separately. Exclude the accounts Finance keeps for training.", true, null, null)
                .row("fact_bill", "account_no", "VARCHAR(5)", "bills", "acct_no", "As is"));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layer.columns().get(1).reason()).contains("\"Exclude the accounts Finance keeps for training.\" chooses rows "
                + "and is not understood");
    }

    @Test
    void shouldTakeThePicksOrderFromTheComparativeInItsReason() throws Exception {
        GeneratedLayers.Layer layer = BILLS.compile(Specs.spec()
                .row("fact_bill", "bill_id", "VARCHAR(5)", "bills", "bill_no", "As is. Re-issued bills come through again with a "
                        + "higher bill_version - keep only the highest version of each bill.")
                .row("fact_bill", "version", "INTEGER", "bills", "bill_version", "Cast to integer"));
        assertThat(BILLS.run(layer, "bill_id", "version")).containsExactly("B1|2", "B2|1", "B3|1", "B4|1");
    }

    @Test
    void shouldTakeThePicksKeyFromWhatTheReasonSaysRepeats() throws Exception {
        GeneratedLayers.Layer layer = BILLS.compile(Specs.spec()
                .row("dim_meter", "meter_id", "VARCHAR(5)", "bills", "meter_no", "Trim and upper case. The extract keeps history, "
                        + "so a meter can appear more than once - take the row with the latest upd_ts.")
                .row("dim_meter", "last_bill", "VARCHAR(5)", "bills", "bill_no", "As is"));
        assertThat(BILLS.run(layer, "meter_id", "last_bill")).containsExactly("E-1|B1", "E-2|B3", "E-3|B4");
    }

    @Test
    void shouldKeepOneRowPerTheKeyAsItsRuleCleansTheColumnThePickNames() throws Exception {
        GeneratedLayers.Layer layer = BILLS.compile(Specs.spec()
                .row("dim_meter", "meter_id", "VARCHAR(5)", "bills", "meter_no", "Trim and upper case", null,
                        "If a meter_no comes through more than once keep the row with the latest upd_ts.", true, null, null)
                .row("dim_meter", "last_bill", "VARCHAR(5)", "bills", "bill_no", "As is"));
        assertThat(BILLS.run(layer, "meter_id", "last_bill")).containsExactly("E-1|B1", "E-2|B3", "E-3|B4");
    }

    @Test
    void shouldFlagAPickOnTheRawValueOfAKeyWhoseCleaningIsNotCompiled() {
        GeneratedLayers.Layer layer = BILLS.compile(Specs.spec()
                .row("dim_meter", "meter_id", "VARCHAR(5)", "bills", "meter_no", "Standardise against the fleet register", null,
                        "If a meter_no comes through more than once keep the row with the latest upd_ts.", true, null, null)
                .row("dim_meter", "last_bill", "VARCHAR(5)", "bills", "bill_no", "As is"));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layer.columns().get(1).reason()).contains("the key meter_id is meter_no through a rule that is not compiled");
    }

    @Test
    void shouldLoadOnceTheRowsTheSentenceBeforeSaysAreSentTwice() throws Exception {
        for (String remark : new String[]{"The extract occasionally sends the same bill twice - load it once.",
                "Feed occasionally sends the same record twice (identical rows) - load once"}) {
            GeneratedLayers.Layer layer = BILLS.compile(Specs.spec()
                    .rowWithCells("fact_bill", "bill_id", "VARCHAR(5)", "bills", "bill_no", "1:1", null, remark)
                    .row("fact_bill", "version", "INTEGER", "bills", "bill_version", "Cast to integer"));
            assertThat(BILLS.run(layer, "bill_id", "version")).as(remark).containsExactlyInAnyOrder("B1|1", "B1|2", "B2|1", "B3|1", "B4|1");
        }
    }

    @Test
    void shouldReadTextKeptAndATestAfterARelativePronoun() throws Exception {
        GeneratedLayers.Layer layer = BILLS.compile(Specs.spec()
                .row("fact_bill", "bill_id", "VARCHAR(5)", "bills", "bill_no", "As is", null,
                        "Exclude reason codes that start with ZZ", true, null, null)
                .row("fact_bill", "account_no", "VARCHAR(5)", "bills", "acct_no", "Trim. Keep as text - leading zeros matter"));
        assertThat(BILLS.run(layer, "bill_id", "account_no")).containsExactly("B1|0012", "B1|0012", "B3|0013", "B4|0014", "B4|0014");
    }
}
