package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filter cells of documents no development case used: a row's codes said after "i.e." once the verb has said they go
 * ("drop rejected entries, i.e. entry_status REJ (any case, ignoring spaces)"), an instruction before a colon ("Exclude
 * QA test orders: any order whose ...", which once lost its verb and would have kept only those orders), one exclusion
 * said twice in different words, a pick whose order is in brackets ("the most recently updated row per customer number
 * (latest UPDATED_AT)"), and a null-handling cell that once passed for a list of allowed values. DuckDB.
 */
class RowChoiceWordingTest {
    private static final SampleRows ENTRIES = new SampleRows("entries", new String[]{"entry_id", "entry_status", "order_no", "hotel_cd",
            "cust_no", "updated_at"}, new String[][]{
            {"1", "APP", "SO-1", "H01", "c1", "2025-01-01 10:00:00"},
            {"2", " rej ", "SO-2", "tst99 ", "C1", "2025-02-01 10:00:00"},
            {"3", "REJ", " tst-3", "H02", "c2", "2025-01-05 10:00:00"},
            {"4", null, "SO-4", "H02", "C2 ", "2024-12-31 10:00:00"}});

    private static List<String> ids(Specs spec) throws Exception {
        GeneratedLayers.Layer layer = ENTRIES.compile(spec);
        return ENTRIES.run(layer, "entry_id");
    }

    @Test
    void shouldLeaveOutTheCodesSaidAfterIeWhenTheVerbLeavesRowsOut() throws Exception {
        assertThat(ids(Specs.spec().row("f", "entry_id", "INTEGER", "entries", "entry_id", "Integer cast.", null,
                "drop rejected entries, i.e. entry_status REJ (any case, ignoring spaces).", true, false, null)))
                .containsExactly("1", "4");
    }

    @Test
    void shouldKeepTheVerbOfAnInstructionBeforeAColon() throws Exception {
        assertThat(ids(Specs.spec().row("f", "entry_id", "INTEGER", "entries", "entry_id", "Integer cast.", null,
                "Exclude QA test orders: any order whose cleaned order_no begins with 'TST'.", true, false, null)))
                .containsExactly("1", "2", "4");
    }

    @Test
    void shouldReadOneExclusionSaidTwiceAsOne() throws Exception {
        assertThat(ids(Specs.spec().row("f", "entry_id", "INTEGER", "entries", "entry_id", "Integer cast.", null,
                "drop rows for the test hotel TST99 (compare hotel_cd after trim/upper). Exclude the test property: drop"
                        + " entries whose hotel_cd, trimmed and upper-cased, is TST99.", true, false, null)))
                .containsExactly("1", "3", "4");
        // a code of another column is no restatement: the filter is not applied, and says so
        GeneratedLayers.Layer layer = ENTRIES.compile(Specs.spec().row("f", "entry_id", "INTEGER", "entries", "entry_id",
                "Integer cast.", null, "drop rows for order SO7 (compare order_no after trim). Drop entries whose hotel_cd,"
                        + " trimmed and upper-cased, is TST99.", true, false, null));
        assertThat(layer.columns().get(0).status()).isEqualTo("flagged");
    }

    @Test
    void shouldReadAPickWhoseOrderIsInBrackets() throws Exception {
        GeneratedLayers.Layer layer = ENTRIES.compile(Specs.spec()
                .row("d", "customer_no", "VARCHAR(10)", "entries", "cust_no", "Trim spaces and upper-case.", null,
                        "keep only the most recently updated row per customer number (latest updated_at, text YYYY-MM-DD"
                                + " HH:MM:SS).", true, false, null)
                .row("d", "entry_id", "INTEGER", "entries", "entry_id", "Integer cast."));
        assertThat(ENTRIES.run(layer, "customer_no", "entry_id")).containsExactly("C1|2", "C2|3");
    }

    @Test
    void shouldNeverTakeAnInstructionForAListOfAllowedValues() throws Exception {
        // "null/blank" is no list of allowed values: the cell says what a blank part does to the joined text
        GeneratedLayers.Layer layer = ENTRIES.compile(Specs.spec()
                .row("d", "id", "INTEGER", "entries", "entry_id", "Cast to integer.")
                .row("d", "name", "VARCHAR(40)", "entries", "order_no,hotel_cd",
                "order_no and hotel_cd, each trimmed, joined with a single space.", null, null, false, true,
                "If one of the two is null/blank, use the other one alone (no leading or trailing space)."));
        assertThat(ENTRIES.run(layer, "id", "name")).containsExactly("1|SO-1 H01", "2|SO-2 tst99", "3|tst-3 H02", "4|SO-4 H02");
        GeneratedLayers.Layer unread = ENTRIES.compile(Specs.spec().row("d", "name", "VARCHAR(40)", "entries", "order_no,hotel_cd",
                "order_no and hotel_cd, each trimmed, joined with a single space.", null, null, false, true,
                "If one of the two is null/blank, ask the hotel."));
        assertThat(unread.columns().get(0).status()).isEqualTo("flagged");
        assertThat(unread.columns().get(0).reason()).contains("null-handling cell is not understood");
    }

    @Test
    void shouldWriteAYearAndMonthWithThePatternGivenAndNeverTakeAMonthOfAYear() throws Exception {
        RuleTable dates = new RuleTable("d", "id", new String[]{"id", "work_dt"}, new String[]{"1", "2026-11-03"},
                new String[]{"2", null});
        dates.expect("VARCHAR(7)", "work_dt", List.of("Year and month of work_dt as YYYY-MM (e.g. 2026-11).",
                "year/month of work_dt in YYYY-MM format"), "2026-11", null);
        assertThat(dates.compile("VARCHAR(7)", "work_dt", "Year and month of work_dt").columns().get(1).status())
                .isEqualTo("flagged");
    }

    private static final SampleRows CLAIMS = new SampleRows("clm_claim_hdr", new String[]{"claim_no", "clm_status", "feed_ts"},
            new String[][]{{"c1", "O", "2025-01-01"}, {"c2", "v", "2025-01-02"}, {"c1", "C", "2025-02-01"}, {"c3", "O", "2025-01-03"}});

    @Test
    void shouldBindAWordOfAFilterToTheOneColumnOfTheRowsTableItEnds() throws Exception {
        // "status" for CLM_STATUS; a cell that says another row's filter already leaves rows out adds nothing
        GeneratedLayers.Layer layer = CLAIMS.compile(Specs.spec()
                .row("f", "claim_no", "VARCHAR(5)", "clm_claim_hdr", "claim_no", "Trim.", null,
                        "Claims with status V (voided / entered in error, any case) are excluded from the fact entirely.",
                        true, false, null)
                .row("f", "status", "VARCHAR(5)", "clm_claim_hdr", "clm_status", "Trim.", null,
                        "(Voided rows are already filtered out - see claim_no.)", false, true, null));
        assertThat(CLAIMS.run(layer, "claim_no", "status")).containsExactlyInAnyOrder("c1|O", "c1|C", "c3|O");
    }

    @Test
    void shouldReadAPickWithoutItsOrderBesideTheSamePickWithIt() throws Exception {
        GeneratedLayers.Layer layer = CLAIMS.compile(Specs.spec()
                .row("d", "claim_no", "VARCHAR(5)", "clm_claim_hdr", "claim_no", "Trim.", null,
                        "keep only the latest version of each claim (see Cover). Keep one row per claim_no: the version with the"
                                + " latest feed_ts.", true, false, null)
                .row("d", "status", "VARCHAR(5)", "clm_claim_hdr", "clm_status", "Trim."));
        assertThat(CLAIMS.run(layer, "claim_no", "status")).containsExactly("c1|C", "c2|v", "c3|O");
        // directions that disagree are no restatement: the filter is not applied, and says so
        GeneratedLayers.Layer disagreeing = CLAIMS.compile(Specs.spec()
                .row("d", "claim_no", "VARCHAR(5)", "clm_claim_hdr", "claim_no", "Trim.", null,
                        "keep only the earliest version of each claim. Keep one row per claim_no: the version with the latest"
                                + " feed_ts.", true, false, null));
        assertThat(disagreeing.columns().get(0).status()).isEqualTo("flagged");
    }

    private static final SampleRows TXNS = new SampleRows("txns", new String[]{"txn_id", "acct_no", "txn_type", "extract_ts"},
            new String[][]{{"1", "A1", " pmt", "2025-01-01"}, {"1", "A1", "PMT", "2025-01-02"}, {"2", " tst9", "PMT", "2025-01-01"},
                    {"3", "A2", "REV", "2025-01-01"}, {"4", "A3", "adj", "2025-01-01"}, {"5", "A4", "PMT ", "2025-01-01"}});

    @Test
    void shouldReadAColumnNamedWithThatAndCodesGivenAfterTheirMeaning() throws Exception {
        GeneratedLayers.Layer layer = TXNS.compile(Specs.spec()
                .row("f", "txn_id", "INTEGER", "txns", "txn_id", "Integer cast.", null, "Only repayments: keep rows where txn_type"
                        + " trimmed and upper-cased = 'PMT'. Reversals (REV) and adjustments (ADJ) are not loaded. The same txn_id"
                        + " can be re-extracted after a correction. Keep only the row with the latest extract_ts for each txn_id.",
                        true, false, null)
                .row("f", "acct", "VARCHAR(5)", "txns", "acct_no", "Trim.", null, "Exclude internal test accounts: any acct_no"
                        + " that, once trimmed, starts with TST (any case).", false, true, null)
                .row("f", "extracted", "VARCHAR(10)", "txns", "extract_ts", "Trim."));
        assertThat(TXNS.run(layer, "txn_id", "acct", "extracted")).containsExactly("1|A1|2025-01-02", "5|A4|2025-01-01");
    }

    private static final SampleRows READS = new SampleRows("reads", new String[]{"read_id", "energised", "read_status", "received_ts"},
            new String[][]{{"r1", " y", "V", "02/01/2025 10:00:00"}, {"r1", "Y", "R", "10/12/2024 09:00:00"},
                    {"r2", "n", "V", "01/01/2025 00:00:00"}, {"r3", "Y", "V", "05/01/2025 00:00:00"},
                    {"r3", "Y", "R", "06/01/2025 00:00:00"}, {"r4", "Y", "Q", "01/01/2025 00:00:00"}});

    @Test
    void shouldOrderAPickByTheTimeItsTextSaysAndReadTheCellsOtherSentences() throws Exception {
        // day first: as text, 10/12/2024 would sort after 02/01/2025; r3's latest copy is rejected, so r3 goes
        GeneratedLayers.Layer layer = READS.compile(Specs.spec()
                .row("f", "read_id", "VARCHAR(5)", "reads", "read_id", "Trim.", null, "keep only the latest version of each read_id by"
                        + " received_ts (text, DD/MM/YYYY HH24:MI:SS - must be parsed to a timestamp before comparing). load only"
                        + " reads whose read_status is V (valid); R = rejected and Q = queried are not loaded. if the latest version"
                        + " of a read is rejected the read is dropped.", true, false, null)
                .row("f", "flag", "VARCHAR(5)", "reads", "energised", "Trim.", null, "Only energised reads are loaded. Keep rows"
                        + " where energised = Y (trimmed, any case); all other rows are excluded before numbering.", false, true, null));
        assertThat(READS.run(layer, "read_id", "flag")).containsExactly("r1|y");
    }
}
