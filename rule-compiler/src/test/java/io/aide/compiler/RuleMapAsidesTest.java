package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value maps as analysts qualify them: "(ignore case)", "Case-insensitive." or "(trim, any case)" beside the pairs,
 * a decode of a computed value ("Decode UPPER(TRIM(cd)): ..."), an else branch with an aside ("anything else incl.
 * blank -> X", "Everything else, blanks included, maps to X", "Codes outside this list -> X"), a key named in words
 * and defined in brackets ("Not yet inspected (blank) -> 'Pending'"), labels joined by '&' or "and". DuckDB.
 */
class RuleMapAsidesTest {
    // code: ' r', 'C ', 'x', null
    private static final RuleTable CODES = new RuleTable("premises", "id", new String[]{"id", "code"},
            new String[]{"1", " r"}, new String[]{"2", "C "}, new String[]{"3", "x"}, new String[]{"4", null});

    @Test
    void shouldCompareCodesIgnoringCaseWhereTheRuleSaysSoAnywhere() throws Exception {
        CODES.expect("VARCHAR(20)", "code", List.of(
                "R=Residential, C=Commercial. Anything else -> 'Unknown'. Ignore case.",
                "R=Residential, C=Commercial (ignore case). Anything else -> 'Unknown'.",
                "R=Residential, C=Commercial; anything else -> 'Unknown' (ignore case)",
                "Case-insensitive: R=Residential, C=Commercial; anything else -> 'Unknown'",
                "Decode code (ignore case): R=Residential, C=Commercial. Anything else -> 'Unknown'.",
                "R=Residential, C=Commercial (trim, any case). Everything else, blanks included, maps to 'Unknown'.",
                "Decode UPPER(TRIM(code)): R -> Residential; C -> Commercial; anything else incl. blank or missing code -> 'Unknown'"),
                "Residential", "Commercial", "Unknown", "Unknown");
    }

    @Test
    void shouldNeverDropTheFunctionBeforeABracketAsIfItWereALabel() throws Exception {
        // "Decode UPPER(...)" once read as the label "Decode UPPER" before the rule TRIM(code): ' r' must match R
        CODES.expect("VARCHAR(20)", "code", List.of("Decode UPPER(TRIM(code)): R -> Residential; C -> Commercial; else Other"),
                "Residential", "Commercial", "Other", "Other");
    }

    @Test
    void shouldReadElseBranchesThatSayTheyCoverTheCodesNotListed() throws Exception {
        CODES.expect("VARCHAR(20)", "code", List.of("TRIM(code): r = Rural; C = City & Coast. Codes outside this list -> Other",
                "TRIM(code): r = Rural; C = City & Coast. Anything not in this list, or blank -> Other"),
                "Rural", "City & Coast", "Other", "Other");
        CODES.expect("VARCHAR(20)", "code", List.of("TRIM(code): r -> Rural, C -> Home and Garden, any other code (or blank) -> Other"),
                "Rural", "Home and Garden", "Other", "Other");
    }

    @Test
    void shouldReadAKeyNamedInWordsAndDefinedAsBlankInBrackets() throws Exception {
        CODES.expect("VARCHAR(20)", "code", List.of("R -> 'Passed', C -> 'Failed' (trim, any case). Not yet inspected (blank) -> 'Pending'."),
                "Passed", "Failed", null, "Pending");
    }

    @Test
    void shouldKeepACaseNoteThatNoTextComparisonCanUseUnread() {
        assertThat(CODES.flagged("BOOLEAN", "id", "True if id > 2 (case insensitive)")).contains("case insensitive");
    }
}
