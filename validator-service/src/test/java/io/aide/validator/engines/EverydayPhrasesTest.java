package io.aide.validator.engines;

import io.aide.validation.compare.ColumnResult;
import io.aide.validation.compare.ColumnStatus;
import io.aide.validation.compare.TargetComparison;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's own evaluation case (test resources eval/everyday-phrases): rules in everyday wording whose expected
 * rows were written by hand. On DuckDB every column compiles and matches; PostgresDialectIT and SparkDialectIT then
 * require the same of the other engines.
 */
class EverydayPhrasesTest {

    @Test
    void shouldMatchEveryColumnOnDuckdb() throws Exception {
        // Given
        EvalCase c = EvalCase.load(EvalCase.OWN_CASE);

        // When
        Map<String, TargetComparison> scores;
        try (Connection db = EvalCase.duckdb(c)) {
            scores = c.compare("duckdb", sql -> EvalCase.query(db, sql));
        }

        // Then
        TargetComparison view = scores.get("person_view");
        assertThat(view).as("the case defines person_view").isNotNull();
        assertThat(view.columns()).hasSize(99);
        assertThat(view.columns()).allSatisfy(col -> assertThat(col.status()).as(col.column() + ": " + col.detail())
                .isEqualTo(ColumnStatus.MATCH));
        assertThat(view.columns().stream().map(ColumnResult::column)).contains("email_domain", "sold_sunday_week", "phone_local");
    }

    @Test
    void shouldMatchEveryColumnOfTheRetailStarSchemaOnDuckdb() throws Exception {
        assertEveryColumnMatches(EvalCase.RETAIL_CASE, 26, "dim_customer", "dim_product", "fact_sales", "dim_date");
    }

    @Test
    void shouldMatchEveryColumnOfTheHealthcareEncountersOnDuckdb() throws Exception {
        assertEveryColumnMatches(EvalCase.HEALTH_CASE, 21, "dim_patient", "dim_provider", "fact_encounter");
    }

    /** Every defined column of the case's targets matches on DuckDB. */
    private static void assertEveryColumnMatches(String name, int columns, String... targets) throws Exception {
        // Given
        EvalCase c = EvalCase.load(name);

        // When
        Map<String, TargetComparison> scores;
        try (Connection db = EvalCase.duckdb(c)) {
            scores = c.compare("duckdb", sql -> EvalCase.query(db, sql));
        }

        // Then
        assertThat(scores.keySet()).containsExactlyInAnyOrder(targets);
        assertThat(scores.values().stream().mapToInt(t -> t.columns().size()).sum()).isEqualTo(columns);
        assertThat(scores.values()).allSatisfy(t -> assertThat(t.columns()).allSatisfy(col -> assertThat(col.status())
                .as(t.target() + "." + col.column() + ": " + col.detail()).isEqualTo(ColumnStatus.MATCH)));
    }
}
