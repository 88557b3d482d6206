package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups whose table, returned column and match stand where the writer put them, the value matched written as any
 * rule ("Trim and upper-case x and match it to dim_maker.maker_id, return maker_key", "Lookup: dim_maker.maker_id =
 * UPPER(TRIM(maker_id)), return maker_key", "Find the dim_maker row whose maker_id equals the trimmed, upper-cased
 * maker_id and take its maker_key", "by matching DIM_MAKER.MAKER_ID to the object's maker_id after trimming and
 * upper-casing it", "on maker_id = maker_id (trimmed, upper case)"), with what an unmatched row gets said after ("If the
 * object has no maker id or it is not found in dim_maker, load -1", "Keep the object when there is no match and set
 * maker_key = -1"); and a first sentence that only says what the data holds ("Some rows carry an 'IMO' prefix and
 * spaces; keep only the digits"). Before, each was flagged. DuckDB.
 */
class LookupClausesAndDataRemarksTest {
    private static final String[] MAKERS = {"maker_id", "maker_key"};
    private static final String[] OBJECTS = {"obj_no", "maker_id", "imo"};

    private static List<String> run(String rule, String nullCell) throws Exception {
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(Specs.spec()
                .row("dim_object", "obj_no", "VARCHAR(5)", "cms_object", "obj_no", "Trim.")
                .row("dim_object", "maker_key", "INTEGER", "cms_object", "maker_id", rule, null, null, false, null, nullCell)
                .build(), new CompileOptions(List.of("duckdb"), List.of(), new SchemaCatalog(List.of(Specs.table("cms_object", OBJECTS),
                Specs.table("dim_maker", MAKERS)))), null).layers().get(0);
        assertThat(layer.columns()).as(rule).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("cms_object", new String[][]{OBJECTS, {"O1", " m1 ", null}, {"O2", "", null},
                        {"O3", "M9", null}})
                .table("dim_maker", new String[][]{MAKERS, {"M1", "7"}, {"M9", "9"}})) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> r.get("obj_no") + "|" + r.get("maker_key")).toList();
        }
    }

    @Test
    void shouldReadTheLookupsPartsWhereverTheSentencePutsThem() throws Exception {
        for (String rule : List.of(
                "Lookup to dim_maker: trim and upper-case cms_object.maker_id and match it to dim_maker.maker_id, return maker_key.",
                "Lookup: dim_maker.maker_id = UPPER(TRIM(maker_id)), return maker_key.",
                "Match UPPER(TRIM(maker_id)) to dim_maker.maker_id and return maker_key.",
                "Find the dim_maker row whose maker_id equals the trimmed, upper-cased maker_id and take its maker_key.",
                "Look up dim_maker.maker_key by matching dim_maker.maker_id to the object's maker_id after trimming and upper-casing it.",
                "Look up dim_maker where dim_maker.maker_id = maker_id trimmed and upper-cased; return its maker_key.",
                "Look up dim_maker on maker_id = maker_id (trimmed, upper case) and take its maker_key.",
                "Same idea for the maker: match UPPER(TRIM(maker_id)) to dim_maker.maker_id, return maker_key.")) {
            assertThat(run(rule, "-1 when not found")).as(rule).containsExactly("O1|7", "O2|-1", "O3|9");
        }
    }

    @Test
    void shouldReadWhatAnUnmatchedRowGetsSaidInTheSentencesAfter() throws Exception {
        for (String rule : List.of(
                "Lookup to dim_maker: trim and upper-case cms_object.maker_id and match it to dim_maker.maker_id, return maker_key. "
                        + "If the object has no maker id or it is not found in dim_maker, load -1.",
                "Look up dim_maker.maker_key by matching the trimmed, upper-cased maker_id to dim_maker.maker_id. Keep the object "
                        + "when there is no match and set maker_key = -1.",
                "Look up dim_maker where dim_maker.maker_id equals the object's maker_id trimmed and upper-cased. If no maker is "
                        + "found, keep the object and set the key to -1.")) {
            assertThat(run(rule, null)).as(rule).containsExactly("O1|7", "O2|-1", "O3|9");
        }
    }

    @Test
    void shouldReadTheTableNamedFirstWhenTheWordsAfterOfNameWhoseValueItIs() throws Exception {
        assertThat(run("Look up dim_maker on maker_id = trimmed, upper-cased maker_id of the object line. If no maker is found, "
                + "use -1.", null)).containsExactly("O1|7", "O2|-1", "O3|9");
    }

    @Test
    void shouldReadARuleAfterASentenceThatOnlySaysWhatTheDataHolds() throws Exception {
        RuleTable table = new RuleTable("vessel", "id", new String[]{"id", "imo_no"},
                new String[]{"1", "IMO 9454436"}, new String[]{"2", " 9321483"}, new String[]{"3", null});
        table.expect("VARCHAR", "imo_no", List.of("Some rows carry an 'IMO' prefix and spaces (e.g. 'IMO 9454436'); keep only the digits.",
                "The source sometimes holds an 'IMO' prefix. Keep only the digits."), "9454436", "9321483", null);
        // a sentence that asks for something is no description of the data
        assertThat(table.flagged("VARCHAR", "imo_no", "Some rows carry spaces, trim them away and upper-case.")).isNotBlank();
    }
}
