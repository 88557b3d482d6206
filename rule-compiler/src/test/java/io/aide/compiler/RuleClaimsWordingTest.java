package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Forms met on a fresh probe of insurance-claim rules: a difference named before its unit ("Lag in days between"),
 * a modal before a map's arrow ("any unknown code should map to 'Unknown'"), amounts in thousands written "1k", the
 * time of an event as its date ("at the time of loss"), an age from a year column (vehicle_year), a period start said
 * after "truncated to", a size before a column's name ("Two-letter state code"), a column's name said with the verb
 * of its participle ("close date" for closed_dt), the stand-in when an event has not happened ("if not closed use
 * today"), the greater of two rules, a participle in the middle of a passive ("with line breaks replaced with
 * spaces"), a scale introduced by a participle ("expressed in thousands") and another column as an exception's value.
 * Each phrase runs in DuckDB.
 */
class RuleClaimsWordingTest {
    private static final RuleTable CLAIMS = new RuleTable("claim", "id",
            new String[]{"id", "loss_dt", "report_dt", "closed_dt", "status_cd", "claim_amt", "paid_amt", "claimant_dob",
                    "vehicle_year", "loss_state", "notes"},
            new String[]{"1", "2024-03-10", "2024-03-14", "2024-06-01", "O", "500", "650", "1990-03-11", "2015", "tx", "a\nb"},
            new String[]{"2", "2024-05-20", "2024-05-18", null, "Z", "25000", "1000", "1980-01-01", "2024", "CA", "c"},
            new String[]{"3", null, null, null, null, null, null, null, null, null, null});

    @Test
    void shouldReadADifferenceNamedBeforeItsUnit() throws Exception {
        CLAIMS.expect("INTEGER", "loss_dt, report_dt", List.of("Lag in days between date of loss and date reported",
                "Delay in days between loss date and report date"), "4", "-2", null);
    }

    @Test
    void shouldReadAModalBeforeAMapsArrowAndUnknownCodesAsTheElse() throws Exception {
        CLAIMS.expect("VARCHAR(10)", "status_cd", List.of(
                "O=Open, C=Closed, R=Reopened, W=Withdrawn; any unknown code should map to 'Unknown'"),
                "Open", "Unknown", "Unknown");
    }

    @Test
    void shouldReadAmountsWrittenInThousandsWithK() throws Exception {
        CLAIMS.expect("VARCHAR(10)", "claim_amt", List.of("Below 1k Small; 1k-10k Medium; above 10k Large"),
                "Small", "Large", null);
    }

    @Test
    void shouldCountAnAgeAtTheTimeOfAnEventAndFromAYearColumn() throws Exception {
        CLAIMS.expect("INTEGER", "claimant_dob, loss_dt", List.of("Age of claimant at the time of loss"), "33", "44", null);
        // a year, not a date: once cast to a date (NULL on every row)
        CLAIMS.expect("INTEGER", "vehicle_year, loss_dt", List.of("Age of the vehicle in years at the loss date"),
                "9", "0", null);
    }

    @Test
    void shouldReadPeriodStartsAndSizesAndParticiplesInNames() throws Exception {
        CLAIMS.expect("DATE", "report_dt", List.of("Report date truncated to the first of the month"),
                "2024-03-01", "2024-05-01", null);
        CLAIMS.expect("VARCHAR(2)", "loss_state", List.of("Two-letter state code in upper case"), "TX", "CA", null);
        CLAIMS.expect("VARCHAR(1)", "closed_dt", List.of("Y if close date exists, otherwise N"), "Y", "N", "N");
    }

    @Test
    void shouldStandInWhenAnEventHasNotHappened() throws Exception {
        String open = String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2024, 5, 20),
                java.time.LocalDate.now()));
        CLAIMS.expect("INTEGER", "loss_dt, closed_dt", List.of(
                "Days the claim was open: closed date minus loss date; if not closed use today"), "83", open, null);
    }

    @Test
    void shouldTakeTheGreaterOfTwoRules() throws Exception {
        CLAIMS.expect("DECIMAL(12,2)", "claim_amt, paid_amt", List.of("Greater of zero and claim amount minus paid amount"),
                "0", "24000", "0");
    }

    @Test
    void shouldReadAPassiveWithItsParticipleInTheMiddle() throws Exception {
        CLAIMS.expect("VARCHAR(200)", "notes", List.of("notes with line breaks replaced with spaces"), "a b", "c", null);
    }

    @Test
    void shouldReadAScaleAfterAParticipleAndAColumnAsAnExceptionsValue() throws Exception {
        CLAIMS.expect("DECIMAL(12,0)", "claim_amt", List.of("Claim amount expressed in thousands, rounded to the nearest whole number"),
                "1", "25", null);
        CLAIMS.expect("DATE", "report_dt, loss_dt", List.of(
                "Report date; if report date is earlier than loss date then use loss date"), "2024-03-14", "2024-05-20", null);
    }
}
