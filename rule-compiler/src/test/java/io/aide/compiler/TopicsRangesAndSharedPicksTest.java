package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row choices and picks as general-rules sheets word them for several tables at once, and the conditions inside them:
 * a topic that says its rows are left out ("Test records are excluded: ..."), a column named by words and then by its
 * name in brackets ("surname (LAST_NM) 'TEST'"), a range of numbers written after the value ("store numbers 900-999"),
 * "unless the rule says otherwise" beside a convention, one pick said of two tables with each table's key and order at
 * the same place of two lists, and the thing that repeats said with how it is compared in brackets. Run in DuckDB.
 */
class TopicsRangesAndSharedPicksTest {
    private static final SampleRows TECHS = new SampleRows("tech_master",
            new String[]{"tech_id", "last_nm", "status_cd", "updated_ts"},
            new String[]{" t1 ", "Ngata", "a", "2024-01-01 00:00:00"},
            new String[]{"T1", "Ngata", "A", "2024-03-01 00:00:00"},
            new String[]{"tst9", "Jones", "A", "2024-01-01 00:00:00"},
            new String[]{"T2", "Test", "A", "2024-01-01 00:00:00"},
            new String[]{"T3", "Brown", "x ", "2024-01-01 00:00:00"},
            new String[]{"T4", "Smith", "I", "2024-01-01 00:00:00"});

    private static final SampleRows STORES = new SampleRows("store_master",
            new String[]{"store_no", "store_nm", "last_upd"},
            new String[]{" 101", "Central", "2024-01-10 00:00:00"},
            new String[]{"101", "Central West", "2024-06-10 00:00:00"},
            new String[]{"950", "Training", "2024-01-10 00:00:00"},
            new String[]{"0999", "Test", "2024-01-10 00:00:00"},
            new String[]{"102", "Harbour", "2024-01-10 00:00:00"});

    private static final SampleRows ITEMS = new SampleRows("item_master",
            new String[]{"sku", "item_desc", "upd_ts"},
            new String[]{"bev-1", "Old coffee", "2024-01-01 00:00:00"},
            new String[]{" BEV-1 ", "Cold brew", "2024-05-01 00:00:00"},
            new String[]{"SNK-2", "Crisps", "2024-01-01 00:00:00"});

    private static Specs techs() {
        return Specs.spec()
                .row("dim_technician", "technician_id", "VARCHAR(10)", "tech_master", "tech_id", "trim + upper", null, null, true, null, null)
                .row("dim_technician", "surname", "VARCHAR(20)", "tech_master", "last_nm", "trim");
    }

    @Test
    void shouldLeaveOutTheRowsATopicSaysAreExcludedAndPickPerTheThingSaidToRepeat() throws Exception {
        GeneratedLayers.Layer layer = TECHS.compile(techs()
                .note("General Rules", "3 | TECH_MASTER exclusions | Test records are excluded: TECH_ID starting with 'TST' (any case) "
                        + "or surname (LAST_NM) 'TEST' (any case).")
                .note("General Rules", "4 | TECH_MASTER de-dup | HR sends the change history, so the same TECH_ID (after trim/upper) "
                        + "can appear more than once. Keep only the row with the latest UPDATED_TS."));
        assertThat(TECHS.run(layer, "technician_id")).containsExactly("T1", "T3", "T4");
    }

    @Test
    void shouldReadAColumnNamedInWordsThenInBracketsAndACodeWrittenBesideIt() throws Exception {
        for (String filter : new String[]{
                "Exclude TECH_ID starting with 'TST' (any case) or surname (LAST_NM) 'TEST' (any case).",
                "Exclude rows where TECH_ID starts with 'TST' (any case) or the surname (LAST_NM) is 'TEST' (any case).",
                "TECH_ID starting with 'TST' (any case) or LAST_NM 'TEST' (any case) are excluded."}) {
            GeneratedLayers.Layer layer = TECHS.compile(Specs.spec()
                    .row("dim_technician", "technician_id", "VARCHAR(10)", "tech_master", "tech_id", "trim + upper", null, filter, true,
                            null, null));
            assertThat(TECHS.run(layer, "technician_id")).as(filter).containsExactly("T1", "T1", "T3", "T4");
        }
    }

    @Test
    void shouldCompareCodesAsTheConventionSaysWhenRulesMaySayOtherwise() throws Exception {
        GeneratedLayers.Layer layer = TECHS.compile(Specs.spec()
                .row("dim_technician", "technician_id", "VARCHAR(10)", "tech_master", "tech_id", "trim + upper", null,
                        "Technicians with STATUS_CD = X are not loaded.", true, null, null)
                .note("General Rules", "2 | Codes are compared after trimming spaces and upper-casing, unless the rule says otherwise."));
        assertThat(TECHS.run(layer, "technician_id")).containsExactly("T1", "T1", "T2", "T4", "TST9");
    }

    @Test
    void shouldReadARangeOfNumbersWrittenAfterTheValue() throws Exception {
        for (String filter : new String[]{"Exclude test / training stores (store numbers 900-999).", "Exclude STORE_NO 900 to 999",
                "Exclude store numbers in the range 900 through 999"}) {
            GeneratedLayers.Layer layer = STORES.compile(Specs.spec()
                    .row("dim_store", "store_id", "INTEGER", "store_master", "store_no", "Trim, cast to integer", null, filter, true,
                            null, null));
            assertThat(STORES.run(layer, "store_id")).as(filter).containsExactly("101", "101", "102");
        }
    }

    @Test
    void shouldTakeEachTablesKeyAndOrderFromListsSaidOfSeveralTables() throws Exception {
        String rule = "3 | STORE_MASTER and ITEM_MASTER carry history / re-keyed rows. Keep one row per business key (STORE_ID, "
                + "cleaned SKU): the one with the latest LAST_UPD / UPD_TS.";
        GeneratedLayers.Layer stores = STORES.compile(Specs.spec()
                .row("dim_store", "store_id", "INTEGER", "store_master", "store_no", "Trim, cast to integer", null, null, true, null, null)
                .row("dim_store", "store_name", "VARCHAR(20)", "store_master", "store_nm", "trim")
                .note("General Rules", rule));
        assertThat(STORES.run(stores, "store_id", "store_name")).containsExactly("101|Central West", "102|Harbour", "950|Training",
                "999|Test");
        GeneratedLayers.Layer items = ITEMS.compile(Specs.spec()
                .row("dim_product", "sku", "VARCHAR(10)", "item_master", "sku", "UPPER(TRIM(SKU))", null, null, true, null, null)
                .row("dim_product", "product_name", "VARCHAR(20)", "item_master", "item_desc", "trim")
                .note("General Rules", rule));
        assertThat(ITEMS.run(items, "sku", "product_name")).containsExactly("BEV-1|Cold brew", "SNK-2|Crisps");
    }

    @Test
    void shouldFlagAGroupedTargetWhoseGroupingColumnIsFlagged() {
        List<GeneratedLayers.Layer> layers = STORES.compileAll(Specs.spec()
                .row("fct_store_day", "store_sk", "INTEGER", "store_master", "store_no", "Group by. Join to the store table's "
                        + "mystery column and take its key.")
                .row("fct_store_day", "last_update", "TIMESTAMP", "store_master", "last_upd", "Group by")
                .row("fct_store_day", "store_count", "INTEGER", "store_master", "store_no", "Count of stores"));
        assertThat(layers.get(0).columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }

    @Test
    void shouldDecodeThroughALookupTabNamedInWordsWhateverWordsSurroundIt() throws Exception {
        SampleRows loans = new SampleRows("ln_account", new String[]{"loan_id", "prod_cd"},
                new String[]{"L1", "pl"}, new String[]{"L2", "CAR"}, new String[]{"L3", "XX"}, new String[]{"L4", null});
        for (String rule : new String[]{
                "Decode PROD_CD via the 'Product Codes' tab (match after trim/upper). Codes not on the tab -> 'Unknown'.",
                "Look up PROD_CD (ignore case) on the Product Codes tab and return the Product Name. Codes that are not on the tab, "
                        + "and blank codes, become 'Unknown'.",
                "Decode the product code (trimmed, upper case) to its name using the Product Codes table. Codes not in the table, "
                        + "or blank, -> 'Unknown'."}) {
            GeneratedLayers.Layer layer = loans.compile(Specs.spec()
                    .row("dim_loan", "loan_id", "VARCHAR(5)", "ln_account", "loan_id", "Direct")
                    .row("dim_loan", "product_name", "VARCHAR(20)", "ln_account", "prod_cd", rule)
                    .reference("Product Codes", List.of("PROD_CD", "PRODUCT_NAME"), List.of(List.of("PL", "Personal Loan"),
                            List.of("CAR", "Car Loan"))));
            assertThat(loans.run(layer, "loan_id", "product_name")).as(rule)
                    .containsExactly("L1|Personal Loan", "L2|Car Loan", "L3|Unknown", "L4|Unknown");
        }
    }

    @Test
    void shouldNotReadAReturnedColumnTheTabDoesNotGiveAsItsValue() {
        SampleRows loans = new SampleRows("ln_account", new String[]{"loan_id", "prod_cd"}, new String[]{"L1", "PL"});
        GeneratedLayers.Layer layer = loans.compile(Specs.spec()
                .row("dim_loan", "loan_id", "VARCHAR(5)", "ln_account", "loan_id", "Direct")
                .row("dim_loan", "product_group", "VARCHAR(20)", "ln_account", "prod_cd",
                        "Look up PROD_CD on the Product Codes tab and return the Product Group.")
                .reference("Product Codes", List.of("PROD_CD", "PRODUCT_NAME", "PRODUCT_GROUP"), List.of(
                        List.of("PL", "Personal Loan", "Unsecured"))));
        assertThat(layer.columns().get(1).status()).isEqualTo("flagged");
    }

    @Test
    void shouldLeaveOutAKindDefinedByTheValuesItsRowsUseWhenASentenceSaysTheyAreExcluded() throws Exception {
        GeneratedLayers.Layer layer = STORES.compile(Specs.spec()
                .row("dim_store", "store_id", "INTEGER", "store_master", "store_no", "Trim, cast to integer", null, null, true, null, null)
                .row("dim_store", "store_name", "VARCHAR(20)", "store_master", "store_nm", "trim")
                .note("General Rules", "2 | Test and training stores use store numbers 900-999. They are excluded from dim_store."));
        assertThat(STORES.run(layer, "store_id")).containsExactly("101", "101", "102");
    }

    @Test
    void shouldCompareTheCodesOfAMapAsTheRowsRemarkSaysTheyArrive() throws Exception {
        SampleRows stores = new SampleRows("store_master", new String[]{"store_no", "store_type"},
                new String[]{"1", "F"}, new String[]{"2", "s"}, new String[]{"3", "X"});
        GeneratedLayers.Layer layer = stores.compile(Specs.spec()
                .row("dim_store", "store_no", "VARCHAR(5)", "store_master", "store_no", "Direct")
                .row("dim_store", "store_format", "VARCHAR(20)", "store_master", "store_type", "F = Flagship, S = Standard, else Unknown",
                        null, null, false, null, "Codes come in upper and lower case - treat alike."));
        assertThat(stores.run(layer, "store_no", "store_format")).containsExactly("1|Flagship", "2|Standard", "3|Unknown");
    }

    @Test
    void shouldReadRowsInACategoryWrittenInCapitals() throws Exception {
        SampleRows items = new SampleRows("pos_item", new String[]{"item_code", "category"},
                new String[]{"A1", "FOOD"}, new String[]{"T1", "TEST"}, new String[]{"B2", "DRINK"});
        GeneratedLayers.Layer layer = items.compile(Specs.spec()
                .row("dim_item", "item_code", "VARCHAR(5)", "pos_item", "item_code", "trim", null,
                        "Items in category TEST are not loaded (General Rules).", true, null, null));
        assertThat(items.run(layer, "item_code")).containsExactly("A1", "B2");
    }
}
