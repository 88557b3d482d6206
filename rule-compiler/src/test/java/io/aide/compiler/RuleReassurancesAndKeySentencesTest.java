package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentences that reassure ("keep original casing", "Never null.", "Leave NULL when blank – do not default.") are left
 * out only where the value bears them out; surrogate keys described in full hand-off prose ("Generated surrogate key:
 * sequence number 1, 2, 3 … ordered by x ascending. Assign it after the dedupe."). Run in DuckDB.
 */
class RuleReassurancesAndKeySentencesTest {
    private static final RuleTable ROWS = new RuleTable("src", "id", new String[]{"id", "name", "qty", "flag", "store_nbr", "uom"},
            new String[]{"1", " Acme ", "2.5", "Y", "0101", "ml"}, new String[]{"2", "beta", "", "n", "99", " "},
            new String[]{"3", null, null, null, "1000", null});

    @Test
    void shouldLeaveOutWhatTheValueBearsOut() throws Exception {
        ROWS.expect("VARCHAR(20)", "name", List.of("Trim leading/trailing spaces, keep original casing.",
                "Trim leading/trailing spaces. Keep the case as entered.",
                "Trim. Keep the value even if it does not exist in the customer master."), "Acme", "beta", null);
        ROWS.expect("DECIMAL(10,3)", "qty", List.of("Cast to DECIMAL(10,3). Leave NULL when blank – do not default.",
                "Cast to decimal. Blank means not measured – keep as NULL."), "2.5", null, null);
        ROWS.expect("BOOLEAN", "flag", List.of("True when the flag is 'Y', otherwise false (never null).",
                "True when flag = 'Y', else false. Never null."), "true", "false", "false");
        ROWS.expect("VARCHAR(5)", "uom", List.of("Upper-case and trim. Default to 'EA' when blank or null."), "ML", "EA", "EA");
    }

    @Test
    void shouldWriteTheFirstCharacterInUpperCaseAndTheRestInLowerCase() throws Exception {
        ROWS.expect("VARCHAR(20)", "name", List.of("Trim, then first character upper case and the rest lower case. Blank → NULL.",
                "Trim, then first letter capitalised and the rest lower case."), "Acme", "Beta", null);
    }

    @Test
    void shouldFlagAReassuranceTheValueDoesNotBearOut() {
        for (String rule : List.of("Upper-case the name, keep original casing.", "Copy the name. Never null.")) {
            assertThat(ROWS.compile("VARCHAR(20)", "name", rule).columns().get(1).status()).as(rule).isEqualTo("flagged");
        }
    }

    @Test
    void shouldReadSurrogateKeysDescribedInFullSentences() throws Exception {
        ROWS.expect("INTEGER", "store_nbr", List.of(
                "Generated surrogate key: sequence number starting at 1, assigned in ascending order of the numeric store number"
                        + " (store_nbr below).",
                "Surrogate key – row number 1..n ordered by the numeric store_nbr, ascending.",
                "Generated surrogate key: sequence number 1, 2, 3 … ordered by the numeric store_nbr ascending. Assign it after the"
                        + " test-store filter and the dedupe described on store_nbr."), "2", "1", "3");
    }
}
