package io.aide.aihub.modeler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LargeSchemaTest {
    /** 100 dimension tables and 500 fact tables each referencing three of them, as a 600-table warehouse source. */
    static SchemaSnapshot warehouse() {
        List<SchemaSnapshot.Table> tables = new ArrayList<>();
        for (int d = 0; d < 100; d++) {
            tables.add(SalesSchema.table("party" + d + "s", List.of("party" + d + "_id"), List.of(),
                    "party" + d + "_id integer", "label varchar(40)", "region varchar(20)"));
        }
        for (int f = 0; f < 500; f++) {
            List<SchemaSnapshot.ForeignKey> fks = new ArrayList<>();
            List<String> cols = new ArrayList<>(List.of("event" + f + "_id integer"));
            for (int k = 0; k < 3; k++) {
                int d = (f * 7 + k * 31) % 100;
                fks.add(SalesSchema.fk("party" + d + "_id", "party" + d + "s", "party" + d + "_id"));
                cols.add("party" + d + "_id integer");
            }
            cols.add("happened_on date");
            cols.add("amount numeric(12,2)");
            tables.add(SalesSchema.table("event" + f + "s", List.of("event" + f + "_id"), fks, cols.toArray(String[]::new)));
        }
        return new SchemaSnapshot("ds_big", "postgresql", "dw", tables);
    }

    @Test
    void shouldAnalyseASixHundredTableSchemaInUnderFiveSeconds() {
        // Given
        SchemaSnapshot snapshot = warehouse();
        long start = System.nanoTime();

        // When
        ModelAnalysis analysis = ModelAnalysis.of(snapshot, SampleRows.NONE);

        // Then
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isLessThan(5_000);
        assertThat(analysis.starSchema().facts()).hasSize(500);
        assertThat(analysis.starSchema().dimensions()).hasSize(101);
        assertThat(analysis.summary().tableCount()).isEqualTo(600);
        assertThat(analysis.starSchema().dimensions().stream().filter(StarSchema.Dimension::conformed)).hasSize(101);
    }

    @Test
    void shouldCutTheSchemaContextToTheNamedTablesKeepingTheWholeSummary() {
        // Given
        String whole = ModelAnalysis.of(warehouse(), SampleRows.NONE).schemaContext();

        // When
        String excerpt = SchemaMarkdown.excerpt(whole, List.of("sales.event7s", "party49s"));

        // Then
        assertThat(excerpt).contains("| 600 | ").contains("### sales.event7s").contains("### sales.party49s")
                .doesNotContain("### sales.event8s").doesNotContain("### sales.party0s")
                .contains("Not shown here (598 more tables, by name): sales.party0s, sales.party1s")
                .contains("party49s(party49_id) 1:N event7s(party49_id)")
                .doesNotContain("event8s(");
        assertThat(excerpt.length()).isLessThan(whole.length() / 10);
    }
}
