package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Forms met on a fresh probe of terse account rules: the direction of rounding said after its column ("Round balance
 * up to the nearest 100" is CEIL, never ROUND), a value in thousands or millions, the text after or before the last
 * occurrence of a delimiter, the run of letters or digits at an edge ("Letters at the start of the postcode"), and a
 * default for the value so far ("default it to 'UNKNOWN'"). Each phrase runs in DuckDB.
 */
class RuleScalesAndLastPiecesTest {
    private static final RuleTable ACCOUNTS = new RuleTable("acct", "id", new String[]{"id", "bal", "owner_nm", "postcode", "status"},
            new String[]{"1", "1234.5", "Mary Ann Smith", "SW1A 1AA", "open"},
            new String[]{"2", "-250", "Prince", "12345", " "},
            new String[]{"3", null, null, null, null});

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

    @Test
    void shouldKeepTheRunOfLettersOrDigitsAtAnEdge() throws Exception {
        ACCOUNTS.expect("VARCHAR(4)", "postcode", List.of("Letters at the start of the postcode", "Leading letters of postcode"),
                "SW", "", null);
        ACCOUNTS.expect("VARCHAR(4)", "postcode", List.of("Digits at the end of postcode"), "", "12345", null);
    }

    @Test
    void shouldDefaultTheValueSoFarWhenTheRuleSaysIt() throws Exception {
        ACCOUNTS.expect("VARCHAR(10)", "status", List.of("Upper-case the status and default it to 'UNKNOWN' when blank"),
                "OPEN", "UNKNOWN", "UNKNOWN");
    }
}
