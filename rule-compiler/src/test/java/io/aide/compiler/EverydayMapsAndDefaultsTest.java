package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value maps and defaults as analysts write them: "Default when blank" beside a Default Value of 'GBP' (read before as
 * the text 'Default'), "L = Late, counts as 'Present'", "Other types (K8, special) -> 'Other'", codes another column of
 * the target upper-cases ("attendance_code: upper(trim())") compared so in a map, "Test depts (anything starting ZZ) are
 * not to be loaded" on the code's own row, and "Only the current version (latest LAST_UPD_TS) goes to ..." after the
 * sentence that says which key repeats. Run in DuckDB.
 */
class EverydayMapsAndDefaultsTest {
    private static final SampleRows CODES = new SampleRows("att",
            new String[]{"att_id", "att_cd", "ccy_cd", "sch_type", "dept_cd", "acct_no", "last_upd_ts"},
            new String[]{"1", "P", "eur", "ES", "AB", "A1", "2024-01-01 00:00:00"},
            new String[]{"2", " l", "", "K8", " zz1", "A1", "2024-02-01 00:00:00"},
            new String[]{"3", "m", "NULL", "HS", "ZZ2", "A2", "2024-01-01 00:00:00"},
            new String[]{"4", "X", "usd", "special", "CD", "A3", "2024-01-01 00:00:00"});

    @Test
    void shouldWriteTheRowsDefaultWhereItsNullCellNamesIt() throws Exception {
        GeneratedLayers.Layer layer = CODES.compile(Specs.spec()
                .row("d", "id", "INTEGER", "att", "att_id", "Direct map")
                .rowWithDefault("d", "currency_code", "CHAR(3)", "att", "ccy_cd", "as is (upper case)", "GBP", "Default when blank")
                .rowWithDefault("d", "ccy2", "CHAR(3)", "att", "ccy_cd", "Upper case", "GBP", "If blank use the default value"));
        assertThat(CODES.run(layer, "id", "currency_code", "ccy2")).containsExactly("1|EUR|EUR", "2|GBP|GBP", "3|NULL|NULL", "4|USD|USD");
    }

    @Test
    void shouldReadAValueSaidAfterTheCodesLabelAndAnElseNamedByItsKind() throws Exception {
        GeneratedLayers.Layer layer = CODES.compile(Specs.spec()
                .row("d", "id", "INTEGER", "att", "att_id", "Direct map")
                .row("d", "attendance_code", "VARCHAR(2)", "att", "att_cd", "upper(trim())")
                .row("d", "category", "VARCHAR(25)", "att", "att_cd", "P = Present; L = Late, counts as 'Present'; E or M = "
                        + "'Authorised Absence'; anything else = 'Unknown'")
                .row("d", "school_level", "VARCHAR(20)", "att", "sch_type", "ES=Elementary, MS=Middle, HS=High. Other types (K8, "
                        + "special, alternative) -> 'Other'"));
        assertThat(CODES.run(layer, "id", "category", "school_level")).containsExactly(
                "1|Present|Elementary", "2|Present|Other", "3|Authorised Absence|High", "4|Unknown|Other");
    }

    @Test
    void shouldReadTheValuesAColumnHoldsSaidBeforeItsRule() throws Exception {
        GeneratedLayers.Layer layer = CODES.compile(Specs.spec()
                .row("d", "id", "INTEGER", "att", "att_id", "Direct map")
                .row("d", "code", "CHAR(2)", "att", "att_cd", "P/L/M/X - upper case the source value, trimmed"));
        assertThat(CODES.run(layer, "id", "code")).containsExactly("1|P", "2|L", "3|M", "4|X");
    }

    @Test
    void shouldReadATrimSaidAtLengthWithAVerbThatAlsoRemoves() throws Exception {
        SampleRows skus = new SampleRows("sku", new String[]{"id", "sku"}, new String[]{"1", " ab 12 "});
        for (String[] c : new String[][]{{"Upper case, strip spaces either side", "AB 12"}, {"strip spaces from both ends", "ab 12"},
                {"Strip spaces", "ab12"}}) {
            GeneratedLayers.Layer layer = skus.compile(Specs.spec()
                    .row("d", "id", "INTEGER", "sku", "id", "Direct map")
                    .row("d", "sku", "VARCHAR(20)", "sku", "sku", c[0]));
            assertThat(skus.run(layer, "sku")).as(c[0]).containsExactly(c[1]);
        }
    }

    @Test
    void shouldLookUpOnATableByTheCodeATargetColumnCleans() throws Exception {
        io.aide.events.spec.GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(Specs.spec()
                .row("f", "bill_id", "VARCHAR(5)", "cis_bill", "bill_no", "As is")
                .row("f", "tariff_code", "VARCHAR(10)", "cis_bill", "tariff_cd", "Strip spaces, upper case")
                .row("f", "tariff_desc", "VARCHAR(20)", "tariff_codes", "tariff_desc", "Look up the description on tariff_codes by tariff "
                        + "code. If not found put 'Unknown tariff'").build(),
                new CompileOptions(java.util.List.of("duckdb"), java.util.List.of(), new SchemaCatalog(java.util.List.of(
                        Specs.table("cis_bill", new String[]{"bill_no", "tariff_cd"}),
                        Specs.table("tariff_codes", new String[]{"tariff_cd", "tariff_desc"})))), null).layers().get(0);
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("cis_bill", new String[][]{{"bill_no", "tariff_cd"}, {"B1", "RES-STD"}, {"B2", " ind-lv"},
                {"B3", "OLD"}}).table("tariff_codes", new String[][]{{"tariff_cd", "tariff_desc"}, {"RES-STD", "Residential"},
                {"IND-LV", "Industrial"}})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> r.get("bill_id") + "|" + r.get("tariff_desc")).toList())
                    .containsExactly("B1|Residential", "B2|Industrial", "B3|Unknown tariff");
        }
    }

    @Test
    void shouldReadAnythingAsTheRowsOwnCodeCleanedAsItsRuleCleansIt() throws Exception {
        GeneratedLayers.Layer layer = CODES.compile(Specs.spec()
                .row("d", "dept_code", "VARCHAR(10)", "att", "dept_cd", "Trim and upper case. Test depts (anything starting ZZ) are "
                        + "not to be loaded.")
                .row("d", "id", "INTEGER", "att", "att_id", "Direct map"));
        assertThat(CODES.run(layer, "dept_code", "id")).containsExactly("AB|1", "CD|4");
    }

    @Test
    void shouldKeepTheCurrentVersionPerTheKeyAnotherSentenceSaysRepeats() throws Exception {
        GeneratedLayers.Layer layer = CODES.compile(Specs.spec()
                .note("Global Rules", "4 | ATT is a change-log extract and can hold several rows for the same ACCT_NO. Only the "
                        + "current version (latest LAST_UPD_TS) goes to dim_account.")
                .row("dim_account", "account_number", "VARCHAR(4)", "att", "acct_no", "Trim", null, null, true, null, null)
                .row("dim_account", "id", "INTEGER", "att", "att_id", "Direct map"));
        assertThat(CODES.run(layer, "account_number", "id")).containsExactly("A1|2", "A2|3", "A3|4");
    }
    @Test
    void shouldReadTheValueOfABlankSaidWithDefaultsToOrAfterWhatItMeans() throws Exception {
        RuleTable parcels = new RuleTable("parcels", "id", new String[]{"id", "lvl"}, new String[]{"1", " std"}, new String[]{"2", null},
                new String[]{"3", "XYZ"});
        parcels.expect("VARCHAR(20)", "lvl", List.of("STD -> Standard; EXP -> Express. Compare trimmed and upper-cased. Blank defaults "
                + "to Standard. Any other code -> 'Other'.", "STD = Standard, EXP = Express (any case, trimmed). Blank means no level "
                + "was chosen -> 'Standard'. Any other code -> 'Other'."), "Standard", "Standard", "Other");
    }
}
