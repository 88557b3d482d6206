package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Forms met on a fresh probe of claims, HR, shipping, account and campaign rules: dates tested against today ("more than
 * 365 days ago", "within the last 30 days", "no transaction in the last 365 days" for last_txn_dt), a value map whose
 * values list ends before "otherwise", a truth word ('Y') into a true/false column, spaces removed (all of them, not
 * trimmed), "there are no impressions", a percentage named by what it is ("plus 20% VAT"), and a date named by its verb
 * without "was" ("Year account opened"). Each phrase runs in DuckDB.
 */
class RuleRecencyAndSharesTest {
    private static final RuleTable ROWS = new RuleTable("accounts", "id",
            new String[]{"id", "last_txn_dt", "open_dt", "clm_stat", "dept_cd", "clicks", "impressions", "price"},
            // far in the past, far in the future, none
            new String[]{"1", "2000-01-15", "2019-06-30", "P", " fin ops ", "5", "100", "10"},
            new String[]{"2", "2999-01-01", "2021-01-01", "D", "HR", "3", "0", "2.5"},
            new String[]{"3", null, null, "X", null, "1", null, null});

    @Test
    void shouldTestADateAgainstToday() throws Exception {
        ROWS.expect("BOOLEAN", "last_txn_dt", List.of("True if last transaction date is more than 365 days ago",
                "True if last_txn_dt is older than 365 days"), "true", "false", "false");
        ROWS.expect("BOOLEAN", "last_txn_dt", List.of("True if the last transaction date is within the last 30 days"),
                "false", "true", "false");
        ROWS.expect("BOOLEAN", "last_txn_dt", List.of("True if no transaction in the last 365 days"), "true", "false", "true");
        ROWS.expect("VARCHAR(10)", "last_txn_dt", List.of("'NEW' if last_txn_dt in the past 2 weeks, 'OLD' if more than 1 year ago, else 'MID'"),
                "OLD", "NEW", "MID");
    }

    @Test
    void shouldEndAValueListAtOtherwiseAndReadTruthWordsIntoATrueFalseColumn() throws Exception {
        ROWS.expect("VARCHAR(10)", "clm_stat", List.of("Populate with 'PAID' when clm_stat = 'P', 'DENIED' when 'D', otherwise 'PENDING'"),
                "PAID", "DENIED", "PENDING");
        ROWS.expect("BOOLEAN", "open_dt", List.of("Y if an open date exists"), "true", "true", "false");
    }

    @Test
    void shouldRemoveEverySpaceWhenSpacesAreRemoved() throws Exception {
        ROWS.expect("VARCHAR(10)", "dept_cd", List.of("Department code, upper case with spaces removed"), "FINOPS", "HR", null);
    }

    @Test
    void shouldGiveAValueWhenThereAreNoneAndAddAPercentageNamedByWhatItIs() throws Exception {
        ROWS.expect("DECIMAL(8,4)", "clicks, impressions", List.of("Clicks divided by impressions; 0 when there are no impressions"),
                "0.05", "0", "0");
        ROWS.expect("DECIMAL(10,2)", "price", List.of("Price plus 20% VAT", "price + 20 percent sales tax"), "12", "3", null);
    }

    @Test
    void shouldReadADateNamedByItsVerbWithoutWas() throws Exception {
        ROWS.expect("INTEGER", "open_dt", List.of("Year account opened", "Year opened"), "2019", "2021", null);
    }
}
