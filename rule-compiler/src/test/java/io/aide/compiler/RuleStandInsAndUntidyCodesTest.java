package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A map whose one pair is for no value ("Blank = EUR"), codes the row says are keyed untidily, digits padded with
 * zeros, a numbering "1..n", the full day name, and filters that keep every row or end in a remark. DuckDB.
 */
class RuleStandInsAndUntidyCodesTest {
    private static final RuleTable ACCOUNTS = new RuleTable("accounts", "id", new String[]{"id", "ccy", "txn_type", "line_no", "open_dt"},
            new String[]{"1", " usd", " dep", "7", "2024-03-04"}, new String[]{"2", "", "WDR", "12", "2024-03-09"},
            new String[]{"3", null, "xfr", "123", "2024-03-10"});

    @Test
    void shouldKeepEveryValueButTheMissingOneAMapOfOnePairGivesAValue() throws Exception {
        ACCOUNTS.expect("VARCHAR(3)", "ccy", List.of("Blank = EUR", "Blank/null -> 'EUR'", "blank or null -> 'EUR'",
                "Blank = EUR (home currency)"), " usd", "EUR", "EUR");
        ACCOUNTS.expect("VARCHAR(3)", "ccy", List.of("trim, upper. Blank = EUR (home currency)"), "USD", "EUR", "EUR");
    }

    @Test
    void shouldNeverReadAClassOfValuesAsOneCode() {
        // once "= 'Any yes'": a code no row has
        ACCOUNTS.flagged("BOOLEAN", "ccy", "Any yes-value = true; N or blank = false");
    }

    @Test
    void shouldCompareTidiedCodesWhereTheRowSaysTheyAreKeyedUntidily() throws Exception {
        ACCOUNTS.expect("VARCHAR(12)", "txn_type", List.of("DEP=Deposit, WDR=Withdrawal; else 'Other'. Codes are keyed by hand "
                + "(mixed case, padded)"), "Deposit", "Withdrawal", "Other");
        // said nowhere: the codes are compared as written
        ACCOUNTS.expect("VARCHAR(12)", "txn_type", List.of("DEP=Deposit, WDR=Withdrawal; else 'Other'"), "Other", "Withdrawal", "Other");
    }

    @Test
    void shouldNeverTakeAnInstructionForANoteOnUntidyCodes() throws Exception {
        // "in lower case" says what to do: once dropped as a note on the data, leaving the values as they were
        RuleTable people = new RuleTable("emp", "id", new String[]{"id", "email"}, new String[]{"1", "Ann@X.COM"},
                new String[]{"2", "nobody"});
        people.expect("VARCHAR(100)", "email", List.of("Email address in lower case; null if it does not contain '@'"),
                "ann@x.com", null);
    }

    @Test
    void shouldPadDigitsWithZerosNumberFromOneAndNameTheDayInFull() throws Exception {
        ACCOUNTS.expect("VARCHAR(3)", "line_no", List.of("line number left-padded to 3 digits"), "007", "012", "123");
        ACCOUNTS.expect("INTEGER", "open_dt", List.of("Surrogate - generate 1..n ordered by open_dt"), "1", "2", "3");
        ACCOUNTS.expect("VARCHAR(9)", "open_dt", List.of("Full day name of open_dt"), "Monday", "Saturday", "Sunday");
    }

    @Test
    void shouldKeepEveryRowForAFilterThatSaysSoAndReadAConditionBeforeARemark() throws Exception {
        for (String filter : List.of("All accounts, closed ones included", "None", "txn_type <> 'zz' (reversals not loaded)")) {
            Specs spec = Specs.spec()
                    .row("dim", "account_id", "INTEGER", "accounts", "id", "as is", null, filter, true, null, null);
            GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                    List.of(), new SchemaCatalog(List.of(Specs.table("accounts", "id", "ccy", "txn_type", "line_no", "open_dt")))),
                    null).layers().get(0);
            assertThat(layer.columns()).as(filter).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        }
    }
}
