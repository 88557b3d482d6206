package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one row of a mapping says for the others: a text date column's layout stated once, and a filter or a key that
 * decides every column's rows. Run in DuckDB.
 */
class TargetWideStatementsTest {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private GeneratedLayers.Layer layer(Specs spec, SchemaCatalog catalog) {
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);
    }

    private static DuckDb claims() throws Exception {
        return new DuckDb().table("claims", new String[]{"claim_id", "policy_no", "loss_dt", "void_ind"},
                new String[]{"1", "P1", "31.12.2023", "N"}, new String[]{"2", "P1", "02.01.2024", "Y"},
                new String[]{"3", "P2", "15.06.2024", null});
    }

    @Test
    void shouldReadATextDateByTheLayoutAnotherRowStatesForIt() throws Exception {
        // Given the layout said in the loss date's row only
        Specs spec = Specs.spec()
                .row("dim_claim", "claim_id", "INTEGER", "claims", "claim_id", "direct", null, null, true, null, null)
                .row("dim_claim", "loss_date", "DATE", "claims", "loss_dt", "loss_dt arrives as text in DD.MM.YYYY - cast to date")
                .row("dim_claim", "accident_year", "SMALLINT", "claims", "loss_dt", "Year of loss_dt");

        // When
        GeneratedLayers.Layer layer = layer(spec, new SchemaCatalog(List.of(Specs.table("claims", "claim_id", "policy_no",
                "loss_dt", "void_ind"))));

        // Then: the year is the loss date's, never NULL from reading the text as ISO
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = claims()) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY claim_id"))
                    .extracting(r -> String.valueOf(r.get("accident_year"))).containsExactly("2023", "2024", "2024");
        }
    }

    @Test
    void shouldFlagEveryColumnOfATargetWhoseFilterIsNotApplied() {
        // Given a filter the compiler cannot read
        Specs spec = Specs.spec()
                .row("dim_claim", "claim_id", "INTEGER", "claims", "claim_id", "direct", null,
                        "only the claims the adjusters flagged in last week's huddle", true, null, null)
                .row("dim_claim", "policy_number", "VARCHAR(10)", "claims", "policy_no", "as is");

        // When
        GeneratedLayers.Layer layer = layer(spec, null);

        // Then: the SQL is kept, but no column is called right
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layer.columns()).allSatisfy(c -> assertThat(c.reason()).contains("filter is not applied"));
        assertThat(layer.sql().get("duckdb")).contains("\"claims\".\"policy_no\"");
    }

    @Test
    void shouldFlagAGroupedTargetWhoseKeyColumnIsFlagged() {
        // Given counts per policy and accident year, the year's rule not understood
        Specs spec = Specs.spec()
                .row("agg", "policy_number", "VARCHAR(10)", "claims", "policy_no", "as is", null, null, true, null, null)
                .row("agg", "accident_year", "SMALLINT", "claims", "loss_dt", "the year the adjusters assign at the huddle",
                        null, null, true, null, null)
                .row("agg", "claim_count", "INTEGER", "claims", "claim_id", "count(distinct claim_id)");

        // When
        GeneratedLayers.Layer layer = layer(spec, null);

        // Then: grouped by the policy alone, the counts would be at the wrong grain
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layer.columns().get(2).reason()).contains("accident_year");
    }
}
