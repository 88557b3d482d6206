package io.aide.sqlgen.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectsTest {

    @Test
    void shouldKeepTheRequestedOrderAndAddDuckdbWhenNoSqlDialectIsAsked() {
        // When
        List<String> onlyPyspark = Dialects.normalise(List.of("PySpark"));
        List<String> mixed = Dialects.normalise(List.of("postgresql", "duckdb", "dbt", "postgres"));

        // Then
        assertThat(onlyPyspark).containsExactly("pyspark", "duckdb");
        assertThat(mixed).containsExactly("postgres", "duckdb", "dbt");
        assertThat(Dialects.primary(mixed)).isEqualTo("postgres");
    }

    @Test
    void shouldRefuseAnUnknownDialectByName() {
        // When / Then
        assertThatThrownBy(() -> Dialects.normalise(List.of("duckdb", "oracle")))
                .isInstanceOf(SqlgenException.class)
                .hasMessageContaining("oracle")
                .satisfies(e -> assertThat(((SqlgenException) e).code()).isEqualTo("unknown_dialect"));
    }
}
