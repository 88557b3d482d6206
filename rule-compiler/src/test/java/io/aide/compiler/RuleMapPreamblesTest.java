package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value maps as three fresh documents wrote them: the cleaning said before the pairs in several orders ("Trim and
 * upper-case the code, then decode: ...", "Decode the region code (trim and upper-case first): ...", "Trimmed code, any
 * case: ..."), after them ("Codes arrive in mixed case - upper-case before decoding"), an else branch that names the
 * blanks it also covers, a key list with "unrecognised" (it was compared with the text 'unrecognised', and the else was
 * lost), an abbreviation in a label's brackets, and a filter that keeps the codes the map lists. Each runs in DuckDB.
 */
class RuleMapPreamblesTest {
    private static final RuleTable CODES = new RuleTable("src", "id", new String[]{"id", "seg_cd", "region_cd", "dep_dt", "bkg_dt"},
            new String[]{"1", " ent", "ne ", "20250301", "20250201"}, new String[]{"2", "MM", "SW", "20250110", "20250110"},
            new String[]{"3", null, "", null, "20250101"});

    @Test
    void shouldCleanTheKeyAsThePreambleSays() throws Exception {
        CODES.expect("VARCHAR(20)", "seg_cd", List.of(
                        "Trim and upper-case the code, then decode: ENT = Enterprise, MM = Mid-Market. Anything else, including blank, = Unknown.",
                        "Trim/upper, then ENT → Enterprise, MM → Mid-Market; any other code → Unknown.",
                        "Trim/upper the seg code first. ENT = Enterprise, MM = Mid-Market, else Unknown (blank included).",
                        "Trimmed code, any case: ENT = Enterprise, MM = Mid-Market, otherwise (incl. blank/NULL) Unknown.",
                        "ENT = Enterprise, MM = Mid-Market, anything else = Unknown. Code comes in mixed case; compare after trim/upper.",
                        "ENT = Enterprise, MM = Mid-Market; any other code or blank = Unknown. Codes arrive in mixed case – upper-case"
                                + " before decoding."),
                "Enterprise", "Mid-Market", "Unknown");
        CODES.expect("VARCHAR(20)", "region_cd", List.of("Decode the region code (trim and upper-case first): NE = Northeast,"
                + " W = West. Any other value, blank or null = 'Unassigned'."), "Northeast", "Unassigned", "Unassigned");
    }

    @Test
    void shouldDecodeTheCleanedValueOfAnotherTargetColumn() throws Exception {
        // Given a target column that cleans and defaults the code, and one that decodes "the cleaned" column
        Specs spec = Specs.spec()
                .row("f", "id", "INTEGER", "src", "id", "Direct move", null, null, true, false, null)
                .row("f", "seg_code", "VARCHAR(5)", "src", "seg_cd", "Trim and upper-case. Default to 'MM' when blank.")
                .row("f", "seg_name", "VARCHAR(20)", "src", "seg_cd", "Decode the cleaned seg_code (after the MM default):"
                        + " ENT = Enterprise, MM = Mid-Market, anything else = Unknown.");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("src", "id", "seg_cd", "region_cd", "dep_dt", "bkg_dt")))), null)
                .layers().get(0);

        // Then the third row's NULL code decodes as its default
        assertThat(layer.columns().get(2).status()).as(layer.columns().get(2).reason()).isEqualTo("compiled");
        try (DuckDb db = new DuckDb().table("src", new String[][]{{"id", "seg_cd", "region_cd", "dep_dt", "bkg_dt"},
                {"1", " ent", "x", null, null}, {"2", "smb", "x", null, null}, {"3", null, "x", null, null}})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map((Map<String, Object> r) -> String.valueOf(r.get("seg_name"))).toList())
                    .containsExactly("Enterprise", "Unknown", "Mid-Market");
        }
    }

    @Test
    void shouldReadUnrecognisedAmongTheKeysAsTheElseAndKeepAnAbbreviationInALabel() throws Exception {
        CODES.expect("VARCHAR(30)", "seg_cd", List.of("Trim/upper then decode: ENT = Travel Agent (GDS), MM = Call Centre."
                + " Blank or unrecognised → Other."), "Travel Agent (GDS)", "Call Centre", "Other");
    }

    @Test
    void shouldTakeADateNamedTextLessADateAsADifferenceInDaysByItsStatedLayout() {
        // Given a text departure date whose layout another row states in brackets, less a parsed booking date
        Specs spec = Specs.spec()
                .row("f", "id", "INTEGER", "src", "id", "Direct move", null, null, true, false, null)
                .row("f", "booking_date", "DATE", "src", "bkg_dt", "Text in YYYYMMDD format → DATE.")
                .row("f", "departure_ts", "TIMESTAMP", "src", "dep_dt", "Combine dep_dt (YYYYMMDD) with midnight.")
                .row("f", "days_to_departure", "INTEGER", "src", "dep_dt, bkg_dt",
                        "Departure date minus booking_date, in whole calendar days.");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("src", "id", "seg_cd", "region_cd", "dep_dt", "bkg_dt")))), null)
                .layers().get(0);

        // Then the column is a difference of dates, read by the layout the mapping states (not a number less a date)
        GeneratedLayers.Column days = layer.columns().get(3);
        assertThat(days.status()).as(days.reason()).isEqualTo("compiled");
        assertThat(layer.sql().get("duckdb")).contains("%Y%m%d").doesNotContain("AS DOUBLE");
    }

    @Test
    void shouldKeepTheRowsWhoseCodeTheMapListsWhenOthersAreSaidToBeFilteredOut() throws Exception {
        Specs spec = Specs.spec()
                .row("f", "id", "INTEGER", "src", "id", "Direct move", null, null, true, false, null)
                .row("f", "segment", "VARCHAR(20)", "src", "seg_cd", "Trim/upper, then ENT = Enterprise, MM = Mid-Market. Rows with"
                        + " any other segment are filtered out of this table before loading.");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("src", "id", "seg_cd", "region_cd", "dep_dt", "bkg_dt")))), null)
                .layers().get(0);

        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("src", new String[][]{{"id", "seg_cd", "region_cd", "dep_dt", "bkg_dt"},
                {"1", " ent", "x", null, null}, {"2", "SMB", "x", null, null}, {"3", null, "x", null, null}, {"4", "mm", "x", null, null}})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map((Map<String, Object> r) -> r.get("id") + "|" + r.get("segment")).toList())
                    .containsExactly("1|Enterprise", "4|Mid-Market");
        }
    }
}
