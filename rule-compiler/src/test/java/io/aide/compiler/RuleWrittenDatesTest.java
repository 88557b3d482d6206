package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates written out in a rule (31-Dec-2024, 31/12/2024, December 31, 2024), bands of a value computed before a colon,
 * and tests of whether something happened said with a participle ("if paid", "blank if unpaid"): run in DuckDB.
 */
class RuleWrittenDatesTest {
    private static final RuleTable PEOPLE = new RuleTable("employees", "id", new String[]{"id", "birth_dt", "hire_dt"},
            new String[]{"1", "1980-06-02", "2015-03-15"}, new String[]{"2", "1995-12-31", "2020-04-01"},
            new String[]{"3", null, "2019-01-01"});

    @Test
    void shouldReadADateWrittenInAnyOfTheUsualLayouts() throws Exception {
        PEOPLE.expect("INTEGER", "birth_dt", List.of("Age as of 31-Dec-2024", "Age at 31/12/2024", "Age as of December 31, 2024",
                "Age as of 31 December 2024", "Age at 2024/12/31", "Age as at 2024-12-31"), "44", "29", null);
        PEOPLE.expect("VARCHAR(1)", "hire_dt", List.of("'Y' if hire_dt is after 31-Mar-2020 else 'N'",
                "'Y' if hire_dt is after 03/31/2020 else 'N'"), "N", "Y", "N");
    }

    @Test
    void shouldAskWhichDayADateOfTwoReadingsIs() {
        // 01/02/2024 is the first of February or the second of January
        assertThat(PEOPLE.flagged("INTEGER", "birth_dt", "Age at 01/02/2024")).contains("2024-02-01").contains("2024-01-02");
    }

    @Test
    void shouldBandTheValueComputedBeforeAColon() throws Exception {
        PEOPLE.expect("VARCHAR(10)", "birth_dt", List.of(
                "Age as of 31-Dec-2024: under 30 -> 'Under 30', 30 to 49 -> '30-49', 50 and over -> '50+'"),
                "30-49", "Under 30", null);
    }

    @Test
    void shouldReadWhetherSomethingHappenedFromAParticipleRegularOrNot() throws Exception {
        RuleTable invoices = new RuleTable("invoices", "id", new String[]{"id", "invoice_dt", "paid_dt"},
                new String[]{"1", "2024-07-01", "2024-07-11"}, new String[]{"2", "2024-07-05", null});
        invoices.expect("VARCHAR(1)", "invoice_dt, paid_dt", List.of("'Y' if paid else 'N'", "'N' if unpaid else 'Y'",
                "'N' if not yet paid else 'Y'"), "Y", "N");
        // "blank" into a number is NULL, never an empty text PostgreSQL cannot cast
        invoices.expect("INTEGER", "invoice_dt, paid_dt", List.of("paid_dt minus invoice_dt (days). Blank if unpaid.",
                "paid_dt minus invoice_dt (days). Blank if not paid."), "10", null);
        assertThat(invoices.compile("INTEGER", "invoice_dt, paid_dt", "paid_dt minus invoice_dt (days). Blank if unpaid.")
                .sql().get("postgres")).doesNotContain("''");
    }
    @Test
    void shouldReadSentencesThatSayWhatIsNoCalendarDateGivesNull() throws Exception {
        RuleTable texts = new RuleTable("hr", "id", new String[]{"id", "hire_dt", "signup_dt"},
                new String[]{"1", "14/03/2019", "20240131"}, new String[]{"2", "31/02/2023", "00000000"}, new String[]{"3", null, "20240231"});
        texts.expect("DATE", "hire_dt", List.of("Source is text in DD/MM/YYYY. Convert to date. If it is not a real calendar date leave it empty.",
                "Source is DD/MM/YYYY text (31/01/2024). Convert to date. Blank, or not a valid calendar date -> NULL."),
                "2019-03-14", null, null);
        texts.expect("DATE", "signup_dt", List.of("Source is text YYYYMMDD. Convert to date. 00000000, blank or anything that is not a real "
                + "calendar date -> NULL."), "2024-01-31", null, null);
    }
}
