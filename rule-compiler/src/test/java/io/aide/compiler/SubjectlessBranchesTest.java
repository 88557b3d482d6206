package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Branches whose condition leaves its subject out ("0 if blank, else as is"), the word NULL written as text beside
 * blank ("If blank or 'NULL' then 0"), arithmetic with a default for a blank operand, and a column compared in brackets
 * inside a value map ("(IS_VOID = Y)"), which is a condition and never a code of the map. Run in DuckDB.
 */
class SubjectlessBranchesTest {
    private static final RuleTable TABLE = new RuleTable("src", "id", new String[]{"id", "bonus", "mod_cents", "reason", "is_void", "sq_ft", "channel"},
            new String[]{"1", "250", "150", "ERR", "Y", "12,500", "DI"},
            new String[]{"2", " ", null, "IS_VOID", "N", "800", "each"},
            new String[]{"3", "NULL", "-75", null, "Y", null, null},
            new String[]{"4", null, "abc", "KIT", "Y", "1,000", "ZZ"});

    private void expect(String type, String source, List<String> rules, Object... expected) throws Exception {
        for (String rule : rules) {
            assertThat(TABLE.run(type, source, rule, "out", RuleTable::text)).as(rule).containsExactly(expected);
        }
    }

    @Test
    void shouldTestTheRowsOwnValueWhenTheConditionNamesNoSubject() throws Exception {
        expect("INTEGER", "bonus", List.of("0 if blank, else as is", "0 when blank, otherwise unchanged", "0 if blank else bonus",
                "If blank then 0, else as is"), "250", "0", null, "0");
    }

    @Test
    void shouldTakeTheWordNullWrittenAsTextForNoValueWhereTheRuleSaysSo() throws Exception {
        expect("INTEGER", "bonus", List.of("If blank or 'NULL' then 0", "0 if blank or the text 'NULL'",
                "If blank or 'NULL' then 0, else as is"), "250", "0", "0", "0");
    }

    @Test
    void shouldDefaultArithmeticWhoseOperandIsBlank() throws Exception {
        expect("DECIMAL(10,2)", "mod_cents", List.of("MOD_CENTS / 100, 0 if blank.",
                "MOD_CENTS / 100, 0 if blank. Per-unit surcharge; can be negative (e.g. 'no peas')."), "1.5", "0", "-0.75", "0");
    }

    @Test
    void shouldNeverReadAColumnComparedInBracketsAsACodeOfTheMap() {
        String reason = TABLE.flagged("VARCHAR(30)", "reason", "Only populated for void lines (IS_VOID = Y), NULL otherwise. "
                + "ERR = Keying error, KIT = Kitchen issue, any other code = Other.");
        assertThat(reason).isNotNull();
    }

    @Test
    void shouldNeverTakeAnOperationBeforeAParenthesisForADescriptionOfTheValue() throws Exception {
        expect("DECIMAL(8,1)", "sq_ft", List.of("Remove the comma, convert to square metres (multiply by 0.092903) and round to 1 "
                + "decimal place.", "Remove the comma, convert to square metres and round to 1 decimal place."), "1161.3", "74.3", null, "92.9");
    }

    @Test
    void shouldReadLabelsWithHyphensCodesThatAreAlsoWordsAndRemarksAfterALabel() throws Exception {
        expect("VARCHAR(20)", "channel", List.of("DI -> Dine-in; TA -> Takeaway; blank -> Dine-in (till default); any other code -> Other. "
                + "Case-insensitive."), "Dine-in", "Other", "Dine-in", "Other");
        expect("VARCHAR(20)", "channel", List.of("EA or EACH -> EA; CS or CASE -> CS; DI -> Self-Employed. Case-insensitive."),
                "Self-Employed", "EA", null, null);
    }

    @Test
    void shouldCopyBesideASentenceThatStatesTheGrainOrKeepsTheCase() throws Exception {
        expect("VARCHAR(10)", "reason", List.of("Direct. Grain = one row per reservation, latest version only (General Rule 5).",
                "1:1 (PK). Grain = one row per posted room-night.", "Keep case as it is", "Keep casing as received"),
                "ERR", "IS_VOID", null, "KIT");
    }

    @Test
    void shouldReadTheNounOfTheOtherValuesInSeveralWordsBeforeTheElseValue() throws Exception {
        expect("VARCHAR(20)", "channel", List.of("DI = Dine In, TA = Takeaway, any other channel code = 'Other Channel'"),
                "Dine In", "Other Channel", "Other Channel", "Other Channel");
    }
}
