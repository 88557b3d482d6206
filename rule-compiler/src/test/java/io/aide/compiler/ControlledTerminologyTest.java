package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDTM-style rows that assign a value through controlled terminology (ASSIGN_CT with a codelist), against reference
 * tables in the CDISC / sdtm.oak layout; and rows that write into a supplemental dataset beside the row that gives the
 * column its value. Run in DuckDB.
 */
class ControlledTerminologyTest {
    private static final List<String> CT_COLUMNS = List.of("codelist_code", "term_code", "term_value", "collected_value",
            "term_synonyms", "raw_codelist");
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private static Map<String, String> assignCt(String codelist, String rawCodelist) {
        Map<String, String> attrs = new java.util.HashMap<>(Map.of("mapping_algorithm", "ASSIGN_CT",
                "target_sdtm_variable_codelist_code", codelist));
        if (rawCodelist != null) {
            attrs.put("raw_codelist", rawCodelist);
        }
        return attrs;
    }

    private GeneratedLayers.Layer layer(Specs spec) {
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("md1", "id", "route")));
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);
    }

    private static List<Object> route(GeneratedLayers.Layer layer) throws Exception {
        try (DuckDb db = new DuckDb().table("md1", new String[]{"id", "route"}, new String[]{"1", "PO (Oral)"},
                new String[]{"2", "Intraoral Route of Administration"}, new String[]{"3", "Nasal spray"}, new String[]{"4", null})) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY id").stream()
                    .map(r -> r.get("CMROUTE")).toList();
        }
    }

    private static Specs rows(String rawCodelist) {
        return Specs.spec()
                .row("CM", "id", "INTEGER", null, "md1", "id", "Direct move", null, null, true, null, null, Map.of())
                .row("CM", "CMROUTE", "VARCHAR(40)", null, "md1", "route", "ASSIGN_CT", null, null, false, null, null,
                        assignCt("C66729", rawCodelist));
    }

    @Test
    void shouldRecodeCollectedValuesAndSynonymsToTheSubmissionValue() throws Exception {
        // Given the study's terminology and the CDISC one, agreeing on every value they share
        Specs spec = rows("ROUTE_CV1")
                .reference("ct-study", CT_COLUMNS, List.of(
                        List.of("C66729", "C38288", "ORAL", "PO (Oral)", "Intraoral Route of Administration; PO", "ROUTE_CV1")))
                .reference("sdtm_ct", List.of("codelist_code", "term_code", "term_value", "collected_value", "term_synonyms"),
                        List.of(List.of("C66729", "C38288", "ORAL", "PO (Oral)", "PO"),
                                List.of("C66729", "C38284", "NASAL", "Nasal", "")));

        // When
        GeneratedLayers.Layer layer = layer(spec);

        // Then: a value the codelist does not hold is passed on in upper case, as sdtm.oak's ASSIGN_CT does
        assertThat(layer.columns().get(1).status()).as(layer.columns().get(1).reason()).isEqualTo("compiled");
        assertThat(route(layer)).containsExactly("ORAL", "ORAL", "NASAL SPRAY", null);
    }

    @Test
    void shouldTakeTheStudyTerminologyOfTheRowsCrfCodelistWhenTheTablesDisagree() throws Exception {
        Specs spec = rows("ROUTE_CV1")
                .reference("ct-study", CT_COLUMNS, List.of(
                        List.of("C66729", "C38288", "ORAL", "PO (Oral)", "", "ROUTE_CV1"),
                        List.of("C66729", "C38288", "ORAL", "Nasal spray", "", "ROUTE_CV9")))
                .reference("other_ct", List.of("codelist_code", "term_value", "collected_value"),
                        List.of(List.of("C66729", "PERORAL", "PO (Oral)")));

        assertThat(route(layer(spec))).containsExactly("ORAL", "INTRAORAL ROUTE OF ADMINISTRATION", "NASAL SPRAY", null);
    }

    @Test
    void shouldFlagTerminologiesThatDisagreeWithoutAStudyCodelistToChooseOne() {
        Specs spec = rows(null)
                .reference("ct_a", List.of("codelist_code", "term_value", "collected_value"), List.of(List.of("C66729", "ORAL", "PO (Oral)")))
                .reference("ct_b", List.of("codelist_code", "term_value", "collected_value"), List.of(List.of("C66729", "PERORAL", "PO (Oral)")));

        GeneratedLayers.Column route = layer(spec).columns().get(1);

        assertThat(route.status()).isEqualTo("flagged");
        assertThat(route.reason()).contains("C66729").contains("ct_a").contains("ct_b");
    }

    @Test
    void shouldLeaveARowThatWritesIntoASupplementalDatasetToThatDatasetAndSayWhy() throws Exception {
        // Given the value from one row, and a second row about splitting long values into SUPPCM
        Specs spec = Specs.spec()
                .row("CM", "id", "INTEGER", null, "md1", "id", "Direct move", null, null, true, null, null, Map.of())
                .row("CM", "CMROUTE", "VARCHAR(200)", null, "md1", "route", "ASSIGN_NO_CT", null, null, false, null, null,
                        Map.of("mapping_algorithm", "ASSIGN_NO_CT"))
                .row("CM", "CMROUTE", "VARCHAR(200)", null, "md1", "route", "OTHER", null, null, false, null,
                        "If CMROUTE is over 200 characters, split it into CMROUTEn in SUPPCM to the nearest semicolon",
                        Map.of("mapping_algorithm", "OTHER"));

        // When
        CompilationResult result = compiler.compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(),
                new SchemaCatalog(List.of(Specs.table("md1", "id", "route")))), null);

        // Then
        assertThat(result.layers().get(0).columns().get(1).status()).isEqualTo("compiled");
        assertThat(route(result.layers().get(0))).containsExactly("PO (Oral)", "Intraoral Route of Administration", "Nasal spray", null);
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("SUPPCM").contains("not generate"));
    }
}
