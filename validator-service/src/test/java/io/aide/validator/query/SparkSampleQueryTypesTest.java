package io.aide.validator.query;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Spark's answer in the DuckDB engine's shape: type names and decimal values. */
class SparkSampleQueryTypesTest {

    @Test
    void shouldNameSparkTypesAsDuckdbDoes() {
        // When / Then
        assertThat(SparkSampleQuery.duckdbType("int")).isEqualTo("INTEGER");
        assertThat(SparkSampleQuery.duckdbType("bigint")).isEqualTo("BIGINT");
        assertThat(SparkSampleQuery.duckdbType("string")).isEqualTo("VARCHAR");
        assertThat(SparkSampleQuery.duckdbType("decimal(20,2)")).isEqualTo("DECIMAL(20,2)");
        assertThat(SparkSampleQuery.duckdbType("timestamp")).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(SparkSampleQuery.duckdbType("timestamp_ntz")).isEqualTo("TIMESTAMP");
        assertThat(SparkSampleQuery.duckdbType("array<string>")).isEqualTo("ARRAY<STRING>");
    }

    @Test
    void shouldTurnTheRunnersDecimalTextBackIntoANumber() {
        // When
        Object decimal = SparkSampleQuery.value("10.50", "DECIMAL(20,2)");
        Object text = SparkSampleQuery.value("10.50", "VARCHAR");
        Object nullValue = SparkSampleQuery.value(null, "DECIMAL(20,2)");

        // Then
        assertThat(decimal).isEqualTo(new BigDecimal("10.50"));
        assertThat(text).isEqualTo("10.50");
        assertThat(nullValue).isNull();
    }
}
