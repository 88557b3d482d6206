package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Short rules from documents no development case used: a type alone as the rule ("Integer.", "Decimal(12,2), zero if
 * not populated"), "2 places", a fallback whose missing word is explained in a bracket ("missing (blank/null) becomes
 * 0"), a truth value whose else branch is said again for codes and blank ("N or blank = false"), the weekday name in
 * full English, a year and month of a date named by its first word ("Departure year and month as a 6-digit number
 * YYYYMM"), the row's one column named without its kind ("Country, trimmed and upper case"), and "followed by" between
 * the parts of a name. Before, each was flagged. DuckDB, every dialect compiled.
 */
class BareTypesFallbacksAndDatePartsTest {
    private static final RuleTable ROWS = new RuleTable("rows", "id",
            new String[]{"id", "qty", "active_flg", "work_date", "dep_dt", "country_cd", "last_name", "first_name"},
            new String[]{"1", "4", "Y", "2024-03-04", "2024-03-09", " gb ", " lee", "Ann "},
            new String[]{"2", "", "n", "2024-03-09", "2023-12-31", "us", "Smith", "Bo"},
            new String[]{"3", null, "", "2024-03-10", null, null, "Ng ", " Al"});

    @Test
    void shouldCastToATypeWrittenAloneAndFallBackForAMissingValue() throws Exception {
        ROWS.expect("INTEGER", "qty", List.of("Integer."), "4", null, null);
        ROWS.expect("INTEGER", "qty", List.of("Cast to integer; missing (blank/null) becomes 0."), "4", "0", "0");
        ROWS.expect("DECIMAL(12,2)", "qty", List.of("Decimal(12,2), zero if not populated.", "Cast to decimal, 2 places; missing"
                + " becomes 0."), "4", "0", "0");
    }

    @Test
    void shouldReadAnElseSaidAgainForCodesAndBlank() throws Exception {
        ROWS.expect("BOOLEAN", "active_flg", List.of("True only if the flag is Y (either case). N or blank = false.",
                "True when the flag is Y (any case); N, blank or null -> false."), "true", "false", "false");
    }

    @Test
    void shouldReadDatePartsNamedInWords() throws Exception {
        ROWS.expect("VARCHAR(10)", "work_date", List.of("Full English weekday name of work_date, e.g. Monday."),
                "Monday", "Saturday", "Sunday");
        ROWS.expect("INTEGER", "dep_dt", List.of("Departure year and month as a 6-digit number YYYYMM (year × 100 + month), e.g."
                + " 202403."), "202403", "202312", null);
    }

    @Test
    void shouldReadTheRowsColumnNamedWithoutItsKindAndANameFollowedByItsParts() throws Exception {
        ROWS.expect("CHAR(2)", "country_cd", List.of("Country, trimmed and upper case.", "ISO-2 country, trimmed and upper case."),
                "GB", "US", null);
        ROWS.expect("VARCHAR(40)", "last_name,first_name", List.of("Last name trimmed and in upper case, followed by a comma and a"
                + " space, followed by the first name trimmed."), "LEE, Ann", "SMITH, Bo", "NG, Al");
    }
}
