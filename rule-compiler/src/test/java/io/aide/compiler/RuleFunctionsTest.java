package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-argument functions, unit conversions, codes, column names in words and joins in words, on wording written for
 * these tests: each phrase compiles to the value it says, run in DuckDB, or is flagged with the reason.
 */
class RuleFunctionsTest {
    private static final RuleTable TABLE = new RuleTable("src", "id", new String[]{"id", "first_name", "last_name",
            "phone", "weight_g", "score", "state_cd", "created_at", "sku", "country", "default_domain"},
            new String[]{"1", "Ada", "Lovelace", "555-12-34", "2500", "91", "O", "2024-03-05 10:11:12", "0042", " gb ", null},
            new String[]{"2", "Alan", "Turing", "555 99", "750", "60", "C", "2023-12-31 23:59:59", "120", "fr", null},
            new String[]{"3", "Grace", null, null, null, "12", "P", null, "007", "De", null});

    private List<Object> values(String type, String source, String rule, String target) throws Exception {
        return TABLE.run(type, source, rule, target, RuleTable::text);
    }

    private void expect(String type, String source, List<String> rules, Object... expected) throws Exception {
        for (String rule : rules) {
            assertThat(values(type, source, rule, "out")).as(rule).containsExactly(expected);
        }
    }

    private String flagged(String type, String source, String rule) {
        return TABLE.flagged(type, source, rule);
    }

    @Test
    void shouldRemoveCharactersNamedInWords() throws Exception {
        expect("VARCHAR", "phone", List.of("Remove hyphens from phone", "remove all dashes", "strip every '-'",
                "Remove all hyphens from `phone`"), "5551234", "555 99", null);
        expect("VARCHAR", "phone", List.of("remove all spaces", "Remove blanks from phone"), "555-12-34", "55599", null);
    }

    @Test
    void shouldTrimOneEndAndAddAffixes() throws Exception {
        expect("VARCHAR", "sku", List.of("Trim leading zeros", "strip leading zeroes"), "42", "120", "7");
        expect("VARCHAR", "sku", List.of("Prefix with 'SKU-'", "prepend 'SKU-'", "add the prefix 'SKU-'"),
                "SKU-0042", "SKU-120", "SKU-007");
        expect("VARCHAR", "sku", List.of("append '/1'", "Suffix with '/1'"), "0042/1", "120/1", "007/1");
    }

    @Test
    void shouldConvertUnitsByTheirFactors() throws Exception {
        expect("DOUBLE", "weight_g", List.of("grams to kilograms", "Convert from g to kg", "convert weight_g from grams to kg"
                .replace("weight_g from ", "")), "2.5", "0.75", null);
        expect("INTEGER", "weight_g", List.of("kilograms to grams"), "2500000", "750000", null);
        assertThat(flagged("DOUBLE", "weight_g", "Convert euros to dollars")).contains("exchange rate");
        assertThat(flagged("DOUBLE", "weight_g", "grams to miles")).contains("different kinds");
    }

    @Test
    void shouldChangeCaseAndCastWithTheNamedColumn() throws Exception {
        expect("VARCHAR", "country", List.of("Convert to upper case and trim spaces", "trim, then convert to upper case",
                "Convert country to upper case, then trim"), "GB", "FR", "DE");
        expect("VARCHAR", "country", List.of("Take the first two characters and make them upper case"), " G", "FR", "DE");
        expect("DATE", "created_at", List.of("Cast created_at to date", "extract date from `created_at`",
                "Convert created_at to date"), "2024-03-05", "2023-12-31", null);
    }

    @Test
    void shouldReadCodesBetweenAndDecodeHeaders() throws Exception {
        expect("VARCHAR", "score", List.of("High if score >= 80, Medium if score between 50 and 79, otherwise Low",
                "HIGH if score >= 80, MEDIUM if score between 50 and 79, else LOW".replace("HIGH", "High")
                        .replace("MEDIUM", "Medium").replace("LOW", "Low")), "High", "Medium", "Low");
        expect("VARCHAR", "state_cd", List.of("Decode state_cd: O -> Open, C -> Closed, P -> Pending review"),
                "Open", "Closed", "Pending review");
        expect("BOOLEAN", "state_cd", List.of("O/C to true/false"), "true", "false", null);
    }

    @Test
    void shouldJoinTextsWrittenInWordsAndNamesWrittenAsWords() throws Exception {
        expect("VARCHAR", "first_name, last_name", List.of("first name and last name separated by a space",
                "first_name concatenated with last_name with a space in between"), "Ada Lovelace", "Alan Turing", null);
    }

    @Test
    void shouldReadTheTargetNamedInWordsBeforeItsValue() throws Exception {
        assertThat(values("VARCHAR", "default_domain", "Default domain is \"condition\"", "default_domain"))
                .containsExactly("condition", "condition", "condition");
    }

    @Test
    void shouldMaskAllButTheCharactersShown() throws Exception {
        expect("VARCHAR", "phone", List.of("Mask all but the last 4 characters with '*'",
                "mask everything except the last four chars with '*'"), "*****2-34", "**5 99", null);
        expect("VARCHAR", "sku", List.of("Mask all but the first 2 characters with 'X'"), "00XX", "12X", "00X");
        assertThat(flagged("VARCHAR", "phone", "Mask all but the last 4 characters")).contains("masking character");
    }

    @Test
    void shouldFlagWhatTheFunctionsCannotPlace() {
        assertThat(flagged("VARCHAR", "sku", "Hash of sku")).contains("not understood");
        assertThat(flagged("VARCHAR", "sku", "trim leading and trailing zeros")).contains("both ends");
        assertThat(flagged("DOUBLE", "score", "Max of score and 0")).contains("GREATEST");
    }
}
