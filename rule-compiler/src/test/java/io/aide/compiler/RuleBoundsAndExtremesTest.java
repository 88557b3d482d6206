package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * A value kept within two bounds ("Clamp score between 0 and 100") and the greater or lesser of values, where a
 * missing value leaves the others' answer (the greater of a date and NULL is the date). Each phrase runs in DuckDB.
 */
class RuleBoundsAndExtremesTest {
    private static final RuleTable TABLE = new RuleTable("t", "id", new String[]{"id", "score", "upd_dt", "ins_dt", "a_amt", "b_amt"},
            new String[]{"1", "-5", "2024-03-01", "2024-01-01", "2.5", "7"},
            new String[]{"2", "140", null, "2023-12-31", null, "3"},
            new String[]{"3", "42", null, null, null, null});

    @Test
    void shouldKeepAValueWithinTwoBounds() throws Exception {
        TABLE.expect("INTEGER", "score", List.of("Clamp score between 0 and 100", "score bounded between 0 and 100",
                "capped between 0 and 100"), "0", "100", "42");
    }

    @Test
    void shouldTakeTheGreaterOrLesserOfValuesWithoutLosingOneToAMissingOther() throws Exception {
        TABLE.expect("DATE", "upd_dt, ins_dt", List.of("Greater of upd_dt and ins_dt",
                "the later of the update date and the insert date"), "2024-03-01", "2023-12-31", null);
        TABLE.expect("DECIMAL(10,2)", "a_amt, b_amt", List.of("lesser of a_amt, b_amt"), "2.5", "3", null);
    }
}
