package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row choices as general-rules sheets and filter cells word them: the words that only say rows are chosen taken away
 * in any order ("Exclude demo stores - STORE_NO beginning with 'DEMO' (any case) are not loaded", "... are showroom
 * stores - do not load", two classes joined by ", and", "Only X (trimmed, any case); A, B etc. are ignored"), a
 * general line whose clauses speak of different targets, a pick per a key cleaned in brackets or of the row a condition
 * holds for, and rows someone else maintains. Run in DuckDB.
 */
class GeneralRulesAndChoiceWordsTest {
    private static final SampleRows STORES = new SampleRows("pos_store",
            new String[]{"store_no", "store_nm", "region", "store_type", "is_open", "upd_ts"},
            new String[]{"S1", "High St", "North", "RETAIL", "Y", "2024-01-01 00:00:00"},
            new String[]{" demo7 ", "Showroom", "North", "retail ", "Y", "2024-01-01 00:00:00"},
            new String[]{"S2", "Mall", "Test", "Retail", "N", "2024-01-01 00:00:00"},
            new String[]{"S3", "Outlet", "South", "OUTLET", "Y", "2024-01-01 00:00:00"},
            new String[]{"s4 ", "Old name", "South", "RETAIL", "N", "2024-03-01 00:00:00"},
            new String[]{"S4", "New name", "South", "RETAIL", "Y", "2024-02-01 00:00:00"});

    private static Specs stores(String filter) {
        return Specs.spec()
                .row("dim_store", "store_code", "VARCHAR(10)", "pos_store", "store_no", "Trim, upper case", null, filter, true,
                        null, null)
                .row("dim_store", "store_name", "VARCHAR(20)", "pos_store", "store_nm", "As is");
    }

    @Test
    void shouldReadAFilterWhateverOrderItsWordsComeIn() throws Exception {
        for (String filter : new String[]{
                "Exclude demo stores - STORE_NO beginning with 'DEMO' (any case) are not loaded.",
                "Store numbers beginning with DEMO (any case) are showroom stores - do not load.",
                "Rows with STORE_NO starting 'DEMO' (trimmed, any case) are showrooms and are excluded from the load entirely (see Notes)"}) {
            GeneratedLayers.Layer layer = STORES.compile(stores(filter));
            assertThat(STORES.run(layer, "store_name")).as(filter).containsExactlyInAnyOrder("High St", "Mall", "Outlet", "Old name",
                    "New name");
        }
    }

    @Test
    void shouldLeaveOutEitherClassJoinedByAnd() throws Exception {
        GeneratedLayers.Layer layer = STORES.compile(stores(
                "Store numbers starting with DEMO (any case), and store records whose region is 'Test', are excluded from dim_store."));
        assertThat(STORES.run(layer, "store_name")).containsExactlyInAnyOrder("High St", "Outlet", "Old name", "New name");
    }

    @Test
    void shouldKeepOnlyTheNamedCodeWhenTheOthersAreSaidAgain() throws Exception {
        GeneratedLayers.Layer layer = STORES.compile(stores("Only STORE_TYPE = 'RETAIL' (trimmed, any case); OUTLET, POPUP etc. are ignored."));
        assertThat(STORES.run(layer, "store_name")).containsExactlyInAnyOrder("High St", "Showroom", "Mall", "Old name", "New name");
    }

    @Test
    void shouldGiveEachTargetTheClausesOfAGeneralLineAboutIt() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_store", "store_code", "VARCHAR(10)", "pos_store", "store_no", "Trim, upper case", null, null, true, null, null)
                .row("dim_region", "region_name", "VARCHAR(10)", "pos_store", "region", "Trim", null, null, true, null, null)
                .note("General rules", "3 | Test data is not loaded: stores whose code starts with 'DEMO' (any case); regions whose "
                        + "name is 'Test'.")
                .note("General rules", "7 | The -1 'unknown' member rows of the dimensions are maintained by the DBA and are not "
                        + "part of this load.");
        List<GeneratedLayers.Layer> layers = STORES.compileAll(spec);
        assertThat(STORES.run(layers.get(0), "store_code")).containsExactlyInAnyOrder("S1", "S2", "S3", "S4", "S4");
        assertThat(STORES.run(layers.get(1), "region_name")).containsExactlyInAnyOrder("North", "North", "South", "South", "South");
    }

    @Test
    void shouldLeaveAClauseAboutAnotherTargetToIt() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_store", "store_code", "VARCHAR(10)", "pos_store", "store_no", "Trim, upper case", null, null, true, null, null)
                .row("fact_sale", "store_code", "VARCHAR(10)", "pos_store", "store_no", "Trim, upper case", null, null, true, null, null)
                .note("General rules", "3 | Test data: POS_STORE rows with REGION = 'test' (any case) are QA stores - they are not "
                        + "loaded to dim_store, and sales rung up in those stores are not loaded to fact_sale.");
        List<GeneratedLayers.Layer> layers = STORES.compileAll(spec);
        assertThat(STORES.run(layers.get(0), "store_code")).containsExactlyInAnyOrder("S1", "DEMO7", "S3", "S4", "S4");
        // the sales of those stores need another table's rows: said, not guessed
        assertThat(layers.get(1).columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }

    @Test
    void shouldKeepOneRowPerKeyCleanedAsTheBracketSays() throws Exception {
        GeneratedLayers.Layer layer = STORES.compile(Specs.spec()
                .row("dim_store", "store_code", "VARCHAR(10)", "pos_store", "store_no", "Trim", null, null, true, null, null)
                .row("dim_store", "store_name", "VARCHAR(20)", "pos_store", "store_nm", "As is")
                .note("General rules", "4 | POS_STORE may hold several versions of a store. Keep one row per STORE_NO (trimmed, upper) "
                        + "- the one with the latest UPD_TS."));
        assertThat(STORES.run(layer, "store_name")).containsExactlyInAnyOrder("High St", "Showroom", "Mall", "Outlet", "Old name");
    }

    @Test
    void shouldKeepTheRepeatedRowAConditionHoldsFor() throws Exception {
        GeneratedLayers.Layer layer = STORES.compile(Specs.spec()
                .rowWithCells("dim_store", "store_code", "VARCHAR(10)", "pos_store", "store_no", "Trim and upper case", null,
                        "If a code appears more than once keep the row where IS_OPEN = 'Y'.")
                .row("dim_store", "store_name", "VARCHAR(20)", "pos_store", "store_nm", "As is"));
        assertThat(STORES.run(layer, "store_code", "store_name")).containsExactly(
                "DEMO7|Showroom", "S1|High St", "S2|Mall", "S3|Outlet", "S4|New name");
    }

    @Test
    void shouldCompareCodesAsAGeneralRuleSaysForTextFieldsOfTheExtract() throws Exception {
        GeneratedLayers.Layer layer = STORES.compile(Specs.spec()
                .row("dim_store", "store_code", "VARCHAR(10)", "pos_store", "store_no", "Trim, upper case", null, null, true, null, null)
                .row("dim_store", "store_kind", "VARCHAR(20)", "pos_store", "store_type", "RETAIL = Shop, OUTLET = Factory outlet, else Other")
                .note("General rules", "1 | All text fields from the POS extract are trimmed before use; code comparisons are "
                        + "case-insensitive."));
        assertThat(STORES.run(layer, "store_kind")).containsExactlyInAnyOrder("Shop", "Shop", "Shop", "Factory outlet", "Shop", "Shop");
    }
}
