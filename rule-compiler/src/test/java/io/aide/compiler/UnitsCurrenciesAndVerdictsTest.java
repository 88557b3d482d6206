package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that first say what the source holds and then what to do: amounts held in cents ("Held in cents in the source
 * - divide by 100", "amount_paid_cents is in cents - divide by 100"), amounts as text with a currency named by its code
 * or sign ("Strip the 'USD' prefix, the '$' sign and any thousands separators, then convert to a number"), a value
 * judged before it is replaced ("If the value does not contain an '@' it is not a usable address - set to null", "it is
 * treated as missing (NULL)") and the branch that keeps it ("If blank then 0, else as is"). Run in DuckDB.
 */
class UnitsCurrenciesAndVerdictsTest {
    private static final SampleRows AMOUNTS = new SampleRows("src",
            new String[]{"id", "deposit_cents", "price_text", "email_addr", "bonus"},
            new String[]{"1", "12345", "USD 1,204.50", " Ann@Example.com ", "5"},
            new String[]{"2", "", "$412.00", "no-address", ""},
            new String[]{"3", "900", "USD72,500.00", "", null});

    private static String run(String column, String type, String source, String rule) throws Exception {
        GeneratedLayers.Layer layer = AMOUNTS.compile(Specs.spec()
                .row("t", "id", "INTEGER", "src", "id", "Direct")
                .row("t", column, type, "src", source, rule));
        return String.join(",", AMOUNTS.run(layer, column));
    }

    @Test
    void shouldDivideCentsWhateverSaysWhereTheyAreHeld() throws Exception {
        assertThat(run("deposit", "DECIMAL(12,2)", "deposit_cents", "Held in cents in the source - divide by 100. If blank, 0."))
                .isEqualTo("123.45,0.00,9.00");
        assertThat(run("deposit", "DECIMAL(12,2)", "deposit_cents", "deposit_cents is in cents - divide by 100."))
                .isEqualTo("123.45,null,9.00");
        assertThat(run("deposit", "DECIMAL(12,2)", "deposit_cents", "Held in cents in CIS - divide by 100 to get dollars."))
                .isEqualTo("123.45,null,9.00");
        // the value tested for NULL is typed as the value is: a text of cents divided as a number
        assertThat(run("deposit", "DECIMAL(12,2)", "deposit_cents", "Source is held in cents - divide by 100. Leave null if the "
                + "source is empty.")).isEqualTo("123.45,null,9.00");
    }

    @Test
    void shouldFlagALookupOfAColumnItsTableDoesNotHave() {
        Specs spec = Specs.spec()
                .row("t", "id", "INTEGER", "src", "id", "Direct")
                .row("t", "region", "VARCHAR(20)", "src", "email_addr", "Look up region_label from ref_region where region_cd = "
                        + "email_addr");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(java.util.List.of("duckdb"),
                java.util.List.of(), new SchemaCatalog(java.util.List.of(Specs.table("src", new String[]{"id", "email_addr"}),
                Specs.table("ref_region", new String[]{"region_cd", "region_name"})))), null).layers().get(0);
        assertThat(layer.columns().get(1).status()).isEqualTo("flagged");
        assertThat(layer.columns().get(1).reason()).contains("ref_region.region_label").contains("does not have");
    }

    @Test
    void shouldStripACurrencyNamedByItsCodeOrSign() throws Exception {
        for (String rule : new String[]{
                "Strip the 'USD' prefix, the '$' sign and any thousands separators, then convert to a number.",
                "Remove the USD prefix, spaces and thousands separators and convert to a number with 2 decimals.",
                "Fare arrives as text with the currency. Remove the USD prefix, the dollar sign and the commas and convert to a number."}) {
            assertThat(run("price", "DECIMAL(12,2)", "price_text", rule)).as(rule).isEqualTo("1204.50,412.00,72500.00");
        }
    }

    @Test
    void shouldGiveTheDefaultForAMissingAmountAfterItsCurrencyIsStripped() throws Exception {
        // never a number put into the text the currency is stripped from (an engine error, or 0 for every amount)
        assertThat(run("price", "DECIMAL(12,2)", "price_text", "Strip the currency text/symbol and thousand separators and "
                + "load the number. If blank, load 0.")).isEqualTo("1204.50,412.00,72500.00");
    }

    @Test
    void shouldReplaceAValueJudgedUnusable() throws Exception {
        for (String rule : new String[]{
                "Trim and lower-case. If the value does not contain an '@' it is not a usable address - set to null.",
                "Trim and lower-case. If the value does not contain an '@' it is treated as missing (NULL)."}) {
            assertThat(run("email", "VARCHAR(50)", "email_addr", rule)).as(rule).isEqualTo("ann@example.com,null,null");
        }
    }

    @Test
    void shouldKeepTheValueInTheBranchSaidToKeepIt() throws Exception {
        assertThat(run("bonus", "INTEGER", "bonus", "If blank then 0, else as is")).isEqualTo("5,0,0");
        assertThat(run("bonus", "INTEGER", "bonus", "If blank then 0; otherwise unchanged.")).isEqualTo("5,0,0");
    }

    @Test
    void shouldFlagALookupIntoATargetThatReadsThisOne() {
        Specs spec = Specs.spec()
                .row("DIM_SCHOOL", "SCHOOL_CODE", "VARCHAR(5)", "sis_school", "school_cd", "Trim", null, null, true, null, null)
                .row("DIM_SCHOOL", "STUDENT_COUNT", "INTEGER", "DIM_STUDENT", "STUDENT_NO", "Number of students in DIM_STUDENT "
                        + "whose SCHOOL_CODE is this school")
                .row("DIM_STUDENT", "STUDENT_NO", "VARCHAR(5)", "sis_student", "student_no", "Trim", null, null, true, null, null)
                .row("DIM_STUDENT", "SCHOOL_CODE", "VARCHAR(5)", "sis_student", "school_cd", "Trim")
                .row("DIM_STUDENT", "SCHOOL_NAME", "VARCHAR(20)", "sis_student", "school_cd", "Look up SCHOOL_NAME from DIM_SCHOOL "
                        + "where SCHOOL_CODE = school_cd");
        java.util.List<GeneratedLayers.Layer> layers = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(
                java.util.List.of("duckdb"), java.util.List.of(), new SchemaCatalog(java.util.List.of(
                Specs.table("sis_school", new String[]{"school_cd", "school_nm"}),
                Specs.table("sis_student", new String[]{"student_no", "school_cd"})))), null).layers();
        GeneratedLayers.Column name = layers.stream().flatMap(l -> l.columns().stream()).filter(c -> c.name().equals("SCHOOL_NAME"))
                .findFirst().orElseThrow();
        assertThat(name.status()).isEqualTo("flagged");
        assertThat(name.reason()).contains("DIM_SCHOOL").contains("cycle");
    }
}
