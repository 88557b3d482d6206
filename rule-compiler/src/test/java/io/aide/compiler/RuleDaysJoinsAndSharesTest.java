package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms met on a fresh retail star-schema document: days of the week named in a test ("True on Saturday and Sunday",
 * "1 on Mon-Fri"), a percentage taken off or added to a value ("less the discount percentage", with "no discount when
 * empty"), a column said with its table ("Customer of the order", "the order's customer"), a date key with its
 * pattern said after it, and a date column read as it is into a number (flagged, never cast to NULL). Each phrase runs
 * in DuckDB.
 */
class RuleDaysJoinsAndSharesTest {
    private static final RuleTable ORDERS = new RuleTable("orders", "id",
            new String[]{"id", "order_ts", "cust_id", "qty", "unit_price", "disc_pct", "score_pct", "base_pct"},
            // 2024-03-02 is a Saturday, 2024-03-04 a Monday, 2024-03-08 a Friday
            new String[]{"1", "2024-03-02 10:00:00", "7", "2", "10.00", "10", "80", "75"},
            new String[]{"2", "2024-03-04 23:59:00", "8", "3", "5.00", null, "60", "65"},
            new String[]{"3", "2024-03-08 00:00:00", null, "1", "99.99", "12.5", null, "1"});

    @Test
    void shouldTestTheDaysOfTheWeekNamed() throws Exception {
        ORDERS.expect("BOOLEAN", "order_ts", List.of("True on Saturday and Sunday",
                "Y when the order date falls on a Saturday or Sunday, else N"), "true", "false", "false");
        ORDERS.expect("INTEGER", "order_ts", List.of("1 on Mon-Fri, 0 otherwise", "1 on Monday to Friday, else 0"),
                "0", "1", "1");
        ORDERS.expect("VARCHAR(10)", "order_ts", List.of("'Start' if order_ts falls on Monday, 'End' if on Fri or Sat, else 'Mid'"),
                "End", "Start", "End");
    }

    @Test
    void shouldTakeAPercentageOffOrAddItAsAShareOfTheValue() throws Exception {
        ORDERS.expect("DECIMAL(12,2)", "qty, unit_price, disc_pct", List.of(
                "Quantity times unit price less the discount percentage (no discount when empty), rounded to 2 decimals"),
                "18", "15", "87.49");
        ORDERS.expect("DECIMAL(12,2)", "unit_price, disc_pct", List.of("Unit price plus disc_pct percent"),
                "11", null, "112.49");
        // two percentages: a difference of points, not a share
        ORDERS.expect("DECIMAL(12,2)", "score_pct, base_pct", List.of("score_pct minus base_pct"), "5", "-5", null);
    }

    @Test
    void shouldReadAColumnSaidWithItsTable() throws Exception {
        ORDERS.expect("INTEGER", "cust_id", List.of("Customer of the order", "The order's customer", "cust_id from the order"),
                "7", "8", null);
    }

    @Test
    void shouldReadADateKeyWithItsPatternAfterItAndFlagADateReadAsANumber() throws Exception {
        ORDERS.expect("INTEGER", "order_ts", List.of("date key YYYYMMDD", "Date key in YYYYMMDD format"),
                "20240302", "20240304", "20240308");
        assertThat(ORDERS.flagged("INTEGER", "order_ts", "Order timestamp")).contains("into a number");
    }
}
