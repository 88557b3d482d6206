package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule said twice: in words, then exactly after "i.e." ("show them as a positive value, i.e. ABS(amount) when amount
 * < 0 else 0"); a long name before '=' ("Calendar days from order to receipt = rcv_dt - order_dt"); words after
 * "i.e." that narrow the rule are never dropped. DuckDB.
 */
class RuleRestatementsTest {
    // amount as text: '-12.5', '40', null; rcv_dt / order_dt as text dates
    private static final RuleTable CLAIMS = new RuleTable("claims", "id", new String[]{"id", "amount", "order_dt", "rcv_dt"},
            new String[]{"1", "-12.5", "2024-01-10", "2024-01-27"}, new String[]{"2", "40", "2024-02-01", "2024-02-01"},
            new String[]{"3", null, null, "2024-03-01"});

    @Test
    void shouldReadTheExactRuleAfterIe() throws Exception {
        CLAIMS.expect("DECIMAL(12,2)", "amount", List.of(
                "Recoveries come in as negative amounts - show them as a positive value, i.e. ABS(amount) when amount < 0 else 0"),
                "12.5", "0", "0");
        CLAIMS.expect("BOOLEAN", "rcv_dt, order_dt", List.of(
                "Y if goods arrived on or before the order date, i.e. rcv_dt <= order_dt -> true, else false"),
                "false", "true", "false");
    }

    @Test
    void shouldReadALongNameBeforeTheFormulaItNames() throws Exception {
        CLAIMS.expect("INTEGER", "rcv_dt, order_dt", List.of("Calendar days from order to receipt = rcv_dt - order_dt."),
                "17", "0", null);
    }

    @Test
    void shouldNeverDropWordsAfterIeThatNarrowTheRule() {
        assertThat(CLAIMS.flagged("INTEGER", "rcv_dt, order_dt", "Days between order_dt and rcv_dt, i.e. excluding weekends"))
                .contains("excluding weekends");
    }

    @Test
    void shouldPassOverAWorkedExampleAfterIe() throws Exception {
        CLAIMS.expect("VARCHAR(10)", "amount", List.of("Trim the amount, i.e. ' 40 ' -> '40'"), "-12.5", "40", null);
    }
}
