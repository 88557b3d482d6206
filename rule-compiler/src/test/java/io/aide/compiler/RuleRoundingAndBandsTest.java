package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounding to a step named in words (cents, the nearest thousand), the whole part of a quotient ("(whole years)",
 * "truncated"), what a missing value counts as when that is the whole rule ("Null as zero"), bands with unquoted
 * labels, an else branch pointing at a word, date columns named by one word where a date is expected, and names in
 * words inside arithmetic. Each phrase runs in DuckDB and gives the values it says.
 */
class RuleRoundingAndBandsTest {
    private static final RuleTable TABLE = new RuleTable("stay", "id", new String[]{"id", "exp_months", "usage_kwh",
            "unit_price", "paid_amt", "src_cd", "arr_dt", "dep_dt", "gross_amt", "disc_amt"},
            new String[]{"1", "23", "10.127", "0.5", "999.5", "WEB", "2024-03-01", "2024-03-04", "100", "15.5"},
            new String[]{"2", "-30", "3", "1234.4", "5000", "PHONE", "2024-02-28", "2024-03-01", "50", null},
            new String[]{"3", null, null, null, null, null, null, null, null, null});

    @Test
    void shouldRoundToAStepNamedInWords() throws Exception {
        // Given usage_kwh * unit_price = 5.0635, 3703.2, NULL
        TABLE.expect("DOUBLE", "usage_kwh, unit_price", List.of("usage_kwh * unit_price rounded to cents",
                "usage_kwh * unit_price, rounded to the nearest cent"), "5.06", "3703.2", null);
        TABLE.expect("DOUBLE", "usage_kwh, unit_price", List.of("usage_kwh * unit_price rounded to the nearest hundred",
                "usage_kwh * unit_price rounded to nearest 100"), "0", "3700", null);
        TABLE.expect("DOUBLE", "usage_kwh, unit_price", List.of("usage_kwh * unit_price, rounded to whole dollars"),
                "5", "3703", null);
    }

    @Test
    void shouldTakeTheWholePartOfAQuotientTowardZero() throws Exception {
        // 23 months is 1 whole year (a cast to INTEGER alone would round it to 2); -30 months is -2
        TABLE.expect("INTEGER", "exp_months", List.of("exp_months divided by 12 (whole years)",
                "exp_months / 12 in completed years", "exp_months divided by 12, truncated"), "1", "-2", null);
        // "integer part of x / 12" would take the part of x alone: not read as a guess
        assertThat(TABLE.flagged("INTEGER", "exp_months", "integer part of exp_months / 12")).isNotBlank();
        // a remark in parentheses after a number stays a remark
        TABLE.expect("DOUBLE", "exp_months", List.of("exp_months * 2 (see HR policy)"), "46", "-60", null);
    }

    @Test
    void shouldReadWhatAMissingValueCountsAsAsTheWholeRule() throws Exception {
        TABLE.expect("DOUBLE", "disc_amt", List.of("Null as zero", "Nulls to 0", "Treat null as 0"), "15.5", "0", "0");
    }

    @Test
    void shouldReadBandsWithUnquotedLabelsAndAnElseBranchPointingAtAWord() throws Exception {
        TABLE.expect("VARCHAR", "paid_amt", List.of("< 1000 Low; 1000 to 9999 Medium; 10000 and above High",
                "Under 1000 Low, 1000 to 9999 Medium, 10000 and over High"), "Low", "Medium", null);
        // "Direct" after an arrow is the channel's name, not a request to copy the source
        TABLE.expect("VARCHAR", "src_cd", List.of("WEB -> Website, OTA -> Online Travel Agency, anything else -> Direct",
                "WEB = Website, OTA = Online Travel Agency, other = Direct"), "Website", "Direct", "Direct");
        // without an arrow "otherwise keep" still keeps the source value
        TABLE.expect("VARCHAR", "src_cd", List.of("WEB -> Website, otherwise keep"), "Website", "PHONE", null);
    }

    @Test
    void shouldNameDateColumnsByOneWordWhereADateIsExpected() throws Exception {
        TABLE.expect("INTEGER", "arr_dt, dep_dt", List.of("Number of nights between arrival and departure",
                "Number of days between arrival and departure"), "3", "2", null);
        // "Nights = ...": the target's own name before '=', then names in words inside the arithmetic
        List<Object> nights = TABLE.run("INTEGER", "arr_dt, dep_dt", "Nights = departure date - arrival date", "nights",
                RuleTable::text);
        assertThat(nights).containsExactly("3", "2", null);
        TABLE.expect("DOUBLE", "gross_amt, disc_amt", List.of("gross amount - discount amount"), "84.5", null, null);
    }

    @Test
    void shouldReadSharesUnitsAndMissingValuesInWords() throws Exception {
        // disc_amt 15.5, null, null over gross_amt 100, 50, null
        TABLE.expect("DOUBLE", "disc_amt, gross_amt", List.of("disc_amt as a percentage of gross_amt",
                "Disc amount as a % of gross amount"), "15.5", null, null);
        TABLE.expect("DOUBLE", "gross_amt, disc_amt", List.of("gross_amt divided by disc_amt; 0 when no disc_amt"),
                "6.451612903225806", "0", "0");
        RuleTable money = new RuleTable("room", "id", new String[]{"id", "rate_cents", "chnl", "renov_yr"},
                new String[]{"1", "12345", "N/A", "1985"}, new String[]{"2", "99", "WEB", "2001"},
                new String[]{"3", null, null, null});
        // the unit the value is wanted in, from the unit its column's name ends with
        money.expect("DOUBLE", "rate_cents", List.of("Rate in dollars"), "123.45", "0.99", null);
        money.expect("VARCHAR", "chnl", List.of("Default to 'STORE' if channel is null or 'N/A'"), "STORE", "WEB", "STORE");
        money.expect("INTEGER", "renov_yr", List.of("renov_yr; null if before 1990"), null, "2001", null);
    }

    @Test
    void shouldReadPairsWrittenValueFirstAndLabelsWithANumber() throws Exception {
        RuleTable shp = new RuleTable("shp", "id", new String[]{"id", "svc_lvl", "salary"},
                new String[]{"1", "OVERNIGHT", "39999.5"}, new String[]{"2", "2DAY", "40000"}, new String[]{"3", "GROUND", "95000"});
        shp.expect("INTEGER", "svc_lvl", List.of("1 for 'OVERNIGHT', 2 for '2DAY', 3 otherwise"), "1", "2", "3");
        shp.expect("VARCHAR", "svc_lvl", List.of("'Fast' for 'OVERNIGHT' or '2DAY', else 'Slow'"), "Fast", "Fast", "Slow");
        shp.expect("VARCHAR", "salary", List.of("Under 40000: Band 1; 40000 - 79999: Band 2; 80000 and over: Band 3"),
                "Band 1", "Band 2", "Band 3");
    }
}
