package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms met on a fresh probe of retail-banking account rules: what a missing operand counts as said in a sentence of
 * its own ("if overdraft limit is null treat it as zero"), a stand-in right after its operand ("close date, or today if
 * the account is still open"), a layout of placeholders ("XXX-XX-XXXX"), the visible part of a masked value named with
 * its column, bands written as sentences ("Scores below 300 are 'HIGH'"), the else branch of a map as an instruction
 * ("leave other values unchanged"), the first or last day of the period before or after a date, a date named by its
 * event ("the date the account was opened"), a part of a date into a date column (flagged), and years or months
 * between dates with decimals. Each phrase runs in DuckDB.
 */
class RuleClausesLayoutsAndPeriodsTest {
    private static final RuleTable ACCOUNTS = new RuleTable("account", "id",
            new String[]{"id", "balance_amt", "overdraft_limit", "txn_count", "tax_id", "acct_no", "segment", "risk_score",
                    "open_date", "close_date", "dob"},
            new String[]{"1", "100.50", "250", "7", "123456789", "0012345678", "RET", "250", "2023-01-31", "2024-03-15", "1990-06-15"},
            new String[]{"2", "-40", null, null, "123-45-6789", "987", "COM", "300", "2023-11-05", null, "2000-12-31"},
            new String[]{"3", null, "100", "0", "12345", null, "PRV", "720", "2024-02-29", "2024-02-29", null});

    @Test
    void shouldReadWhatAMissingOperandCountsAsInASentenceOfItsOwn() throws Exception {
        ACCOUNTS.expect("DECIMAL(15,2)", "balance_amt, overdraft_limit", List.of(
                "Balance plus overdraft limit; if overdraft limit is null treat it as zero",
                "Balance plus overdraft limit (missing overdraft limit counts as 0)",
                "balance plus overdraft limit, when overdraft limit is blank use 0"), "350.5", "-40", null);
        ACCOUNTS.expect("INTEGER", "txn_count", List.of("Count of transactions, null should be loaded as 0",
                "txn count. Nulls are to be treated as zero"), "7", "0", "0");
    }

    @Test
    void shouldReadAStandInSaidRightAfterItsOperand() throws Exception {
        ACCOUNTS.expect("INTEGER", "open_date, close_date", List.of(
                "Full years between open date and close date, or today if the account is still open",
                "Full years between open date and close date (today if not closed)"),
                "1", String.valueOf(java.time.Period.between(java.time.LocalDate.of(2023, 11, 5), java.time.LocalDate.now()).getYears()),
                "0");
    }

    @Test
    void shouldWriteAValueInALayoutOfPlaceholders() throws Exception {
        ACCOUNTS.expect("VARCHAR(11)", "tax_id", List.of("Format the 9-digit tax id as XXX-XX-XXXX",
                "tax id formatted as '999-99-9999'"), "123-45-6789", "123-45-6789", "12345");
        ACCOUNTS.expect("VARCHAR(16)", "acct_no", List.of("account number in the form (XXX) XXX-XXXX"),
                "(001) 234-5678", "987", null);
    }

    @Test
    void shouldMaskAllButTheShownPartOfTheNamedColumn() throws Exception {
        ACCOUNTS.expect("VARCHAR(20)", "acct_no", List.of(
                "Show only the last 4 digits of the account number, replace the rest with 'X'"),
                "XXXXXX5678", "987", null);
    }

    @Test
    void shouldReadBandsWrittenAsSentences() throws Exception {
        ACCOUNTS.expect("VARCHAR(6)", "risk_score", List.of(
                "Scores below 300 are 'HIGH', 300 to 699 'MEDIUM', 700 and above 'LOW'",
                "below 300 is 'HIGH', 300 to 699 is 'MEDIUM', 700 and above is 'LOW'"), "HIGH", "MEDIUM", "LOW");
    }

    @Test
    void shouldKeepTheOtherValuesWhenTheMapSaysSo() throws Exception {
        ACCOUNTS.expect("VARCHAR(20)", "segment", List.of(
                "Map 'RET' and 'RTL' to 'RETAIL', 'COM' to 'COMMERCIAL'; leave other values unchanged",
                "RET -> RETAIL, COM -> COMMERCIAL, keep all other codes as they are",
                "'RET' = 'RETAIL'; 'COM' = 'COMMERCIAL'. Pass any other value through"), "RETAIL", "COMMERCIAL", "PRV");
    }

    @Test
    void shouldGiveTheFirstOrLastDayOfThePeriodBeforeOrAfterADate() throws Exception {
        ACCOUNTS.expect("DATE", "open_date", List.of("First day of the month following the opening date"),
                "2023-02-01", "2023-12-01", "2024-03-01");
        ACCOUNTS.expect("DATE", "open_date", List.of("Last day of the month in which the account was opened",
                "Last day of the month of open date"), "2023-01-31", "2023-11-30", "2024-02-29");
        ACCOUNTS.expect("DATE", "open_date", List.of("End of the quarter of the open date"),
                "2023-03-31", "2023-12-31", "2024-03-31");
        ACCOUNTS.expect("DATE", "open_date", List.of("Last day of the next quarter after the open date"),
                "2023-06-30", "2024-03-31", "2024-06-30");
        ACCOUNTS.expect("DATE", "open_date", List.of("First day of the previous month of open date"),
                "2022-12-01", "2023-10-01", "2024-01-01");
        ACCOUNTS.expect("DATE", "open_date", List.of("Start of the year in which the account was opened"),
                "2023-01-01", "2023-01-01", "2024-01-01");
    }

    @Test
    void shouldReadADateNamedByItsEvent() throws Exception {
        ACCOUNTS.expect("INTEGER", "dob, open_date", List.of("Customer age in years on the date the account was opened",
                "Age at the date on which the account was opened"), "32", "22", null);
    }

    @Test
    void shouldFlagAPartOfADateIntoADateColumn() {
        assertThat(ACCOUNTS.flagged("DATE", "open_date", "Extract the year from the account opening date"))
                .contains("gives a number (the year of a date)").contains("target type is date");
    }

    @Test
    void shouldCountYearsAndMonthsWithTheirFractionWhenDecimalsAreAsked() throws Exception {
        ACCOUNTS.expect("DECIMAL(5,1)", "open_date, close_date", List.of(
                "Tenure in years between open date and close date, one decimal",
                "Years between open date and close date rounded to 1 decimal place"), "1.1", null, "0");
        ACCOUNTS.expect("DECIMAL(5,1)", "open_date, close_date", List.of(
                "Months between open date and close date, rounded to 1 decimal"), "13.4", null, "0");
    }
}
