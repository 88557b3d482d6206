package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Amounts kept as text with their signs and separators, cleaned by naming what to strip: currency signs ("£", "the
 * currency sign"), thousands separators, spaces; then cast, to the column's own type when the rule says only
 * "cast". DuckDB.
 */
class RuleMoneyTextTest {
    private static final RuleTable PRICES = new RuleTable("products", "id", new String[]{"id", "price"},
            new String[]{"1", "£ 1,299.50"}, new String[]{"2", "$45"}, new String[]{"3", null});

    @Test
    void shouldStripTheNamedSignsAndSeparatorsThenCast() throws Exception {
        PRICES.expect("DECIMAL(10,2)", "price", List.of("drop £, $, commas, spaces then cast",
                "Same clean-up as dim_product.list_price (drop £, $, commas, spaces) then cast",
                "strip the currency sign, commas and spaces, then cast to decimal",
                "Remove currency symbols, thousands separators and blanks and cast to decimal"), "1299.5", "45", null);
    }

    @Test
    void shouldRemoveTheCharactersADescriptionNamedWhereAPronounPointsBackAtThem() throws Exception {
        PRICES.expect("DECIMAL(10,2)", "price", List.of(
                "price is text with '£', '$', thousands commas and sometimes a leading space; strip those and read it as a number.",
                "Typed in as free text - sometimes with a £ or $ sign, sometimes with a space after the sign, thousands separated "
                        + "with commas. Strip all of that and store as a decimal. A blank price stays NULL (do not default to zero)."),
                "1299.5", "45", null);
    }

    @Test
    void shouldTrimBothEndsSaidWithASlashAndDefaultABlankOrOnlySpaces() throws Exception {
        RuleTable names = new RuleTable("suppliers", "id", new String[]{"id", "supp_name"}, new String[]{"1", "  Acme "},
                new String[]{"2", "   "}, new String[]{"3", null});
        names.expect("VARCHAR(60)", "supp_name", List.of(
                "Remove leading/trailing spaces. If the name is blank or only spaces then 'Unknown Supplier'."),
                "Acme", "Unknown Supplier", "Unknown Supplier");
    }

    @Test
    void shouldSayWhichTargetColumnARuleReadsIsNotCompiled() {
        Specs spec = Specs.spec()
                .row("t", "id", "INTEGER", "products", "id", "straight move", null, null, true, false, null)
                .row("t", "clean_price", "DECIMAL(10,2)", "products", "price", "the price as the till printed it")
                .row("t", "doubled", "DECIMAL(10,2)", "products", null, "clean_price * 2");
        io.aide.events.spec.GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(),
                new CompileOptions(List.of("duckdb"), List.of(), new SchemaCatalog(List.of(Specs.table("products", "id",
                        "price")))), null).layers().get(0);
        org.assertj.core.api.Assertions.assertThat(layer.columns().get(2).reason())
                .contains("it reads the target column clean_price, which is not compiled");
    }

    @Test
    void shouldKeepTheRuleAsWrittenWhereTheDescriptionAsksForMore() {
        org.assertj.core.api.Assertions.assertThat(PRICES.flagged("DECIMAL(10,2)", "price",
                "Round the price that comes with '$' and commas; strip those and cast")).isNotBlank();
    }
}
