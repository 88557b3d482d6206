package io.aide.aihub.service;

import io.aide.aihub.modeler.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaSourceTest {
    private static final Caller BOB = new Caller("globex", "bob", null);
    private static final SchemaSnapshot FILES = new SchemaSnapshot("ds_files", "files", null, List.of(
            new SchemaSnapshot.Table(null, "raw_orders", "table", List.of(new SchemaSnapshot.Column("id", "BIGINT", 1,
                    true), new SchemaSnapshot.Column("status", "VARCHAR", 2, true)), List.of(), List.of(), null)));

    private static SchemaSource source(SampleQueries samples) {
        return new SchemaSource(null, samples) {
            @Override
            public SchemaSnapshot snapshot(Caller caller, String dataSourceId) {
                return FILES;
            }
        };
    }

    @Test
    void shouldReadTheRowsOfUploadedFilesThroughTheQuerySandboxAsText() {
        // Given
        List<String> queries = new ArrayList<>();
        SampleQueries samples = new SampleQueries(null, 60) {
            @Override
            public Result onDataSource(Caller caller, String dataSourceId, String sql, int limit) {
                queries.add(dataSourceId + " " + limit + " " + sql);
                return new Result(List.of(new Column("id", "BIGINT"), new Column("status", "VARCHAR")),
                        List.of(List.of(1, "placed"), Arrays.asList(2L, null)), true, 4, "files", List.of("raw_orders"));
            }
        };

        // When
        SchemaSource.Loaded loaded = source(samples).load(BOB, "ds_files");

        // Then
        assertThat(queries).containsExactly("ds_files 1000 SELECT * FROM \"raw_orders\"");
        assertThat(loaded.sample().table("raw_orders")).hasValueSatisfying(t -> {
            assertThat(t.values("id")).containsExactly("1", "2");
            assertThat(t.values("status")).containsExactly("placed", null);
            assertThat(t.truncated()).isTrue();
        });
        assertThat(loaded.note()).isEqualTo("up to 1000 rows of each of 1 uploaded sample file(s)");
    }

    @Test
    void shouldAnalyseTheSchemaAloneAndSaySoWhenTheFilesRowsCannotBeRead() {
        // Given
        SampleQueries samples = new SampleQueries(null, 60) {
            @Override
            public Result onDataSource(Caller caller, String dataSourceId, String sql, int limit) {
                throw new AiHubException(503, "validator_unavailable", "Service unavailable",
                        "validator-service does not answer");
            }
        };

        // When
        SchemaSource.Loaded loaded = source(samples).load(BOB, "ds_files");

        // Then
        assertThat(loaded.sample().tables()).isEmpty();
        assertThat(loaded.note()).isEqualTo("uploaded sample files whose rows could not be read (validator-service "
                + "does not answer): integrity measured on the schema only");
    }
}
