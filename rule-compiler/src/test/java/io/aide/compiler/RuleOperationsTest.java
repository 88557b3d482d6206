package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arithmetic, rounding and text operations and concatenation in prose, on wording written for these tests: each phrase
 * compiles to the value it says, run in DuckDB, or is flagged.
 */
class RuleOperationsTest {
    private static final RuleTable TABLE = new RuleTable("src", "id",
            new String[]{"id", "first_name", "last_name", "code", "amount", "qty", "price", "phone"},
            new String[]{"1", "Ada", "Lovelace", "AB-12-X", "12.345", "3", "2.5", "555-1234"},
            new String[]{"2", "Alan", "Turing", "CD-7-YZ", "0.5", "10", "4", "555-99"},
            new String[]{"3", "Grace", null, "E-345-W", null, "0", "1.25", "12"});

    private List<Object> values(String type, String source, String rule) throws Exception {
        return TABLE.run(type, source, rule, "out", RuleTable::number);
    }

    private String flagged(String type, String source, String rule) {
        return TABLE.flagged(type, source, rule);
    }

    private void expect(String type, String source, List<String> rules, Object... expected) throws Exception {
        for (String rule : rules) {
            assertThat(values(type, source, rule)).as(rule).containsExactly(expected);
        }
    }

    @Test
    void shouldComputeArithmeticWrittenInWords() throws Exception {
        // Given phrasings of one computation each / When / Then
        expect("INTEGER", "qty", List.of("Multiply by 100", "qty multiplied by 100", "Multiply `qty` by 100",
                "take qty and multiply it by 100", "qty * 100", "`qty` times 100"), 300, 1000, 0);
        expect("DOUBLE", "price", List.of("price divided by 2", "Divide `price` by 2", "price / 2"), "1.25", "2", "0.625");
        expect("INTEGER", "qty", List.of("qty minus 1", "subtract 1 from qty", "qty - 1", "decrease qty by 1"), 2, 9, -1);
        expect("INTEGER", "qty", List.of("qty plus 5", "add 5 to `qty`", "qty + 5", "Copy qty, then add 5"), 8, 15, 5);
        expect("DOUBLE", "qty", List.of("qty multiplied by price", "qty times `price`"), "7.5", "40", "0");
    }

    @Test
    void shouldRoundToTheStatedPlaces() throws Exception {
        expect("DOUBLE", "amount", List.of("Round to 2 decimals", "amount rounded to 2 decimal places",
                "round `amount` to 2 dp", "Copy amount and round it to two decimals".replace("two", "2")), "12.35", "0.5", null);
        expect("INTEGER", "amount", List.of("round to the nearest integer", "Rounded to a whole number", "round"),
                12, 1, null);
        expect("INTEGER", "amount", List.of("round up", "amount rounded up"), 13, 1, null);
        expect("INTEGER", "amount", List.of("round down", "Floor of amount".replace("Floor of", "round down")), 12, 0, null);
        expect("DOUBLE", "price", List.of("price times qty, rounded to 1 decimal"), "7.5", "40", "0");
    }

    @Test
    void shouldTakePartsOfATextByPosition() throws Exception {
        expect("VARCHAR", "code", List.of("first 2 characters", "the first 2 chars of `code`", "Take the leftmost 2 letters",
                "characters 1-2", "characters 1 to 2 of code"), "AB", "CD", "E-");
        expect("VARCHAR", "code", List.of("last 2 characters", "the last 2 chars of code", "rightmost 2 characters"),
                "-X", "YZ", "-W");
        expect("VARCHAR", "phone", List.of("last 4 characters"), "1234", "5-99", "12");
        expect("VARCHAR", "code", List.of("characters 4 to 5", "positions 4-5 of code", "substring 4 to 5"),
                "12", "7-", "45");
    }

    @Test
    void shouldSplitAndPickAPart() throws Exception {
        expect("VARCHAR", "code", List.of("split on '-' and take the 2nd part", "Split code by '-', keep the second element",
                "second part of code split by '-'", "the 2nd token of `code` separated by '-'"), "12", "7", "345");
    }

    @Test
    void shouldPadToAWidthWithoutCuttingLongerValues() throws Exception {
        expect("VARCHAR", "qty", List.of("left pad with zeros to 4", "zero-pad to 4 digits", "Pad with leading zeros to a length of 4",
                "pad `qty` with '0' on the left to 4 characters", "add leading zeros to 4 digits"), "0003", "0010", "0000");
        expect("VARCHAR", "phone", List.of("pad with '*' on the right to 5"), "555-1234", "555-99", "12***");
        expect("VARCHAR", "phone", List.of("right pad with spaces to 4"), "555-1234", "555-99", "12  ");
    }

    @Test
    void shouldReplaceTextsAndChainOtherOperations() throws Exception {
        expect("VARCHAR", "code", List.of("replace '-' with ''", "Replace all '-' by ''", "replace '-' with '' in code"),
                "AB12X", "CD7YZ", "E345W");
        expect("VARCHAR", "code", List.of("replace '-' with '/' then lower case", "Replace '-' with '/', then lowercase"),
                "ab/12/x", "cd/7/yz", "e/345/w");
        expect("INTEGER", "code", List.of("characters 4 to 5, then convert to integer"), 12, null, 45);
    }

    @Test
    void shouldConcatenateColumnsAndTexts() throws Exception {
        expect("VARCHAR", null, List.of("Concatenate first_name, ' ' and last_name", "concat `first_name` with ' ' with `last_name`",
                "first_name || ' ' || last_name", "Combine first_name and last_name separated by ' '"),
                "Ada Lovelace", "Alan Turing", null);
        expect("VARCHAR", null, List.of("concatenate code and first_name with separator '/', then upper case"),
                "AB-12-X/ADA", "CD-7-YZ/ALAN", "E-345-W/GRACE");
    }

    @Test
    void shouldFlagOperationsItCannotPlaceFully() throws Exception {
        // Given wording with a part that is not said exactly / When / Then
        assertThat(flagged("VARCHAR", "code", "pad to 10")).isNotBlank();
        assertThat(flagged("VARCHAR", "code", "first few characters of code")).isNotBlank();
        assertThat(flagged("VARCHAR", "code", "concatenate code and the documented label")).contains("documented label");
        assertThat(flagged("INTEGER", "qty", "multiply qty by the exchange rate")).isNotBlank();
        assertThat(flagged("VARCHAR", "code", "split code on '-' and take a part")).isNotBlank();
    }

    private static String compact(String sql) {
        return sql.replaceAll("\\s+", "");
    }

    @Test
    void shouldRenderTheOperationsInEveryDialect() {
        // When
        Map<String, String> rounded = TABLE.compile("DOUBLE", "amount", "round to 2 decimals").sql();
        Map<String, String> split = TABLE.compile("VARCHAR", "code", "split on '-' and take the 2nd part").sql();
        Map<String, String> padded = TABLE.compile("VARCHAR", "qty", "left pad with zeros to 4").sql();

        // Then
        assertThat(rounded).hasSize(6);
        assertThat(compact(rounded.get("postgres"))).contains("ROUND(CAST(");
        assertThat(compact(split.get("bigquery"))).contains("SPLIT(").contains("[SAFE_OFFSET(1)],'')").doesNotContain("SPLIT_PART");
        assertThat(compact(split.get("duckdb"))).contains("SPLIT_PART(");
        assertThat(padded).allSatisfy((d, s) -> assertThat(s).containsIgnoringCase("LPAD("));
    }
}
