package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules written as several sentences, each on the value the ones before it left ("Trim and lower-case. If the address
 * is empty or only spaces, leave NULL."), what a blank gives said in a sentence of its own ("Blank means no renewals,
 * so 0."), a notes sheet's lines labelled with the target ("Filter | fct_call | ..."), and a stated grain whose column is
 * flagged. Each read before as not understood, or, for the grain, compiled at the lines' grain without a word. Run in
 * DuckDB.
 */
class SentencesNotesAndGrainTest {
    private static final String[] MEMBERS = {"member_id", "email", "renewals", "pay_type", "account_type", "load_ts"};
    private static final String[][] ROWS = {
            {"m1", "  Ann@Mail.COM ", "2", " ind", "STD", "2024-01-01 00:00:00"},
            {"m2", "   ", "", "EXP", "TEST", "2024-01-01 00:00:00"},
            {"m3", null, " 4", "xx", "STD", "2024-01-01 00:00:00"},
            {"m3", "old@mail.com", "1", "rec", "STD", "2023-01-01 00:00:00"}};
    private static final SampleRows SAMPLE = new SampleRows("members", MEMBERS, ROWS);

    private static GeneratedLayers.Column column(GeneratedLayers.Layer layer, String name) {
        return layer.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldApplyEachSentenceToTheValueTheSentencesBeforeItLeft() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("dim", "member_id", "VARCHAR(10)", "members", "member_id", "Direct move")
                .row("dim", "email_address", "VARCHAR(60)", "members", "email",
                        "Trim and lower-case. If the address is empty or only spaces, leave NULL.")
                .row("dim", "renewal_count", "INTEGER", "members", "renewals", "Cast to integer; blank means no renewals, so 0.")
                .row("dim", "payment_type", "VARCHAR(20)", "members", "pay_type",
                        "IND = Indemnity, EXP = Expense, REC = Recovery, else Unclassified. Trim and upper-case the code first."));
        assertThat(SAMPLE.run(layer, "member_id", "email_address", "renewal_count", "payment_type")).containsExactly(
                "m1|ann@mail.com|2|Indemnity", "m2|null|0|Expense", "m3|null|4|Unclassified", "m3|old@mail.com|1|Recovery");
    }

    @Test
    void shouldReadTheLayoutASentenceDescribesBeforeTheConversion() throws Exception {
        String[] cols = {"id", "start_time", "join_dt"};
        String[][] rows = {{"1", "20240301142530", "07-Mar-2014"}, {"2", "", "bad"}};
        SampleRows sample = new SampleRows("cdr", cols, rows);
        GeneratedLayers.Layer layer = sample.compile(Specs.spec()
                .row("f", "id", "INTEGER", "cdr", "id", "Direct move")
                .row("f", "call_start_ts", "TIMESTAMP", "cdr", "start_time", "START_TIME is text in the switch layout"
                        + " YYYYMMDDHHMISS (24-hour clock), e.g. 20240301142530. Convert it to a timestamp.")
                .row("f", "join_date", "DATE", "cdr", "join_dt", "Registration date is held as text in DD-Mon-YYYY form"
                        + " (e.g. 07-Mar-2014). Convert to a date."));
        assertThat(sample.run(layer, "id", "call_start_ts", "join_date")).containsExactly(
                "1|2024-03-01 14:25:30.0|2014-03-07", "2|null|null");
    }

    @Test
    void shouldReadNullByDesignWithItsReasonsAroundIt() {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("dim", "member_id", "VARCHAR(10)", "members", "member_id", "Direct move")
                .row("dim", "chip", "VARCHAR(20)", "members", "email", "NULL by design - microchip numbers are not captured yet.")
                .row("dim", "preferred", "VARCHAR(20)", "members", "email", "Not captured by the ILS. NULL for now - column reserved"
                        + " for the new registration form.")
                .row("dim", "churn", "VARCHAR(20)", "members", "email", "Not populated in this phase - always NULL. Will come from"
                        + " the CRM feed in phase 2.")
                .row("dim", "other", "VARCHAR(20)", "members", "email", "NULL by design - use the email when it is captured."));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status)
                .containsExactly("compiled", "compiled", "compiled", "compiled", "flagged");
        assertThat(layer.sql().get("duckdb")).contains("CAST(NULL AS VARCHAR) AS \"chip\"", "CAST(NULL AS VARCHAR) AS \"churn\"");
    }

    @Test
    void shouldReadSameAsAnotherColumnRestatedAsItsRuleOnThisRowsColumn() throws Exception {
        // "Same as effective_date (...)" in the row of exp_dt: effective_date's rule on exp_dt, not effective_date's value
        String[] cols = {"pol_no", "eff_dt", "exp_dt"};
        SampleRows sample = new SampleRows("pol", cols, new String[][]{{"P1", "03/15/2024", "03/15/2025"}});
        GeneratedLayers.Layer layer = sample.compile(Specs.spec()
                .row("dim", "pol_no", "VARCHAR(10)", "pol", "pol_no", "Direct move")
                .row("dim", "effective_date", "DATE", "pol", "eff_dt", "Source is text in MM/DD/YYYY layout - convert to a date.")
                .row("dim", "expiration_date", "DATE", "pol", "exp_dt", "Same as effective_date (MM/DD/YYYY text to date)."));
        assertThat(sample.run(layer, "pol_no", "effective_date", "expiration_date")).containsExactly("P1|2024-03-15|2025-03-15");
    }

    @Test
    void shouldReadWhatABlankGivesOnlyOfTheRowsOwnValue() {
        // the blank of another value is no default of this one
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("dim", "pay_type", "VARCHAR(20)", "members", "pay_type", "Blank colour -> 'UNKNOWN'"));
        assertThat(layer.columns().get(0).status()).isEqualTo("flagged");
    }

    @Test
    void shouldApplyTheLinesOfANotesSheetThatNameTheTargetInALabel() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("dim", "member_id", "VARCHAR(10)", "members", "member_id", "Direct move", null,
                        "Primary key. Test accounts are not loaded (see Notes).")
                .row("dim", "email", "VARCHAR(60)", "members", "email", "Direct move")
                .note("Notes", "Filter | dim | Exclude test accounts: rows whose account_type is TEST are not loaded.")
                .note("Notes", "Scope | all | Members of the loyalty scheme."));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled"));
        assertThat(SAMPLE.run(layer, "member_id")).containsExactly("m1", "m3", "m3");
    }

    @Test
    void shouldFlagRowChoicesSaidInWordsItCannotReadRatherThanDropThem() {
        // "take the latest ... row per ..., then leave out ...", "duplicates removed, February events excluded"
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("dim", "member_id", "VARCHAR(10)", "members", "member_id", "Direct move", null,
                        "One row per member: take the latest members row per member_id (greatest load_ts), then leave"
                                + " out test cards (account_type TST).")
                .row("dim", "email", "VARCHAR(60)", "members", "email", "Direct move"));
        assertThat(layer.columns()).allMatch(c -> c.status().equals("flagged"));
        GeneratedLayers.Layer pointed = SAMPLE.compile(Specs.spec()
                .rowWithCells("fct", "member_id", "VARCHAR(10)", "members", "member_id", "1:1", null,
                        "Primary key. See Notes: duplicates removed, February events excluded"));
        assertThat(pointed.columns().get(0).status()).isEqualTo("flagged");
        assertThat(pointed.columns().get(0).reason()).contains("Duplicates removed, February events excluded");
    }

    @Test
    void shouldFlagTheColumnsOfATargetWhoseStatedGrainCannotBeApplied() {
        // one row per member over the member's rows, with the member's column flagged: the rows would be the source's
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("dim", "member_no", "VARCHAR(10)", "members", "member_id", "Drop the leading letter and keep the"
                        + " rest as a number of six digits", null, "Grain: one row per member; the source has one row per member version.")
                .row("dim", "member_year", "INTEGER", "members", "load_ts", "Calendar year of load_ts.")
                .row("dim", "renewal_total", "INTEGER", "members", "renewals", "Count of the member's renewal rows and more words."));
        assertThat(column(layer, "member_no").status()).isEqualTo("flagged");
        assertThat(column(layer, "member_year").status()).isEqualTo("flagged");
        assertThat(column(layer, "member_year").reason()).contains("grain");
    }
}
