package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms met on a fresh probe of utility meter-reading rules: map pairs separated by '|', a date "in the future" set to
 * today, a count "since" a date on a row that reads another date (flagged: up to which date is not said), a part of a
 * date only of a column that holds one ("days in period is 0" over days_in_period was read as the day of a date), a
 * passive with "collapsed to one", HTML tags removed, a value's name before its rate ("VAT at 5% of"), a sum of values
 * named one by one, ranks over rows named by a plural noun with the direction after a comma, values replaced with a
 * reason and a modal ("are errors and must be loaded as null"), a name part said as a noun of its verb ("installation
 * date" for install_dt) and a three-letter day name. Each phrase runs in DuckDB.
 */
class RuleMeterReadsTest {
    private static final RuleTable READS = new RuleTable("meter_read", "id",
            new String[]{"id", "meter_id", "read_type_cd", "read_ts", "prev_read_ts", "read_kwh", "days_in_period",
                    "usage_kwh", "customer_nm", "comments", "net_charge", "energy_charge", "standing_charge", "install_dt",
                    "supply_start_dt"},
            new String[]{"1", "M1", "A", "2024-03-04 10:00:00", "2024-02-03 09:00:00", "120.5", "30", "90", "Ann  Lee ",
                    "<b>ok</b> read", "100", "80", "20", "2019-05-01", "2999-01-01"},
            new String[]{"2", "M1", "X", "2024-04-02 08:30:00", "2024-03-04 10:00:00", "-3", "0", "12", "Bo   Chen",
                    "none", "10.5", "10", "0.5", "2024-04-03", "2020-01-01"},
            new String[]{"3", "M2", null, null, null, null, null, null, null, null, null, null, null, null, null});

    @Test
    void shouldReadPairsSeparatedByPipes() throws Exception {
        READS.expect("VARCHAR(10)", "read_type_cd", List.of("A -> Actual | E -> Estimated | C -> Customer; anything else Unknown"),
                "Actual", "Unknown", "Unknown");
    }

    @Test
    void shouldSetADateInTheFutureToToday() throws Exception {
        READS.expect("DATE", "supply_start_dt", List.of("Supply start date; if it is in the future set it to today"),
                java.time.LocalDate.now().toString(), "2020-01-01", null);
    }

    @Test
    void shouldFlagACountSinceADateWhenTheRowReadsAnother() {
        assertThat(READS.flagged("INTEGER", "read_ts, prev_read_ts", "Number of days since the previous reading"))
                .contains("as of read_ts");
    }

    @Test
    void shouldTakeAPartOfADateOnlyOfAColumnThatHoldsOne() throws Exception {
        READS.expect("DECIMAL(10,3)", "usage_kwh, days_in_period", List.of(
                "usage kwh divided by days in period (null where days in period is 0)"), "3", null, null);
    }

    @Test
    void shouldCollapseRunsAndRemoveTags() throws Exception {
        READS.expect("VARCHAR(100)", "customer_nm", List.of("Customer name with double spaces collapsed to one",
                "Collapse double spaces in customer name to one"), "Ann Lee ", "Bo Chen", null);
        READS.expect("VARCHAR(255)", "comments", List.of("Strip any HTML tags from comments"), "ok read", "none", null);
    }

    @Test
    void shouldReadARateAfterTheValuesNameAndASumOfNamedValues() throws Exception {
        // the words before "at" name the target column (vat_amt)
        assertThat(READS.run("DECIMAL(12,2)", "net_charge", "VAT at 5% of the net charge, rounded to 2 dp", "vat_amt",
                RuleTable::text)).containsExactly("5", "0.53", null);
        READS.expect("DECIMAL(12,2)", "energy_charge, standing_charge", List.of("Sum of energy charge and standing charge"),
                "100", "10.5", null);
    }

    @Test
    void shouldRankRowsNamedByAPluralNoun() throws Exception {
        READS.expect("INTEGER", "read_ts, meter_id", List.of("Rank readings per meter by reading timestamp, latest first"),
                "2", "1", "1");
    }

    @Test
    void shouldReplaceValuesWithAReasonAndAModal() throws Exception {
        READS.expect("DECIMAL(12,3)", "read_kwh", List.of("Reading in kWh; negative readings are errors and must be loaded as null"),
                "120.5", null, null);
    }

    @Test
    void shouldReadANameSaidWithTheNounOfItsVerbAndAThreeLetterDayName() throws Exception {
        READS.expect("INTEGER", "install_dt, read_ts", List.of("Whole years between installation date and reading date"),
                "4", "-1", null);
        READS.expect("VARCHAR(3)", "read_ts", List.of("Three-letter day name of the reading date"), "Mon", "Tue", null);
    }
}
