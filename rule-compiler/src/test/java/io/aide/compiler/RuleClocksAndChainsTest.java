package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours, minutes and seconds between two timestamps, a test that leaves its subject out after "or", a value map over
 * a computed value, runs of spaces, an operation under a condition with "otherwise as is" written out, a test of the
 * result's length, names that start with a word of the grammar, a first sentence that only says what is read, and
 * pairs without arrows. Each phrase runs in DuckDB and gives the values it says.
 */
class RuleClocksAndChainsTest {
    private static final RuleTable TABLE = new RuleTable("trips", "id", new String[]{"id", "start_ts", "end_ts", "prod_cd",
            "title", "mdl_yr", "vin_txt", "in_service_dt", "stars"},
            new String[]{"1", "2024-03-01 08:00:00", "2024-03-01 09:30:45", "AU123", "  Big   red  bus ", "98", " 1hgcm82633a004352",
                    "2024-03-01", "4"},
            new String[]{"2", "2024-03-01 23:10:00", "2024-03-02 01:00:00", "HO9", "a  b", "2015", "short", "2024-02-20", "3"},
            new String[]{"3", null, null, null, null, null, null, null, "1"});

    @Test
    void shouldMeasureTimeBetweenTwoTimestamps() throws Exception {
        // 1 h 30 min 45 s and 1 h 50 min: whole minutes for an integer target, the fraction for a decimal one
        TABLE.expect("INTEGER", "start_ts, end_ts", List.of("Minutes between start_ts and end_ts",
                "end_ts - start_ts in minutes"), "90", "110", null);
        TABLE.expect("DOUBLE", "start_ts, end_ts", List.of("Hours between start_ts and end_ts"), "1.5125",
                "1.8333333333333333", null);
        TABLE.expect("INTEGER", "start_ts, end_ts", List.of("Seconds between start_ts and end_ts"), "5445", "6600", null);
        // a timestamp moved by hours or minutes stays a timestamp (past midnight it is the next day); a date target is
        // moved by calendar units only
        TABLE.expect("TIMESTAMP", "start_ts", List.of("start_ts plus 2 hours", "Add 120 minutes"), "2024-03-01 10:00:00.0",
                "2024-03-02 01:10:00.0", null);
        TABLE.expect("TIMESTAMP", "start_ts, end_ts", List.of("start_ts + id minutes"), "2024-03-01 08:01:00.0",
                "2024-03-01 23:12:00.0", null);
        assertThat(TABLE.flagged("DATE", "start_ts", "start_ts plus 2 hours")).isNotBlank();
    }

    @Test
    void shouldKeepTheSubjectOfATestAfterOr() throws Exception {
        TABLE.expect("VARCHAR", "start_ts", List.of("'Y' when hour of start_ts >= 22 or < 6 else 'N'"), "N", "Y", "N");
    }

    @Test
    void shouldMapAValueComputedInTheSentenceBefore() throws Exception {
        TABLE.expect("VARCHAR", "prod_cd", List.of("First two characters of prod_cd; 'AU' = Auto, 'HO' = Home, else 'Other'"),
                "Auto", "Home", "Other");
    }

    @Test
    void shouldCollapseRunsOfSpaces() throws Exception {
        TABLE.expect("VARCHAR", "title", List.of("Trim, then replace double spaces with single space",
                "Remove leading and trailing whitespace and collapse multiple spaces"), "Big red bus", "a b", null);
        TABLE.expect("VARCHAR", "title", List.of("Remove extra spaces"), " Big red bus ", "a b", null);
        TABLE.expect("VARCHAR", "title", List.of("Remove all spaces"), "Bigredbus", "ab", null);
    }

    @Test
    void shouldApplyAnOperationUnderAConditionWhenTheRuleKeepsTheValueOtherwise() throws Exception {
        TABLE.expect("INTEGER", "mdl_yr", List.of("If mdl_yr < 100 add 2000, otherwise as is",
                "Add 2000 when mdl_yr is below 100; else keep"), "2098", "2015", null);
        // without the else written, arithmetic under a condition is not guessed
        assertThat(TABLE.flagged("INTEGER", "mdl_yr", "If mdl_yr < 100 add 2000")).isNotBlank();
    }

    @Test
    void shouldTestTheLengthOfTheResult() throws Exception {
        TABLE.expect("VARCHAR", "vin_txt", List.of("Trim and upper case; null if length is not 17",
                "Trim and upper case; null if its length <> 17"), "1HGCM82633A004352", null, null);
    }

    @Test
    void shouldNameColumnsThatStartWithAWordOfTheGrammar() throws Exception {
        // "in" is a preposition of the grammar and the first part of in_service_dt (2024-03-01 and 2024-02-20)
        String sql = TABLE.compile("INTEGER", "in_service_dt", "Days since in service date").sql().get("duckdb");
        assertThat(sql.replaceAll("\\s+", " ")).contains("DATE_DIFF( 'day', TRY_CAST(\"trips\".\"in_service_dt\" AS DATE), CURRENT_DATE )");
    }

    @Test
    void shouldReadARuleAfterASentenceThatOnlySaysWhatIsRead() throws Exception {
        TABLE.expect("VARCHAR", "stars", List.of("Calculated from `stars`<br> `stars` equals \"4\" then 'good' <br> "
                + "`stars` equals \"3\" then 'fair'"), "good", "fair", null);
    }

    @Test
    void shouldPairKeysAndLabelsWithoutArrows() throws Exception {
        TABLE.expect("VARCHAR", "stars", List.of("4-5 happy, 3 neutral, 1-2 sad"), "happy", "neutral", "sad");
        TABLE.expect("VARCHAR", "stars", List.of("4-5 Positive, 3 Neutral, 1-2 Negative"), "Positive", "Neutral", "Negative");
        // a lower-case word of the grammar is no label: not read as one
        assertThat(TABLE.flagged("VARCHAR", "stars", "4-5 positive, 3 neutral, 1-2 negative")).isNotBlank();
    }

    @Test
    void shouldNameADayOfTheWeekAndCountDaysInclusively() throws Exception {
        // in_service_dt 2024-03-01 (a Friday) and 2024-02-20 (a Tuesday): the ISO week runs Monday to Sunday
        TABLE.expect("DATE", "in_service_dt", List.of("Saturday of the week of in_service_dt"), "2024-03-02", "2024-02-24", null);
        TABLE.expect("DATE", "in_service_dt", List.of("Monday of the week of in_service_dt"), "2024-02-26", "2024-02-19", null);
        // both ends counted: one day more than the difference
        TABLE.expect("INTEGER", "in_service_dt", List.of("Days between in_service_dt and in_service_dt (inclusive)",
                "Inclusive number of days from in_service_dt to in_service_dt"), "1", "1", null);
    }

    @Test
    void shouldApplyAnOperationSaidAfterAfterFirst() throws Exception {
        RuleTable calls = new RuleTable("cdr", "id", new String[]{"id", "a_party", "sex", "line", "mrn", "start_tm"},
                new String[]{"1", "+4412 34", "M", "L07", "000123", "2024-03-01 21:15:00"},
                new String[]{"2", "3312", "F", "X", "98", "2024-03-01 06:00:00"},
                new String[]{"3", null, "U", null, null, null});
        // the '+' goes first, then the first two characters are taken (not the other way round)
        calls.expect("VARCHAR", "a_party", List.of("First 2 digits after removing '+'",
                "Remove '+', then take the first 2 characters"), "44", "33", null);
        // an arrow typed as one character
        calls.expect("VARCHAR", "sex", List.of("M\u2192Male, F\u2192Female, U\u2192Unknown"), "Male", "Female", "Unknown");
        // the digits of a code, cast by the target type (none: NULL)
        calls.expect("INTEGER", "line", List.of("Numeric portion of line (e.g. L07 -> 7)"), "7", null, null);
        // the passive of a removal
        calls.expect("VARCHAR", "mrn", List.of("MRN with leading zeros removed"), "123", "98", null);
        calls.expect("INTEGER", "start_tm", List.of("Hour part of start_tm"), "21", "6", null);
    }

    @Test
    void shouldCompareTextsCaseInsensitivelyAndReadBranchesForNullAndNotNull() throws Exception {
        RuleTable emp = new RuleTable("emp", "id", new String[]{"id", "title", "term_dt", "wt_kg", "cost"},
                new String[]{"1", "Store manager", "2024-01-31", "0", "10"}, new String[]{"2", "Cashier", null, "4", "10"},
                new String[]{"3", null, null, null, null});
        emp.expect("BOOLEAN", "title", List.of("Title contains 'Manager' (case-insensitive)"), "true", "false", null);
        emp.expect("VARCHAR", "title", List.of("'Y' if title = 'CASHIER' (ignore case) else 'N'"), "N", "Y", "N");
        // a comparison of numbers has no case: the words stay unread
        assertThat(emp.flagged("BOOLEAN", "wt_kg", "wt_kg > 5 (case insensitive)")).isNotBlank();
        // the two branches hold for every row: no else is missing
        emp.expect("VARCHAR", "term_dt", List.of("'T' when term_dt is not null, 'A' when null"), "T", "A", "A");
        // "weight" for wt_kg (a listed short form), in an exception written in parentheses
        emp.expect("DOUBLE", "cost, wt_kg", List.of("cost / wt_kg (null when weight is zero)"), null, "2.5", null);
    }
}
