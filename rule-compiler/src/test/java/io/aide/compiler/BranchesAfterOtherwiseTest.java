package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Surrogate keys numbered in numeric order ("in ascending numeric order of DONOR_REF": 99 before 100101), branches that go
 * on after "otherwise" ("If ... then 'No Charge'; otherwise 'Paid' when ..., 'Part Paid' when ..., else
 * 'Open'"), a sentence that says the branches are read in order, and an adjustment after the colon of its label ("Never
 * negative: if the result is below zero load 0"). Each phrase runs in DuckDB and gives the values it says.
 */
class BranchesAfterOtherwiseTest {
    private static final RuleTable TABLE = new RuleTable("invoices", "id", new String[]{"id", "line_count", "balance_due",
            "amount_paid", "gross_amt"},
            new String[]{"1", "0", "0", "0", "0"},
            new String[]{"2", "2", "0", "50", "50"},
            new String[]{"3", "1", "20", "10", "30"},
            new String[]{"4", "1", "30", "0", "5"});

    @Test
    void shouldReadBranchesAfterOtherwiseInTheOrderWritten() throws Exception {
        TABLE.expect("VARCHAR", "line_count, balance_due, amount_paid", List.of("If LINE_COUNT = 0 then 'No Charge'; otherwise "
                + "'Paid' when BALANCE_DUE = 0, 'Part Paid' when AMOUNT_PAID > 0, else 'Open'. Evaluate in that order."),
                "No Charge", "Paid", "Part Paid", "Open");
    }

    @Test
    void shouldNumberInNumericOrderWhenTheRuleSaysSo() throws Exception {
        RuleTable refs = new RuleTable("donors", "id", new String[]{"id", "donor_ref"},
                new String[]{"1", "100113"}, new String[]{"2", "99"}, new String[]{"3", "100101"});
        refs.expect("INTEGER", "donor_ref", List.of("Surrogate key. Number the donors 1, 2, 3 ... in ascending numeric order of "
                + "DONOR_REF."), "3", "1", "2");
    }

    @Test
    void shouldReadAnAdjustmentAfterTheColonOfItsLabel() throws Exception {
        TABLE.expect("INTEGER", "gross_amt, amount_paid", List.of("GROSS_AMT - AMOUNT_PAID. Never negative: if the result is "
                + "below zero load 0 (overpayments are handled as credits elsewhere)."), "0", "0", "20", "5");
    }
}
