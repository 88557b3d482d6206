package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Forms met on a fresh probe of terse account rules: the direction of rounding said after its column ("Round balance
 * up to the nearest 100" is CEIL, never ROUND), a value in thousands or millions, and the text after or before the last
 * occurrence of a delimiter. Each phrase runs in DuckDB.
 */
class RuleScalesAndLastPiecesTest {
    private static final RuleTable ACCOUNTS = new RuleTable("acct", "id", new String[]{"id", "bal", "owner_nm"},
            new String[]{"1", "1234.5", "Mary Ann Smith"},
            new String[]{"2", "-250", "Prince"},
            new String[]{"3", null, null});

    @Test
    void shouldRoundInTheDirectionSaidAfterTheColumn() throws Exception {
        ACCOUNTS.expect("DECIMAL(14,2)", "bal", List.of("Round bal up to the nearest 100"), "1300", "-200", null);
        ACCOUNTS.expect("DECIMAL(14,2)", "bal", List.of("Round bal down to the nearest 100"), "1200", "-300", null);
    }

    @Test
    void shouldScaleAValueToThousands() throws Exception {
        ACCOUNTS.expect("DECIMAL(14,4)", "bal", List.of("Balance in thousands", "bal in thousands of dollars"),
                "1.2345", "-0.25", null);
    }

    @Test
    void shouldTakeTheTextAroundTheLastDelimiter() throws Exception {
        ACCOUNTS.expect("VARCHAR(50)", "owner_nm", List.of("Everything after the last space in owner name"),
                "Smith", null, null);
        ACCOUNTS.expect("VARCHAR(50)", "owner_nm", List.of("Everything before the last space in owner name"),
                "Mary Ann", "Prince", null);
    }
}
