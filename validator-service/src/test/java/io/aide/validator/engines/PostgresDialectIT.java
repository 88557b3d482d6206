package io.aide.validator.engines;

import io.aide.testsupport.Infra;
import io.aide.testsupport.WithAideInfra;
import io.aide.validation.compare.ColumnResult;
import io.aide.validation.compare.ColumnStatus;
import io.aide.validation.compare.TargetComparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL output of each evaluation case run on the test environment's real PostgreSQL, its sources
 * loaded as text like `aide eval` loads them into DuckDB: every column scores as it does in DuckDB.
 */
@WithAideInfra
class PostgresDialectIT {

    @ParameterizedTest
    @ValueSource(strings = {"jaffle-shop", "solar-logistics", "sdtm-oak-cm", EvalCase.OWN_CASE, EvalCase.RETAIL_CASE, EvalCase.HEALTH_CASE})
    void shouldGiveTheExpectedRowsOnPostgresqlAsOnDuckdb(String name) throws Exception {
        // Given
        EvalCase c = EvalCase.load(name);
        Map<String, TargetComparison> duckdb;
        try (Connection db = EvalCase.duckdb(c)) {
            duckdb = c.compare("duckdb", sql -> EvalCase.query(db, sql));
        }
        String schema = "dialects_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        // When
        Map<String, TargetComparison> postgres;
        try (Connection pg = DriverManager.getConnection(Infra.pgJdbcUrl(), Infra.pgUser(), Infra.pgPassword())) {
            try {
                load(pg, schema, c);
                postgres = c.compare("postgres", sql -> EvalCase.query(pg, sql));
            } finally {
                try (Statement st = pg.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }

        // Then
        assertSameScores(name, duckdb, postgres);
    }

    /** Every column has the status it has on DuckDB (no error, no new mismatch), and some columns match. */
    static void assertSameScores(String name, Map<String, TargetComparison> reference, Map<String, TargetComparison> engine) {
        assertThat(engine.keySet()).containsExactlyElementsOf(reference.keySet());
        int matched = 0;
        for (String target : reference.keySet()) {
            Map<String, ColumnStatus> expected = statuses(reference.get(target));
            Map<String, String> details = engine.get(target).columns().stream()
                    .collect(Collectors.toMap(ColumnResult::column, r -> r.status().id() + ": " + r.detail(), (a, b) -> a));
            assertThat(statuses(engine.get(target))).as(name + "." + target + " (engine note: " + engine.get(target).note()
                    + "; columns: " + details + ")").isEqualTo(expected);
            matched += (int) expected.values().stream().filter(s -> s == ColumnStatus.MATCH).count();
        }
        assertThat(matched).as(name + ": columns matching the expected rows").isPositive();
    }

    private static Map<String, ColumnStatus> statuses(TargetComparison t) {
        return t.columns().stream().collect(Collectors.toMap(ColumnResult::column, ColumnResult::status, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** Sources into their own schema, every column TEXT; the schema also becomes the search path. */
    private static void load(Connection pg, String schema, EvalCase c) throws Exception {
        try (Statement st = pg.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("SET search_path TO " + schema);
            for (EvalCase.Source s : c.sources()) {
                if (s.schema() != null) {
                    st.execute("CREATE SCHEMA IF NOT EXISTS \"" + s.schema() + "\"");
                }
                String table = (s.schema() == null ? "" : "\"" + s.schema() + "\".") + "\"" + s.table() + "\"";
                List<String> columns = s.rows().columns();
                st.execute("CREATE TABLE " + table + " (" + columns.stream().map(col -> "\"" + col.replace("\"", "\"\"") + "\" TEXT")
                        .collect(Collectors.joining(", ")) + ")");
                try (PreparedStatement insert = pg.prepareStatement("INSERT INTO " + table + " VALUES ("
                        + columns.stream().map(col -> "?").collect(Collectors.joining(", ")) + ")")) {
                    for (List<String> row : s.rows().rows()) {
                        for (int i = 0; i < columns.size(); i++) {
                            // read_csv(all_varchar) reads an empty field as NULL
                            String v = row.get(i);
                            insert.setString(i + 1, v == null || v.isEmpty() ? null : v);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }
}
