package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A null-handling cell that says more than a default goes on from the rule ("Blank → 'UNKNOWN'", "A blank count counts
 * as 0"); one that only reassures is borne out or the column is flagged; never ignored (it was, and the blank stayed
 * blank). A filter of steps read sentence by sentence, with the codes a step says are not loaded checked against the
 * codes kept. Run in DuckDB.
 */
class NullCellsAndStepsTest {
    private static final String[] TRIPS = {"trip_id", "driver", "brakes", "accels", "status", "received"};
    private static final String[][] DATA = {TRIPS,
            {"1", " d1", "1", "", "C", "2024-01-01"}, {"1", "d1", "1", "2", "V", "2024-01-02"},
            {"2", "", "", "3", "c ", "2024-01-01"}, {"3", null, "0", "0", "T", "2024-01-01"}};

    private static GeneratedLayers.Layer layer(String column, String type, String source, String rule, String nullCell,
                                               String filter) {
        List<SourceRef> refs = java.util.Arrays.stream(source.split(",\\s*")).map(s -> new SourceRef(null, "trips", s)).toList();
        MappingRow key = new MappingRow(null, "Mapping", 2, "fact", "trip_id", "BIGINT", null, "trips",
                List.of(new SourceRef(null, "trips", "trip_id")), "trip_id", "Trim and cast to a big integer.", null, filter,
                true, false, null, null, null, Map.of());
        MappingRow row = new MappingRow(null, "Mapping", 3, "fact", column, type, null, "trips", refs, source, rule, null, null,
                false, true, null, nullCell, null, Map.of());
        var spec = new io.aide.events.spec.MappingSpec("d", "t", 1, "m.xlsx", "xlsx", Map.of(), List.of(), List.of(key, row),
                List.of(), List.of());
        return new SemanticLayerCompiler().compile(spec, new CompileOptions(List.of("duckdb"), List.of(),
                new SchemaCatalog(List.of(Specs.table("trips", TRIPS)))), null).layers().get(0);
    }

    private static List<String> run(GeneratedLayers.Layer layer, String column) throws Exception {
        try (DuckDb db = new DuckDb().table("trips", DATA)) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1, 2").stream()
                    .map(r -> r.get("trip_id") + "|" + r.get(column)).toList();
        }
    }

    @Test
    void shouldReadANullCellThatGoesOnFromTheRule() throws Exception {
        assertThat(run(layer("driver_id", "VARCHAR(10)", "driver", "Driver badge, trimmed, upper case.", "Blank → 'UNKNOWN'", null),
                "driver_id")).containsExactly("1|D1", "1|D1", "2|UNKNOWN", "3|UNKNOWN");
        assertThat(run(layer("events", "INTEGER", "brakes, accels", "brakes + accels", "A blank count counts as 0.", null),
                "events")).containsExactly("1|1", "1|3", "2|3", "3|0");
    }

    @Test
    void shouldFlagANullCellItCannotRead() {
        GeneratedLayers.Layer layer = layer("driver_id", "VARCHAR(10)", "driver", "Trim.", "Replace blanks with the value from the roster", null);
        assertThat(layer.columns().get(1).status()).isEqualTo("flagged");
        assertThat(layer.columns().get(1).reason()).contains("null-handling cell");
        // a reassurance the value bears out is no reason to flag
        assertThat(layer("events", "INTEGER", "brakes", "Cast to integer.", "Blank → NULL", null).columns().get(1).status())
                .isEqualTo("compiled");
        assertThat(layer("driver_id", "VARCHAR(10)", "driver", "Trim.", "NULLs allowed for pool vehicles", null).columns().get(1)
                .status()).isEqualTo("compiled");
        // a cell the rule bears out leaves the rule as it reads alone (read with it, "has no" became a test of zero)
        GeneratedLayers.Layer borne = layer("events", "INTEGER", "brakes", "Cast to integer.", "NULL when the trip has no brakes", null);
        assertThat(borne.columns().get(1).status()).isEqualTo("compiled");
        assertThat(borne.sql().get("duckdb")).doesNotContain("= 0").doesNotContain("CASE");
    }

    @Test
    void shouldReadAFilterOfStepsAndTheCodesItSaysAreNotLoaded() throws Exception {
        String filter = "Step 1 (dedupe): when a trip_id is received more than once keep only the version with the latest received."
                + " Step 2 (filter): load only completed trips, i.e. status = 'C' after trimming and ignoring case."
                + " T (test) and V (voided) trips are not loaded.";
        GeneratedLayers.Layer layer = layer("driver_id", "VARCHAR(10)", "driver", "Trim.", null, filter);
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        // trip 1's latest version is voided: gone; trip 2 kept ('c '); trip 3 is a test
        assertThat(run(layer, "driver_id")).containsExactly("2|");
    }
}
