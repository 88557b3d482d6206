package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wordings from documents no development case used: trimming "from both ends", a cleaning shown by example in brackets
 * ("(fv02 -> FV02)"), how a numbering counts ("(1, 2, 3 ...)"), what a multiplication is for ("Divide by 100 to get
 * dollars") and a factor stated as "(× 0.092903)", a date difference with its unit after a comma, values named before an
 * else ("N, blank, null or anything else = false"), a day of the week written out ("full English name", "(Monday …
 * Sunday)"), a relative clause of layout ("tap_dttm, which is text in ..."), and "Null when blank" in the null cell. DuckDB.
 */
class PurposesExamplesAndDayNamesTest {
    private static final RuleTable ROWS = new RuleTable("src", "id", new String[]{"id", "nm", "cents", "sqft", "flag", "dt", "ts"},
            new String[]{"1", " fv 02 ", "1250", "1000", " y", "01/06/2025", "01/06/2025 18:05:00"},
            new String[]{"2", "ab", "5", "10", "N", "01/04/2025", null},
            new String[]{"3", null, null, null, null, null, null});

    @Test
    void shouldTrimFromBothEndsAndPassOverACleaningShownByExample() throws Exception {
        ROWS.expect("VARCHAR", "nm", List.of("Direct move, spaces trimmed from both ends.", "Trim spaces from both ends."),
                "fv 02", "ab", null);
        ROWS.expect("VARCHAR", "nm", List.of("Fermenter tank id - strip spaces and upper-case (fv02 -> FV02)."), "FV02", "AB", null);
        // a bracket that changes the value is a map, never an example
        assertThat(ROWS.flagged("VARCHAR", "nm", "Strip spaces and upper-case (fv02 -> Tank 2).")).isNotBlank();
    }

    @Test
    void shouldReadHowANumberingCountsInBrackets() throws Exception {
        ROWS.expect("INTEGER", "nm", List.of("Surrogate key. Sequence number (1, 2, 3 ...) assigned in ascending order of nm."),
                "1", "2", "3");
    }

    @Test
    void shouldPassOverWhatAMultiplicationIsForAndReadAFactorInBrackets() throws Exception {
        ROWS.expect("DECIMAL(10,2)", "cents", List.of("Divide by 100 to get dollars, 2 decimal places."), "12.5", "0.05", null);
        ROWS.expect("DECIMAL(10,1)", "sqft", List.of("Convert square feet to square metres (× 0.092903), round to 1 decimal.",
                "Multiply by 0.092903 to convert square feet to square metres, round to 1 decimal."), "92.9", "0.9", null);
        // a purpose that disagrees with the number is no remark
        assertThat(ROWS.flagged("DECIMAL(10,1)", "sqft", "Multiply by 0.5 to convert square feet to square metres.")).isNotBlank();
    }

    @Test
    void shouldReadTheUnitOfADifferenceAfterACommaAndValuesNamedBeforeAnElse() throws Exception {
        RuleTable dates = new RuleTable("pa", "id", new String[]{"id", "issued", "applied"},
                new String[]{"1", "2025-01-10", "2025-01-03"}, new String[]{"2", null, "2025-01-03"});
        dates.expect("INTEGER", "issued, applied", List.of("issued minus applied, in calendar days.", "issued minus applied, in days."),
                "7", null);
        ROWS.expect("BOOLEAN", "flag", List.of("True when the flag is Y (ignore case and spaces). N, blank, null or anything else = false.",
                "True when the flag is 'Y' (any case, ignore spaces). 'N', blank or anything else is false."), "true", "false", "false");
    }

    @Test
    void shouldWriteTheDayOfTheWeekOutWhenTheRuleSaysItsName() throws Exception {
        RuleTable days = new RuleTable("insp", "id", new String[]{"id", "dt"}, new String[]{"1", "2025-01-06"},
                new String[]{"2", "2025-01-04"}, new String[]{"3", null});
        days.expect("VARCHAR", "dt", List.of("Day of the week of dt, full English name (Monday … Sunday).",
                "Day of the week of dt, full English name.", "Day of the week of dt (Monday to Sunday)."), "Monday", "Saturday", null);
        days.expect("VARCHAR", "dt", List.of("Day of the week of dt (Mon … Sun)."), "Mon", "Sat", null);
        // without a word of names, the day's ISO number
        days.expect("INTEGER", "dt", List.of("Day of the week of dt."), "1", "6", null);
    }

    @Test
    void shouldReadARelativeClauseAsTheBracketItStandsFor() throws Exception {
        ROWS.expect("TIMESTAMP", "ts", List.of("Parse ts, which is text in MM/DD/YYYY HH24:MI:SS (24-hour clock)."),
                "2025-01-06 18:05:00.0", null, null);
    }

    @Test
    void shouldReadNullWhenBlankInTheNullCellAsTheValueLeftMissing() throws Exception {
        SampleRows permits = new SampleRows("permit", new String[]{"permit_no", "issued"}, new String[]{"P1", "01/06/2025"},
                new String[]{"P2", "  "});
        GeneratedLayers.Layer layer = permits.compile(Specs.spec()
                .row("fact_permit", "permit_number", "VARCHAR(20)", "permit", "permit_no", "Direct move.")
                .row("fact_permit", "issue_date", "DATE", "permit", "issued", "Convert from text, format MM/DD/YYYY.", null,
                        null, false, true, "Null when blank (permit not issued yet)"));
        assertThat(permits.run(layer, "permit_number", "issue_date")).containsExactly("P1|2025-01-06", "P2|null");
    }
}
