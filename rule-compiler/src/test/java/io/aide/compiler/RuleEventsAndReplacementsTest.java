package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules met on a fresh probe (subscriptions, shipping, HR, web): whether something happened said by its verb ("if
 * cancelled", "if not yet delivered": the date column the verb names has a value), a timestamp compared with a date by
 * its calendar day, a width in digits after a prefix, replacements said after what they replace, "does not contain",
 * "'T' means true", "treating a missing bonus as zero", "lower-cased", "first of the month", a duration between the
 * row's start and end columns, the text from a delimiter on removed, a unit left out after a describing word. Each
 * phrase runs in DuckDB.
 */
class RuleEventsAndReplacementsTest {
    private static final RuleTable SHIP = new RuleTable("ship", "id", new String[]{"id", "cancel_dt", "deliv_ts", "promised_dt",
            "emp_no", "email", "job_title", "dept", "trial_flg", "salary", "bonus", "utm_source", "start_dt"},
            new String[]{"1", "2024-02-01", "2024-01-05 10:00:00", "2024-01-05", "42", "a@x.org", "Senior Analyst", "Data Eng",
                    "T", "100", "10", "Google", "2024-03-15"},
            new String[]{"2", null, "2024-01-06 09:00:00", "2024-01-05", "123456789", "nobody", "Analyst", "Ops", "F", "200",
                    null, " ", "2024-12-31"},
            new String[]{"3", null, null, "2024-01-05", null, null, null, null, null, null, null, null, null});

    @Test
    void shouldReadWhetherSomethingHappenedByItsVerb() throws Exception {
        SHIP.expect("VARCHAR", "cancel_dt", List.of("'Churned' if cancelled, else 'Active'",
                "'Churned' if the subscription was cancelled, otherwise 'Active'"), "Churned", "Active", "Active");
        SHIP.expect("VARCHAR", "deliv_ts", List.of("'Pending' if not yet delivered, else 'Done'"), "Done", "Done", "Pending");
    }

    private static final RuleTable WEB = new RuleTable("web", "id", new String[]{"id", "page_url", "sess_start", "sess_end",
            "cost_cents", "referrer"},
            new String[]{"1", "/a/b?x=1&y=2", "2024-01-01 10:00:00", "2024-01-01 10:01:30", "1250", "https://News.Example.com:443/a?q=1"},
            new String[]{"2", "/home", "2024-01-01 23:59:59", "2024-01-02 00:00:09", "99", "ftp://user@files.org"},
            new String[]{"3", null, null, null, null, null});

    @Test
    void shouldReadDurationsCutsAndUnitsLeftOut() throws Exception {
        WEB.expect("INTEGER", "sess_start, sess_end", List.of("Session duration in seconds"), "90", "10", null);
        WEB.expect("VARCHAR", "page_url", List.of("URL with everything from '?' removed",
                "URL without the query string (everything from '?')"), "/a/b", "/home", null);
        WEB.expect("VARCHAR", "page_url", List.of("URL with everything after '?' removed"), "/a/b?", "/home", null);
        WEB.expect("VARCHAR", "referrer", List.of("Referrer domain, lower case", "Domain of the referrer URL, in lower case"),
                "news.example.com", "files.org", null);
        WEB.expect("DECIMAL(10,2)", "cost_cents", List.of("Shipping cost in dollars", "Annual cost in dollars"),
                "12.5", "0.99", null);
    }

    private static final RuleTable SEATS = new RuleTable("sub", "id", new String[]{"id", "seats", "status"},
            new String[]{"1", "-2", "A"}, new String[]{"2", "5", " "}, new String[]{"3", null, null});

    @Test
    void shouldReadAValueForSomeValuesAfterTheRule() throws Exception {
        // once read as a remark and left out: the plain seats came out
        SEATS.expect("INTEGER", "seats", List.of("seats; negative values become 0", "seats, negative values set to zero"),
                "0", "5", null);
        SEATS.expect("VARCHAR", "status", List.of("status, blank values set to 'N/A'"), "A", "N/A", "N/A");
        SEATS.expect("INTEGER", "seats", List.of("Seats, never negative"), "0", "5", null);
        SEATS.expect("DECIMAL(3,1)", "seats", List.of("seats capped between 0 and 4"), "0", "4", null);
    }

    private static final RuleTable CALLS = new RuleTable("tel", "id", new String[]{"id", "call_ts", "batch_id", "hr"},
            new String[]{"1", "2024-01-01 23:30:00", "PLT1-0042", "23"}, new String[]{"2", "2024-01-02 12:00:00", "X-1", "12"},
            new String[]{"3", "2024-01-02 05:59:00", null, "5"});

    @Test
    void shouldReadRangesThatWrapAroundAndRemovalsSaidAfter() throws Exception {
        // the hour wraps around midnight: 22 to 6 is the night, never an empty range
        CALLS.expect("BOOLEAN", "call_ts", List.of("true when the hour of call_ts is between 22 and 6"), "true", "false", "true");
        assertThat(CALLS.flagged("BOOLEAN", "hr", "hr between 22 and 6")).isNotBlank();
        CALLS.expect("VARCHAR", "batch_id", List.of("Batch id with the plant prefix 'PLT1-' removed"), "0042", "X-1", null);
        CALLS.expect("BOOLEAN", "call_ts", List.of("Night call: true when the call hour is between 22 and 6"), "true", "false", "true");
        // 2024-01-01 is a Monday
        CALLS.expect("INTEGER", "call_ts", List.of("Day of week of the call (1 = Monday)"), "1", "2", "2");
        CALLS.expect("INTEGER", "call_ts", List.of("Day of week of the call (1 = Sunday)"), "2", "3", "3");
        CALLS.expect("VARCHAR", "batch_id", List.of("Batch id, upper case, no dashes"), "PLT10042", "X1", null);
        CALLS.expect("VARCHAR", "call_ts", List.of("Call time as HH:MM"), "23:30", "12:00", "05:59");
    }

    private static final RuleTable RUNS = new RuleTable("mfg", "id", new String[]{"id", "start_ts", "end_ts"},
            new String[]{"1", "2024-01-01 10:00:00", "2024-01-01 11:30:00"}, new String[]{"2", "2024-01-01 10:00:00", "2024-01-01 10:00:45"},
            new String[]{"3", null, null});

    private static final RuleTable DEFECTS = new RuleTable("mfg", "id", new String[]{"id", "defect_cd", "qty_good", "qty_scrap"},
            new String[]{"1", "M12", "90", "10"}, new String[]{"2", "E7", "3", "1"}, new String[]{"3", "X", null, "5"});

    @Test
    void shouldReadMapsKeyedByTheStartOfAValueAndNamesWhoseQualifierComesLast() throws Exception {
        DEFECTS.expect("VARCHAR", "defect_cd", List.of(
                "Defect category: codes starting with 'M' are Mechanical, 'E' Electrical, anything else Other"),
                "Mechanical", "Electrical", "Other");
        DEFECTS.expect("DECIMAL(5,2)", "qty_good, qty_scrap", List.of("good quantity / (good quantity + scrap quantity) * 100"),
                "90", "75", null);
    }

    @Test
    void shouldStandTodayInForAnEventThatHasNotHappened() throws Exception {
        // "when not terminated": the date the verb names is missing, today stands in (the value depends on today: the
        // rows with both dates are checked, the one without is today's distance)
        List<Object> days = SHIP.run("INTEGER", "start_dt, cancel_dt", "Tenure in days between start date and cancel date (use today "
                + "when not cancelled)", "out", RuleTable::text);
        assertThat(days.get(0)).isEqualTo("-43");
        assertThat(Long.parseLong(String.valueOf(days.get(1)))).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(
                java.time.LocalDate.of(2024, 12, 31), java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
    }

    private static final RuleTable STAYS = new RuleTable("pat", "id", new String[]{"id", "admit_dt", "disch_dt"},
            new String[]{"1", "2024-01-01", "2024-01-04"}, new String[]{"2", "2024-02-10", "2024-02-10"},
            new String[]{"3", "2024-03-01", null});

    @Test
    void shouldReadALengthOfStayBetweenPairedEvents() throws Exception {
        STAYS.expect("INTEGER", "admit_dt, disch_dt", List.of("Length of stay in days"), "3", "0", null);
        STAYS.expect("INTEGER", "admit_dt, disch_dt", List.of("Length of stay in days; 1 if admitted and discharged on the same day",
                "Length of stay in days, 1 if 0"), "3", "1", null);
    }

    @Test
    void shouldNameAFiscalYearOnlyWhenItsNamingIsSaid() throws Exception {
        // 2024-03-15 and 2024-12-31 in a year starting in July: FY2024 and FY2025 named by the end, 2023 and 2024 by the start
        SHIP.expect("INTEGER", "start_dt", List.of("Fiscal year of start date (fiscal year starts in July, named by the year it ends)"),
                "2024", "2025", null);
        SHIP.expect("INTEGER", "start_dt", List.of("Fiscal year of start date, starting in July, named by the year it starts"),
                "2023", "2024", null);
        assertThat(SHIP.flagged("INTEGER", "start_dt", "Fiscal year of start date (fiscal year starts in July)"))
                .contains("named by the calendar year it starts in or the one it ends in");
    }

    @Test
    void shouldReadTimeBetweenColumnsSharingTheirNoun() throws Exception {
        RUNS.expect("DECIMAL(6,2)", "start_ts, end_ts", List.of("Run time in minutes between start and end timestamps"),
                "90", "0.75", null);
        RUNS.expect("DECIMAL(8,2)", "start_ts, end_ts", List.of("Run time in hours between start and end timestamps, 1 decimal"),
                "1.5", "0", null);
        RUNS.expect("INTEGER", "start_ts, end_ts", List.of("Run length in minutes (end minus start)"), "90", "0", null);
    }

    @Test
    void shouldCompareATimestampWithADateByItsDay() throws Exception {
        // 10:00 on the promised day is not after the promised date
        SHIP.expect("BOOLEAN", "deliv_ts, promised_dt", List.of("Late flag: delivered after the promised date",
                "deliv_ts > promised_dt"), "false", "true", null);
    }

    @Test
    void shouldPadTheDigitsAfterAPrefix() throws Exception {
        SHIP.expect("VARCHAR", "emp_no", List.of("Employee number prefixed with 'E' and zero padded to 8 digits"),
                "E00000042", "E123456789", null);
    }

    @Test
    void shouldReadReplacementsAndTestsSaidInOtherWords() throws Exception {
        SHIP.expect("VARCHAR", "job_title", List.of("Job title with the word 'Senior' replaced by 'Sr.'"),
                "Sr. Analyst", "Analyst", null);
        SHIP.expect("VARCHAR", "dept", List.of("Department name in lower case with underscores instead of spaces"),
                "data_eng", "ops", null);
        SHIP.expect("VARCHAR", "email", List.of("Email address; null when it does not contain an @"), "a@x.org", null, null);
        SHIP.expect("BOOLEAN", "trial_flg", List.of("Trial indicator: 'T' means true, anything else false"),
                "true", "false", "false");
        SHIP.expect("DECIMAL(12,2)", "salary, bonus", List.of("salary + bonus, treating a missing bonus as zero"),
                "110", "200", null);
        SHIP.expect("VARCHAR", "utm_source", List.of("UTM source lower-cased; 'direct' if blank"), "google", "direct", "direct");
        SHIP.expect("DATE", "start_dt", List.of("Subscription start date, first of the month"), "2024-03-01", "2024-12-01", null);
        // "(100% parseable in source)" says how much of the data reads: a remark, not a scale
        SHIP.expect("DATE", "start_dt", List.of("Parsed %Y-%m-%d (100% parseable in source)."), "2024-03-15", "2024-12-31", null);
        // a remark that says how a number is stored changes the rule: never left out
        assertThat(SHIP.flagged("DECIMAL(6,4)", "salary", "Salary as a decimal (source stores 4.25 for 4.25%)")).isNotBlank();
    }
}
