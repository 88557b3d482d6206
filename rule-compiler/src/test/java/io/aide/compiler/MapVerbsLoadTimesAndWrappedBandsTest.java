package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wordings from documents no development case used: an else branch with its own verb ("Anything else, including blank,
 * defaults to Routine"), how a map's codes compare said after it ("Compare trimmed and upper-cased.", "(compare trimmed,
 * upper case)"), the load's own time ("Current system timestamp at load time", "Audit: date and time of the load run"),
 * bands of hours that wrap round midnight ("22 to 05 are NIGHT") and name what they count ("hours 06 to 13 are DAY"),
 * a filter on "any row whose claim_no, trimmed, starts with 'TEST' in any letter case", and descriptions of the data
 * before the rule ("Arrives as text.", "Sent as text 'YYYYMMDD HHMM'.", "(leading zeros drop off, 004300 -> 4300)"), and a
 * value said again in brackets ("Number of days from a to b (b minus a)"). DuckDB.
 */
class MapVerbsLoadTimesAndWrappedBandsTest {
    private static final RuleTable CODES = new RuleTable("codes", "id", new String[]{"id", "pr", "st", "hr", "amt"},
            new String[]{"1", " s", "cm ", "07", "004300"}, new String[]{"2", "x", "ip", "23", " 12.345"},
            new String[]{"3", null, null, "3", null});

    @Test
    void shouldReadAnElseBranchWithItsOwnVerbAndTheComparisonSaidAfterTheMap() throws Exception {
        CODES.expect("VARCHAR", "pr", List.of("Decode priority (trim, case-insensitive): S = STAT, A = ASAP, R = Routine. Anything else, "
                + "including blank, defaults to Routine."), "STAT", "Routine", "Routine");
        CODES.expect("VARCHAR", "st", List.of("CM = Completed, IP = In Process, CA = Cancelled, otherwise Unknown (compare trimmed, "
                + "upper case).", "CM = Completed, IP = In Process, CA = Cancelled; blank or any other code = Unknown. Compare trimmed "
                + "and upper-cased."), "Completed", "In Process", "Unknown");
    }

    @Test
    void shouldReadBandsOfHoursThatWrapRoundMidnightAndNameWhatTheyCount() throws Exception {
        CODES.expect("VARCHAR", "hr", List.of("hours 06 to 13 are DAY, 14 to 21 are SWING, 22 to 05 are NIGHT."), "DAY", "NIGHT", "NIGHT");
    }

    @Test
    void shouldReadWhatTheDataHoldsBeforeTheRuleAndExamplesOfNumbers() throws Exception {
        CODES.expect("INTEGER", "amt", List.of("Cast to integer (leading zeros drop off, 004300 -> 4300)."), "4300", "12", null);
        CODES.expect("DECIMAL(10,2)", "amt", List.of("Arrives as text. Convert to a number and round to 2 decimal places."),
                "4300", "12.35", null);
        // a layout said in the first sentence is needed by the rule after it: read with it, never left out
        GeneratedLayers.Layer sent = CODES.compile("TIMESTAMP", "amt", "Sent as text 'YYYYMMDD HHMM'. Convert to a timestamp.");
        assertThat(sent.columns().get(1).status()).isEqualTo("compiled");
        assertThat(sent.sql().get("duckdb")).contains("'%Y%m%d %H%M'");
    }

    @Test
    void shouldReadAValueSaidAgainInBracketsAndBlankLeftNullWithItsReason() throws Exception {
        RuleTable spans = new RuleTable("spans", "id", new String[]{"id", "start_date", "end_date"},
                new String[]{"1", "2025-01-01", "2025-01-31"}, new String[]{"2", "2025-03-01", null});
        spans.expect("INTEGER", "start_date, end_date", List.of("Number of days from start_date to end_date (end_date minus start_date).",
                "Number of calendar days between start_date and end_date (end_date minus start_date)."), "30", null);
        RuleTable texts = new RuleTable("texts", "id", new String[]{"id", "end_txt"}, new String[]{"1", "20250131"},
                new String[]{"2", null});
        texts.expect("DATE", "end_txt", List.of("Parse text date, format YYYYMMDD. Blank = month-to-month, leave NULL.",
                "Text YYYYMMDD; convert to date. Open-ended campaigns have no end date - leave NULL.",
                "DOB comes through as text YYYYMMDD – convert to date."), "2025-01-31", null);
        // a bracket that says something else is no restatement
        assertThat(spans.flagged("INTEGER", "start_date, end_date", "Number of days from start_date to end_date (end_date minus "
                + "start_date plus 1).")).isNotBlank();
    }

    @Test
    void shouldGiveTheLoadsOwnTimeWhereTheRuleSaysSo() {
        for (String rule : List.of("Current system timestamp at load time.", "Current system timestamp when the row is written.",
                "Load run timestamp.", "Audit: date and time of the load run.")) {
            GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(Specs.spec()
                    .row("t", "id", "INTEGER", "codes", "id", "Cast to integer.")
                    .row("t", "load_ts", "TIMESTAMP", null, null, rule).build(), new CompileOptions(List.of("duckdb"), List.of(),
                    null), null).layers().get(0);
            assertThat(layer.columns().get(1).status()).as(rule).isEqualTo("compiled");
            assertThat(layer.sql().get("duckdb")).as(rule).contains("LOCALTIMESTAMP AS \"load_ts\"");
        }
    }

    @Test
    void shouldLeaveOutRowsWhoseColumnStartsWithACodeInAnyLetterCase() throws Exception {
        SampleRows claims = new SampleRows("ins_claim", new String[]{"claim_no"}, new String[]{"C1"}, new String[]{" test9"},
                new String[]{"TeSt-2"}, new String[]{"C2"});
        GeneratedLayers.Layer layer = claims.compile(Specs.spec().row("fact_claim", "claim_number", "VARCHAR(15)", "ins_claim", "claim_no",
                "Trim and upper-case. Filter: do not load test claims – any row whose claim_no, trimmed, starts with 'TEST' in any "
                        + "letter case."));
        assertThat(claims.run(layer, "claim_number")).containsExactly("C1", "C2");
    }
}
