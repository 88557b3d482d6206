package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckPlannerTest {

    @Test
    void shouldPlanSyntaxPerDialectThenBindingExecutionAndTheMappingsDataChecks() {
        // Given: the customer dimension checked for Snowflake too (Excel is not a SQL dialect)
        LayerFixture fixture = new LayerFixture();
        ValidationInput input = new ValidationInput(fixture.layers(), LayerFixture.spec(), List.of(),
                List.of("Snowflake", "excel"), Map.of());

        // When
        List<String> plan = CheckPlanner.plan(input).stream()
                .map(p -> p.check() + "/" + (p.column() == null ? "" : p.column()) + "/" + p.dialect()).toList();

        // Then: the key is checked once as a key, not again as not-null
        assertThat(plan).containsExactly(
                "syntax//duckdb", "syntax//snowflake", "binding//duckdb", "execution//duckdb",
                "pk_unique/customer_id/duckdb", "not_null/customer_name/duckdb",
                "castable/customer_id/duckdb", "castable/customer_name/duckdb", "castable/status_desc/duckdb",
                "castable/country_code/duckdb", "accepted_values/status_desc/duckdb",
                "referential/country_code/duckdb", "row_count//duckdb");
    }

    @Test
    void shouldLeaveFlaggedColumnsOutOfTheDataChecks() {
        // Given: customer_name was emitted as a typed NULL
        GeneratedLayers.Layer layer = new LayerFixture().layer();
        List<GeneratedLayers.Column> columns = layer.columns().stream().map(c -> c.name().equals("customer_name")
                ? new GeneratedLayers.Column(c.name(), c.type(), c.mappingRef(), "flagged", "no rule", c.sources(),
                c.key(), c.nullable(), c.acceptedValues(), c.lookupTable()) : c).toList();
        GeneratedLayers.Layer flagged = new GeneratedLayers.Layer(layer.target(), layer.sql(), null, layer.blocks(),
                columns, layer.sourceTables(), layer.keyColumns());
        ValidationInput input = new ValidationInput(new GeneratedLayers("gen_1", "doc_1", 1, 1, List.of(flagged)),
                LayerFixture.spec(), List.of());

        // When
        List<PlannedCheck> plan = CheckPlanner.plan(input);

        // Then
        assertThat(plan).noneMatch(p -> "customer_name".equals(p.column()));
        assertThat(plan).extracting(PlannedCheck::mappingRefs).contains(List.of("@mapping[Map:4]"));
    }

    @Test
    void shouldTakeTheKeyFromTheColumnsWhenTheLayerNamesNone() {
        // Given
        GeneratedLayers.Layer layer = new LayerFixture().layer();
        GeneratedLayers.Layer unnamed = new GeneratedLayers.Layer(layer.target(), layer.sql(), null, layer.blocks(),
                layer.columns(), layer.sourceTables(), List.of());

        // When / Then
        assertThat(CheckPlanner.keyColumns(unnamed)).containsExactly("customer_id");
        assertThat(CheckPlanner.keyColumns(layer)).containsExactly("customer_id");
    }
}
