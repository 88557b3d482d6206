package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wordings from documents no development case used: a minus written without spaces between two columns
 * ("ADT-TRTSDT+1"), a first sentence that only says what the target holds ("Date the carrier was set up."), a label
 * that starts with a number ("P7 = 7-Day Pass"), a text joined to a value that looks like a template ("'XXXX-XXXX-'
 * followed by ..."), a default after a cast of text that may be blank, how codes compare said as a cleaning on the cover
 * ("trim and upper-case before comparing"), and a dedupe said after a sentence that ends before a lower-case name, ordered
 * by a date another row parses. DuckDB.
 */
class DescriptionsMinusesAndCodeLabelsTest {
    private static final RuleTable DAYS = new RuleTable("adae", "id", new String[]{"id", "ADT", "TRTSDT", "ONBOARD_DT", "prod_cd"},
            new String[]{"1", "9", "4", "01/31/2024", "P7"}, new String[]{"2", "3", "5", "12/01/2023", "P30"},
            new String[]{"3", "7", "7", null, "SV"});

    @Test
    void shouldReadAHyphenBetweenTwoColumnsAsAMinus() throws Exception {
        DAYS.expect("INTEGER", "ADT, TRTSDT", List.of("If ADT>=TRTSDT then ADT-TRTSDT+1, else ADT-TRTSDT"), "6", "-2", "1");
        // a hyphenated word whose parts are no columns stays a word
        DAYS.expect("INTEGER", "ADT", List.of("Auto-increment"), "1", "2", "3");
    }

    @Test
    void shouldLeaveOutAFirstSentenceThatOnlyDescribesTheTarget() throws Exception {
        DAYS.expect("DATE", "ONBOARD_DT", List.of("Date the carrier was set up. Source text is MM/DD/YYYY – convert to a date.",
                "Date the carrier was set up. Convert MM/DD/YYYY text to a date."), "2024-01-31", "2023-12-01", null);
        // a first sentence followed only by remarks is the rule itself
        DAYS.expect("VARCHAR", "prod_cd", List.of("Copied unchanged. Primary lineage key back to the raw file."), "P7", "P30", "SV");
        // one word before a full stop is no sentence that describes: "V5.4" is never the number 4
        assertThat(DAYS.compile("VARCHAR", null, "V5.4").columns().get(1).status()).isEqualTo("flagged");
        // a first sentence that computes, or scopes the rows, is no description
        assertThat(DAYS.flagged("DATE", "ONBOARD_DT", "Only for domestic carriers. Convert MM/DD/YYYY text to a date.")).isNotBlank();
    }

    @Test
    void shouldKeepALabelThatStartsWithANumberWhole() throws Exception {
        DAYS.expect("VARCHAR", "prod_cd", List.of("Map the product code: SV = Stored Value, P7 = 7-Day Pass, P30 = 30-Day Pass. "
                + "Unrecognised codes = Other."), "7-Day Pass", "30-Day Pass", "Stored Value");
    }

    @Test
    void shouldNotReadATextJoinedToTheValueAsATemplate() {
        RuleTable cards = new RuleTable("afc", "id", new String[]{"id", "card_no"}, new String[]{"1", "1234-5678-9012-3456"});
        GeneratedLayers.Layer layer = cards.compile("VARCHAR", "card_no",
                "Strip spaces and dashes from card_no, then output 'XXXX-XXXX-XXXX-' followed by its last 4 digits.");
        assertThat(layer.columns().get(1).status()).isEqualTo("flagged");
    }

    @Test
    void shouldApplyADefaultAfterACastOfTextThatMayBeBlank() throws Exception {
        SampleRows recipes = new SampleRows("bm_recipe", new String[]{"recipe_cd", "ibu"}, new String[]{"A1", "35"},
                new String[]{"B2", "  "}, new String[]{"C3", null});
        GeneratedLayers.Layer layer = recipes.compile(Specs.spec()
                .row("dim_beer", "recipe_code", "VARCHAR(10)", "bm_recipe", "recipe_cd", "Direct move.")
                .rowWithCells("dim_beer", "ibu", "INTEGER", "bm_recipe", "ibu", "Convert to a whole number.", "0", null));
        assertThat(recipes.run(layer, "recipe_code", "ibu")).containsExactly("A1|35", "B2|0", "C3|0");
    }

    @Test
    void shouldCompareCodesAsTheCoverSaysToCleanThemBeforeComparing() throws Exception {
        assertThat(modes("General notes | Code values come in mixed case and with stray spaces - trim and upper-case before "
                + "comparing.")).containsExactly("1|Bus", "2|Light Rail", "3|Other");
        // a cover that says codes compare exactly asks for no cleaning
        assertThat(modes("Codes are compared exactly - do not trim or upper-case them before comparing."))
                .containsExactly("1|Other", "2|Other", "3|Other");
    }

    /** The decoded modes of three padded, mixed-case codes under a cover note. */
    private static List<String> modes(String cover) throws Exception {
        SampleRows routes = new SampleRows("route_ref", new String[]{"route_cd", "mode_cd"}, new String[]{"1", " b"},
                new String[]{"2", "LR "}, new String[]{"3", "x"});
        return routes.run(routes.compile(Specs.spec().note("Cover", cover)
                .row("dim_route", "route_id", "VARCHAR(10)", "route_ref", "route_cd", "Direct move.")
                .row("dim_route", "transit_mode", "VARCHAR(20)", "route_ref", "mode_cd",
                        "Decode: B = Bus, LR = Light Rail. Any other code = Other.")), "route_id", "transit_mode");
    }

    @Test
    void shouldKeepTheLatestVersionByTheDateAnotherRowParses() throws Exception {
        SampleRows versions = new SampleRows("route_ref", new String[]{"route_cd", "route_nm", "eff_from_dt"},
                new String[]{"12", "Crosstown", "01-Mar-2022"}, new String[]{"12", "Crosstown Limited", "15-Aug-2019"},
                new String[]{"7 ", "Harbor Road", "03-Feb-2017"}, new String[]{"7", "Harbor", "01-Jan-2009"});
        GeneratedLayers.Layer layer = versions.compile(Specs.spec()
                .row("dim_route", "route_id", "VARCHAR(10)", "route_ref", "route_cd", "Trim and upper-case the route code. "
                        + "route_ref holds one row per route version - keep only the version with the latest eff_from_dt for each "
                        + "route and ignore the older ones.")
                .row("dim_route", "route_name", "VARCHAR(60)", "route_ref", "route_nm", "Direct move.")
                .row("dim_route", "effective_from", "DATE", "route_ref", "eff_from_dt", "Source text format is DD-Mon-YYYY."));
        // as text, '15-Aug-2019' sorts after '01-Mar-2022' and '03-Feb-2017' after '01-Jan-2009' by chance only
        assertThat(versions.run(layer, "route_id", "route_name", "effective_from"))
                .containsExactly("12|Crosstown|2022-03-01", "7|Harbor Road|2017-02-03");
    }
}
