package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups into reference data that is not clean, as hand-off documents word them: the reference column cleaned before
 * the comparison ("where the trimmed, upper-cased PLAN_CODE equals plan_code"), both sides cleaned ("on plan code (both
 * sides trimmed and upper-cased)"), the value brought back cleaned ("take PLAN_DESC (trimmed)"), the target's column
 * named as the row's source is the reference table itself ("equals plan_code above"), and the reference table's column
 * spelled as its schema has it in every dialect, and another value "from the same ref_plan match". Before, the cleaning
 * had no place and the rules were flagged. DuckDB.
 */
class LookupCleaningWordingTest {
    private static final String[] ACCOUNTS = {"ACCT_ID", "PLAN_CD"};
    private static final String[] PLANS = {"PLAN_CODE", "PLAN_DESC", "PLAN_TIER"};

    private static GeneratedLayers.Layer layer(String rule) {
        Specs spec = Specs.spec()
                .row("dim", "acct_id", "INTEGER", "accounts", "ACCT_ID", "Integer cast.", null, null, true, false, null)
                .row("dim", "plan_code", "VARCHAR(10)", "accounts", "PLAN_CD", "Trim and upper case.")
                .row("dim", "plan_name", "VARCHAR(40)", "ref_plan", "PLAN_DESC", rule);
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("accounts", ACCOUNTS), Specs.table("ref_plan", PLANS)));
        return new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb", "postgres"), List.of(),
                catalog), null).layers().get(0);
    }

    private static List<String> names(String rule) throws Exception {
        GeneratedLayers.Layer layer = layer(rule);
        assertThat(layer.columns().get(2).status()).as("%s: %s", rule, layer.columns().get(2).reason()).isEqualTo("compiled");
        try (DuckDb db = new DuckDb()
                .table("accounts", new String[][]{ACCOUNTS, {"1", " pro"}, {"2", "BAS "}, {"3", "XX"}, {"4", null}})
                .table("ref_plan", new String[][]{PLANS, {"PRO ", " Professional ", " gold"}, {"bas", "Basic", "silver "}})) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> String.valueOf(r.get("plan_name"))).toList();
        }
    }

    @Test
    void shouldCleanTheReferenceSideWhereTheRuleSaysSo() throws Exception {
        assertThat(names("Look up ref_plan where the trimmed, upper-cased PLAN_CODE equals plan_code and take PLAN_DESC"
                + " (trimmed). No match (including 'UNASSIGNED') -> 'Unknown Plan'."))
                .containsExactly("Professional", "Basic", "Unknown Plan", "Unknown Plan");
        assertThat(names("Left join ref_plan on plan code (both sides trimmed and upper-cased); take PLAN_DESC."))
                .containsExactly(" Professional ", "Basic", "null", "null");
    }

    @Test
    void shouldCompareTheRawReferenceColumnWhereNoCleaningIsSaid() throws Exception {
        // the reference holds 'PRO ' and 'bas': without a word of cleaning they match nothing
        assertThat(names("Look up ref_plan where its PLAN_CODE matches plan_code above and take PLAN_DESC, trimmed. If there"
                + " is no match, set to 'Unassigned'.")).containsExactly("Unassigned", "Unassigned", "Unassigned", "Unassigned");
    }

    @Test
    void shouldSpellTheReferenceColumnAsTheSchemaDoes() {
        String postgres = layer("Left join ref_plan on plan code (both sides trimmed and upper-cased); take PLAN_DESC.")
                .sql().get("postgres");
        assertThat(postgres).contains("\"PLAN_CODE\"").doesNotContain("\"plan_code\")");
    }

    @Test
    void shouldReadAnotherValueFromTheSameMatch() throws Exception {
        Specs spec = Specs.spec()
                .row("dim", "acct_id", "INTEGER", "accounts", "ACCT_ID", "Integer cast.", null, null, true, false, null)
                .row("dim", "plan_code", "VARCHAR(10)", "accounts", "PLAN_CD", "Trim and upper case.")
                .row("dim", "plan_name", "VARCHAR(40)", "ref_plan", "PLAN_DESC", "Left join ref_plan on plan code (both sides"
                        + " trimmed and upper-cased); take PLAN_DESC.")
                .row("dim", "plan_tier", "VARCHAR(10)", "ref_plan", "PLAN_TIER", "From the same ref_plan match, PLAN_TIER trimmed"
                        + " and upper case.");
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("accounts", ACCOUNTS), Specs.table("ref_plan", PLANS)));
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), catalog), null).layers().get(0);
        assertThat(layer.columns().get(3).status()).as(layer.columns().get(3).reason()).isEqualTo("compiled");
        try (DuckDb db = new DuckDb()
                .table("accounts", new String[][]{ACCOUNTS, {"1", " pro"}, {"2", "BAS "}, {"3", "XX"}})
                .table("ref_plan", new String[][]{PLANS, {"PRO ", " Professional ", " gold"}, {"bas", "Basic", "silver "}})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> String.valueOf(r.get("plan_tier"))).toList()).containsExactly("GOLD", "SILVER", "null");
        }
        // no other column looks the table up: the rule says so
        GeneratedLayers.Layer alone = new SemanticLayerCompiler().compile(Specs.spec()
                .row("dim", "acct_id", "INTEGER", "accounts", "ACCT_ID", "Integer cast.", null, null, true, false, null)
                .row("dim", "plan_tier", "VARCHAR(10)", "ref_plan", "PLAN_TIER", "From the same ref_plan match, PLAN_TIER trimmed.")
                .build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);
        assertThat(alone.columns().get(1).reason()).contains("no other column of the target looks up ref_plan");
    }
    @Test
    void shouldLookUpInATableNamedAfterAPrepositionComparingBothSidesAsTheWordsAfterTheKeySay() throws Exception {
        String[] visits = {"VISIT_ID", "PET_ID"};
        String[] pets = {"PET_ID", "PET_SK"};
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("visit", visits), Specs.table("dim_pet", pets)));
        List<String> keys = new java.util.ArrayList<>();
        for (String rule : List.of("Lookup to dim_pet.PET_SK on PET_ID, ignoring case and leading/trailing spaces.",
                "Lookup to dim_pet.PET_SK on PET_ID.")) {
            Specs spec = Specs.spec()
                    .row("fact_visit", "visit_id", "VARCHAR(10)", "visit", "VISIT_ID", "Direct", null, null, true, false, null)
                    .row("fact_visit", "pet_sk", "INTEGER", "visit", "PET_ID", rule);
            GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                    List.of(), catalog), null).layers().get(0);
            assertThat(layer.columns().get(1).status()).as("%s: %s", rule, layer.columns().get(1).reason()).isEqualTo("compiled");
            try (DuckDb db = new DuckDb().table("visit", new String[][]{visits, {"V1", " p1"}, {"V2", "P2"}})
                    .table("dim_pet", new String[][]{pets, {"P1 ", "1"}, {"P2", "2"}})) {
                keys.add(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                        .map(r -> String.valueOf(r.get("pet_sk"))).toList().toString());
            }
        }
        // ' p1' is the pet 'P1 ' once both sides are trimmed and upper-cased; as written, it matches nothing
        assertThat(keys).containsExactly("[1, 2]", "[null, 2]");
    }
}
