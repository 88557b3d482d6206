package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms met on a fresh probe of shipment, account and hospital-visit rules: labels in title case that start with a word
 * of the grammar ("In Transit"), a key said generated twice, a default for missing or zero, the domain of an email,
 * a count of days since an event named by its verb, an age whose person is said first, and a part of a date named
 * before the verb that says where it comes from -- never a copy of the date. Each phrase runs in DuckDB.
 */
class RuleMapsDefaultsAndPartsTest {
    private static final RuleTable TABLE = new RuleTable("ship", "id", new String[]{"id", "status", "pkg_cnt", "email",
            "open_dt", "pat_dob", "adm_dt"},
            new String[]{"1", "D", "0", "ann@example.com", "2020-02-29", "1980-06-30", "2020-06-29"},
            new String[]{"2", "T", "3", "bob.example.com", "2024-12-31", "1990-01-01", "2020-01-01"},
            new String[]{"3", "Q", null, null, null, null, null});

    @Test
    void shouldReadTitleCaseLabelsThatStartWithAGrammarWord() throws Exception {
        TABLE.expect("VARCHAR", "status", List.of("Map status: D -> Delivered, T -> In Transit, X -> Exception",
                "D -> Delivered, T -> In Transit, X -> Exception"), "Delivered", "In Transit", null);
    }

    @Test
    void shouldDefaultAValueThatIsMissingOrZero() throws Exception {
        TABLE.expect("INTEGER", "pkg_cnt", List.of("Number of packages; default to 1 if missing or zero",
                "package count; 1 if null or 0"), "1", "3", "1");
    }

    @Test
    void shouldTakeTheDomainOfAnEmail() throws Exception {
        TABLE.expect("VARCHAR", "email", List.of("Domain part of the email (after '@')", "email domain"),
                "example.com", null, null);
    }

    @Test
    void shouldCountDaysSinceAnEventNamedByItsVerb() throws Exception {
        long days = ChronoUnit.DAYS.between(LocalDate.parse("2020-02-29"), LocalDate.now());
        assertThat(TABLE.run("INTEGER", "open_dt", "Days since the account was opened", "out", RuleTable::text).get(0))
                .isIn(String.valueOf(days), String.valueOf(days + 1));
    }

    @Test
    void shouldReadAnAgeWhosePersonIsSaidFirst() throws Exception {
        TABLE.expect("INTEGER", "pat_dob, adm_dt", List.of("Patient age in years at admission"), "39", "30", null);
    }

    @Test
    void shouldTakeAPartNamedBeforeWhereTheDateComesFrom() throws Exception {
        TABLE.expect("INTEGER", "open_dt", List.of("Year extracted from the open date", "Year taken from open_dt"),
                "2020", "2024", null);
        TABLE.expect("INTEGER", "open_dt", List.of("Quarter derived from the open date"), "1", "4", null);
        TABLE.expect("VARCHAR", "open_dt", List.of("Month name extracted from the open date"), "February", "December", null);
        // a part named before a colon is no label of a copy of the date
        assertThat(TABLE.flagged("INTEGER", "open_dt", "Day: taken from the open date")).isNotBlank();
        assertThat(TABLE.flagged("INTEGER", "open_dt", "Week number: from the open date")).isNotBlank();
        // "as integer key YYYYMMDD" is a date key, never the date cast to a number first
        assertThat(TABLE.compile("INTEGER", "open_dt", "Open date as integer key YYYYMMDD").sql().get("duckdb"))
                .doesNotContain("AS INTEGER) AS DATE");
    }

    @Test
    void shouldReadAKeySaidGeneratedTwice() throws Exception {
        assertThat(TABLE.compile("BIGINT", null, "Surrogate key, auto-generated").sql().get("duckdb")).contains("ROW_NUMBER()");
    }
}
